package org.oncocds.portal.cases;

import java.util.List;

/**
 * One input of the case form, everything its fragment needs decided here so that the template holds no logic.
 *
 * @param name
 *            the input's id and name
 * @param labelKey
 *            the message key of its label
 * @param input
 *            how it is entered
 * @param value
 *            the value as typed, or empty
 * @param minimum
 *            for numbers, the smallest accepted value as text, else {@code null} (no attribute)
 * @param maximum
 *            for numbers, the largest accepted value as text, else {@code null}
 * @param step
 *            for numbers, {@code 1} or {@code any}, else {@code null}
 * @param choices
 *            for selects, the options including a blank first one where a blank is allowed
 * @param problem
 *            why the value was refused, or {@code null}
 */
record FormField(String name, String labelKey, Input input, String value, boolean required, String minimum,
        String maximum, String step, List<Choice> choices, FieldProblem problem) {

    enum Input {
        TEXT, NUMBER, SELECT;

        public boolean isText() {
            return this == TEXT;
        }

        public boolean isNumber() {
            return this == NUMBER;
        }

        public boolean isSelect() {
            return this == SELECT;
        }
    }

    FormField {
        choices = List.copyOf(choices);
    }

    public boolean hasProblem() {
        return problem != null;
    }

    public String errorId() {
        return "error-" + name;
    }

    /** The id of the element explaining the refusal, for screen readers; {@code null} (no attribute) if none. */
    public String describedBy() {
        return hasProblem() ? errorId() : null;
    }

    public boolean hasRange() {
        return minimum != null && maximum != null;
    }
}
