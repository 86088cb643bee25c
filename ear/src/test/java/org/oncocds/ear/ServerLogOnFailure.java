package org.oncocds.ear;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the end of the domain's server log when a test or the deployment before it fails: the reason a deployment or
 * a request failed is in that log, not in asadmin's answer or the HTTP status.
 */
final class ServerLogOnFailure implements TestWatcher, LifecycleMethodExecutionExceptionHandler {

    private static final int LINES = 400;

    private final Supplier<PayaraDomain> domain;

    ServerLogOnFailure(Supplier<PayaraDomain> domain) {
        this.domain = domain;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        print(context.getDisplayName() + " failed");
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
        print("setting up the domain failed: " + cause.getMessage());
        throw cause;
    }

    private void print(String why) {
        PayaraDomain failed = domain.get();
        if (failed != null) {
            System.out.println(why + "\n" + failed.serverLogTail(LINES));
        }
    }
}
