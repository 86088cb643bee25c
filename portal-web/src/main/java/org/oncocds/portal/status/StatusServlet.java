package org.oncocds.portal.status;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.oncocds.prediction.boundary.Tasks;

/**
 * {@code GET /status}, open to anyone: 200 with {@code "status":"UP"} when every prediction task has a validated model
 * version loaded from the registry and the database answers, else 503 with {@code "status":"DOWN"} and which check
 * failed. It reveals nothing else. "UP" does not need an ACTIVE version: a fresh installation is up while its models
 * await the compliance officer's approval and the administrator's activation (which need the running server).
 */
@WebServlet("/status")
public class StatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String DATA_SOURCE = "java:app/jdbc/oncocds";

    /** Seconds the database may take to answer the validity check. */
    static final int DATABASE_TIMEOUT_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(StatusServlet.class.getName());

    @Inject
    Tasks tasks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean models = modelsLoaded();
        boolean database = databaseAnswers();
        boolean up = models && database;
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body(up, models, database));
    }

    static String body(boolean up, boolean models, boolean database) {
        return "{\"status\":\"" + state(up) + "\",\"checks\":{\"models\":\"" + state(models) + "\",\"database\":\""
                + state(database) + "\"}}";
    }

    private static String state(boolean up) {
        return up ? "UP" : "DOWN";
    }

    private boolean modelsLoaded() {
        try {
            return !tasks.all().isEmpty() && tasks.ready();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Status: the prediction tasks do not answer: {0}", e.toString());
            return false;
        }
    }

    private static boolean databaseAnswers() {
        try {
            DataSource dataSource = (DataSource) new InitialContext().lookup(DATA_SOURCE);
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(DATABASE_TIMEOUT_SECONDS);
            }
        } catch (NamingException | java.sql.SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Status: the database {0} does not answer: {1}", new Object[]{DATA_SOURCE, e
                    .toString()});
            return false;
        }
    }
}
