package org.oncocds.portal.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.oncocds.portal.json.PortalJson;
import org.oncocds.prediction.boundary.FeatureDescription;
import org.oncocds.prediction.boundary.TaskDescription;

/** A prediction task as the API answers it: what it predicts, from which inputs, and the version that answers it. */
final class TaskJson {

    private TaskJson() {
    }

    static JsonObject of(TaskDescription task) {
        JsonArrayBuilder features = PortalJson.array();
        for (FeatureDescription feature : task.features()) {
            JsonObjectBuilder json = PortalJson.object().add("name", feature.name()).add("type", feature.type().name())
                    .add("unit", feature.unit() == null ? "" : feature.unit()).add("required", feature.required());
            if (feature.minimum() != null) {
                json.add("min", feature.minimum());
            }
            if (feature.maximum() != null) {
                json.add("max", feature.maximum());
            }
            if (!feature.categories().isEmpty()) {
                json.add("categories", PortalJson.array(feature.categories()));
            }
            features.add(json);
        }
        JsonObjectBuilder json = PortalJson.object().add("id", task.id()).add("outcome", task.outcome()).add(
                "dataset", task.dataset()).add("treatmentFeature", task.treatmentFeature()).add("treatmentOptions",
                        PortalJson.array(task.treatmentOptions()))
                .add("referenceOption", task.referenceOption()).add("randomised", task.randomised()).add("horizonDays",
                        task.horizonDays())
                .add("features", features).add("subgroupAttributes", PortalJson.array(task.subgroupAttributes())).add(
                        "uploaded", task.uploaded());
        if (task.activeModel() != null) {
            json.add("activeModelVersion", task.activeModel().version());
        } else {
            json.addNull("activeModelVersion");
        }
        return json.build();
    }
}
