package org.oncocds.fairness.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.function.Executable;

/** EJB containers wrap exceptions; what matters is what caused the refusal. */
final class Causes {

    private Causes() {
    }

    /** The first cause of the expected type, whose message contains {@code messagePart} unless that is null. */
    static <T extends Throwable> T assertCausedBy(Class<T> expected, String messagePart, Executable call) {
        Throwable thrown = assertThrows(Throwable.class, call);
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (expected.isInstance(cause)) {
                String message = String.valueOf(cause.getMessage());
                if (messagePart != null) {
                    assertTrue(message.contains(messagePart),
                            () -> "message should name " + messagePart + ": " + message);
                }
                return expected.cast(cause);
            }
        }
        return fail("expected " + expected.getSimpleName() + " in the causes of " + thrown, thrown);
    }
}
