package org.oncocds.prediction.boundary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.oncocds.audit.boundary.GovernanceAction;
import org.oncocds.audit.boundary.GovernanceEvent;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * The lifecycle rules (which state may follow which) and the one way a state changes: the row and its governance record
 * together, in the caller's transaction.
 */
final class Transitions {

    private Transitions() {
    }

    /** Why {@code to} may not follow {@code from}, or empty when it may. */
    static Optional<String> refusal(LifecycleState from, LifecycleState to) {
        boolean allowed = switch (to) {
            case DRAFT -> false;
            case VALIDATED -> from == LifecycleState.DRAFT;
            case APPROVED -> from == LifecycleState.VALIDATED;
            case ACTIVE -> from == LifecycleState.APPROVED;
            case RETIRED -> from != LifecycleState.RETIRED;
        };
        if (allowed) {
            return Optional.empty();
        }
        String needed = switch (to) {
            case DRAFT -> "no version returns to DRAFT";
            case VALIDATED -> "only a DRAFT version can be validated";
            case APPROVED -> "only a VALIDATED version can be approved";
            case ACTIVE -> "only an APPROVED version can be activated";
            case RETIRED -> "the version is already RETIRED";
        };
        return Optional.of(needed + "; it is " + from);
    }

    static LifecycleState stateOf(StoredModelVersion stored) {
        return LifecycleState.valueOf(stored.getState());
    }

    /** Checks the rule, then moves the version and records MODEL_STATE_CHANGED through {@code governance}. */
    static void change(StoredModelVersion stored, LifecycleState to, String by, Map<String, String> details,
            Consumer<GovernanceEvent> governance) throws LifecycleRefusedException {
        LifecycleState from = stateOf(stored);
        Optional<String> refused = refusal(from, to);
        if (refused.isPresent()) {
            throw new LifecycleRefusedException("state", stored.getVersion() + ": " + refused.get());
        }
        stored.setState(to.name(), by, Instant.now());
        Map<String, String> recorded = new LinkedHashMap<>(details);
        recorded.put("taskId", stored.getTaskId());
        recorded.put("from", from.name());
        recorded.put("to", to.name());
        recorded.put("sha256", stored.getSha256());
        governance.accept(event(GovernanceAction.MODEL_STATE_CHANGED, stored, recorded));
    }

    static GovernanceEvent event(GovernanceAction action, StoredModelVersion stored, Map<String, String> details) {
        return new GovernanceEvent(UUID.randomUUID().toString(), action, "model " + stored.getVersion(), Map.copyOf(
                details));
    }
}
