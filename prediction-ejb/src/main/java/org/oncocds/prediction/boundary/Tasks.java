package org.oncocds.prediction.boundary;

import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Optional;

/** SCAFFOLD: contract only, implemented by the prediction work. */
@Stateless
public class Tasks {

    public List<TaskDescription> all() {
        throw new IllegalStateException("scaffold");
    }

    public Optional<TaskDescription> byId(String taskId) {
        throw new IllegalStateException("scaffold");
    }
}
