package org.oncocds.portal.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.FeatureType;
import org.oncocds.prediction.boundary.FieldError;
import org.oncocds.prediction.boundary.TaskDescription;

/** Builds the model of the case form ({@code cases/new}) from the task, the typed values and the refused inputs. */
final class CaseFormPage {

    static final String VIEW = "cases/new";

    /** Whether the task has no ACTIVE model version (the page says so instead of leaving the clinician guessing). */
    static final String NO_ACTIVE_MODEL = "noActiveModel";

    private CaseFormPage() {
    }

    static Map<String, Object> model(TaskDescription task, CaseForm form, List<FieldError> errors) {
        Map<String, FieldProblem> problems = new HashMap<>();
        List<FieldProblem> elsewhere = new ArrayList<>();
        Set<String> fields = task.features().stream().map(FeatureDescription::name).collect(Collectors.toSet());
        for (FieldError error : errors) {
            boolean onForm = fields.contains(error.field()) || CaseForm.MRN.equals(error.field())
                    || CaseForm.REFERENCE_OPTION.equals(error.field());
            FieldProblem problem = FieldProblem.of(error, labelKey(task, error.field()));
            if (onForm) {
                problems.putIfAbsent(error.field(), problem);
            } else {
                elsewhere.add(problem);
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("task", task);
        model.put("taskKey", MessageKeys.task(task.id()));
        model.put("mrnField", mrnField(form, problems));
        model.put("features", task.features().stream().map(feature -> featureField(task.id(), feature, form.valueOf(
                feature.name()), problems.get(feature.name()))).toList());
        model.put("referenceField", referenceField(task, form, problems));
        model.put("otherProblems", List.copyOf(elsewhere));
        model.put("refused", !errors.isEmpty());
        // Until an administrator activates an approved version the task answers nobody: say so before anything is typed.
        model.put(NO_ACTIVE_MODEL, task.activeModel() == null);
        return model;
    }

    /** The label of a field of the candidacy form: the MRN's, an input's under {@code task.<id>.feature.}. */
    static String labelKey(String field) {
        if (CaseForm.MRN.equals(field)) {
            return MessageKeys.caseField(field);
        }
        return MessageKeys.feature(CandidacyServlet.TASK_ID, field);
    }

    static String labelKey(TaskDescription task, String field) {
        if (CaseForm.MRN.equals(field) || CaseForm.REFERENCE_OPTION.equals(field)) {
            return MessageKeys.caseField(field);
        }
        boolean feature = task.features().stream().anyMatch(candidate -> candidate.name().equals(field));
        return feature ? MessageKeys.feature(task.id(), field) : MessageKeys.caseField("other");
    }

    private static FormField mrnField(CaseForm form, Map<String, FieldProblem> problems) {
        return new FormField(CaseForm.MRN, MessageKeys.caseField(CaseForm.MRN), FormField.Input.TEXT, form.mrn(),
                true, null, null, null, List.of(), problems.get(CaseForm.MRN));
    }

    private static FormField referenceField(TaskDescription task, CaseForm form, Map<String, FieldProblem> problems) {
        List<Choice> choices = task.treatmentOptions().stream().map(option -> new Choice(option, MessageKeys.option(
                task.id(), option), option.equals(form.referenceOption()))).toList();
        return new FormField(CaseForm.REFERENCE_OPTION, MessageKeys.caseField(CaseForm.REFERENCE_OPTION),
                FormField.Input.SELECT, form.referenceOption(), true, null, null, null, choices, problems.get(
                        CaseForm.REFERENCE_OPTION));
    }

    /** One input of a task (or of the candidacy rules) as a form field with its texts under {@code task.<id>.}. */
    static FormField featureField(String taskId, FeatureDescription feature, String value, FieldProblem problem) {
        String label = MessageKeys.feature(taskId, feature.name());
        if (feature.type() == FeatureType.CATEGORY) {
            List<Choice> choices = new ArrayList<>();
            choices.add(new Choice("", feature.required() ? MessageKeys.CHOOSE : MessageKeys.NOT_KNOWN, value
                    .isEmpty()));
            feature.categories().forEach(code -> choices.add(new Choice(code, MessageKeys.category(taskId, feature
                    .name(), code), code.equals(value))));
            return new FormField(feature.name(), label, FormField.Input.SELECT, value, feature.required(), null, null,
                    null,
                    choices, problem);
        }
        String step = feature.type() == FeatureType.WHOLE_NUMBER ? "1" : "any";
        return new FormField(feature.name(), label, FormField.Input.NUMBER, value, feature.required(), number(feature
                .minimum()), number(feature.maximum()), step, List.of(), problem);
    }

    /** A bound as HTML wants it: {@code 18} rather than {@code 18.0}; {@code null} when there is none. */
    static String number(Double bound) {
        if (bound == null) {
            return null;
        }
        if (bound == Math.rint(bound) && !bound.isInfinite()) {
            return Long.toString(bound.longValue());
        }
        return bound.toString();
    }
}
