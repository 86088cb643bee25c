package org.oncocds.audit.control;

import java.util.Map;
import java.util.Set;

/**
 * What the batch writer asks, inside the transaction that appends a batch, about the model versions its
 * recommendations name. Published to other modules as {@link org.oncocds.audit.boundary.AnsweringVersionCheck}.
 */
public interface VersionCheck {

    /** Of the given model versions (each with the SHA-256 its recommendation names), those that may not answer now. */
    Set<String> withdrawn(Map<String, String> sha256ByVersion);
}
