package org.oncocds.prediction.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.oncocds.audit.boundary.AnsweringVersionCheck;

/**
 * The approval gate at the moment a recommendation's audit record commits: the audit writer asks, in the transaction
 * that appends a batch, which of the batch's model versions are no longer ACTIVE with the model the recommendation
 * names, and records none of their recommendations. One query per batch on the registry's rows as they are committed
 * then, by whichever server changed them: the ACTIVE rows (one per task at most, on the unique index), plain JDBC on the
 * application's data source, which joins the writer's transaction.
 */
@ApplicationScoped
public class ActiveVersionCheck implements AnsweringVersionCheck {

    static final String ACTIVE_VERSIONS = "SELECT MODEL_VERSION, MODEL_SHA256 FROM PREDICTION_MODEL_VERSION"
            + " WHERE ACTIVE_TASK IS NOT NULL";

    @Resource(lookup = "java:app/jdbc/oncocds")
    DataSource dataSource;

    @Override
    public Set<String> withdrawn(Map<String, String> sha256ByVersion) {
        Set<String> withdrawn = new HashSet<>(sha256ByVersion.keySet());
        if (withdrawn.isEmpty()) {
            return withdrawn;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(ACTIVE_VERSIONS);
                ResultSet active = query.executeQuery()) {
            while (active.next()) {
                if (active.getString(2).equals(sha256ByVersion.get(active.getString(1)))) {
                    withdrawn.remove(active.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the ACTIVE model versions could not be read: " + e.getMessage(), e);
        }
        return withdrawn;
    }
}
