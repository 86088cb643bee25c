package org.oncocds.prediction.boundary;

import java.util.Map;

/**
 * A clinician's request for an immunotherapy candidacy assessment, values as typed.
 *
 * @param mrn
 *            the patient's medical record number; pseudonymised before anything is stored, never logged
 * @param values
 *            by input name (see {@link ImmunotherapyCandidacy#inputs()}): {@code tumourType},
 *            {@code unresectableOrMetastatic}, {@code pdl1Tps}, {@code tmb}, {@code msiStatus}, {@code mmrStatus},
 *            {@code egfrOrAlkAlteration}; blank = not tested / not known
 */
public record CandidacyRequest(String mrn, Map<String, String> values) {

    public CandidacyRequest {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    @Override
    public String toString() {
        return "CandidacyRequest[values=" + values + "]";
    }
}
