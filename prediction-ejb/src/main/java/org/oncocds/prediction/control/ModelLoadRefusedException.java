package org.oncocds.prediction.control;

/**
 * A stored model version that will not be loaded, with the version and the reason: its bytes no longer match their
 * SHA-256, it was serialized by another Weka version, or its training header does not match the task's inputs.
 */
public class ModelLoadRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String version;
    private final String reason;

    public ModelLoadRefusedException(String version, String reason) {
        super("model version " + version + " refused at load: " + reason);
        this.version = version;
        this.reason = reason;
    }

    public ModelLoadRefusedException(String version, String reason, Throwable cause) {
        this(version, reason);
        initCause(cause);
    }

    public String version() {
        return version;
    }

    public String reason() {
        return reason;
    }
}
