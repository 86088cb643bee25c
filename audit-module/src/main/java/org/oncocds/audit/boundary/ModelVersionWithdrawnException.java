package org.oncocds.audit.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The recommendation was not recorded because its model version no longer answers (retired or replaced since the caller
 * chose it; see {@link AnsweringVersionCheck}). Nothing was written; the caller's transaction is left as it was, so the
 * caller may compute the recommendation again with the version that answers now.
 */
@ApplicationException(rollback = false)
public class ModelVersionWithdrawnException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String modelVersion;

    public ModelVersionWithdrawnException(String modelVersion) {
        super("model version " + modelVersion + " no longer answers (retired or replaced); the recommendation was "
                + "not recorded");
        this.modelVersion = modelVersion;
    }

    public String modelVersion() {
        return modelVersion;
    }
}
