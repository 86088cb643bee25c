package org.oncocds.audit.entity;

/**
 * A decision as a small JSON document, {@code {"chosenOption":...,"decision":...,"reason":...,
 * "recommendationRecordId":...}} with keys in that order and absent values left out, so readers of a record's inputs see
 * the decision without knowing the decision columns.
 */
final class DecisionJson {

    private DecisionJson() {
    }

    static String of(long recommendationRecordId, String decision, String chosenOption, String reason) {
        StringBuilder json = new StringBuilder("{");
        if (chosenOption != null) {
            json.append("\"chosenOption\":").append(quoted(chosenOption)).append(',');
        }
        json.append("\"decision\":").append(quoted(decision)).append(',');
        if (reason != null) {
            json.append("\"reason\":").append(quoted(reason)).append(',');
        }
        return json.append("\"recommendationRecordId\":").append(recommendationRecordId).append('}').toString();
    }

    static String quoted(String text) {
        return JsonText.quoted(text);
    }
}
