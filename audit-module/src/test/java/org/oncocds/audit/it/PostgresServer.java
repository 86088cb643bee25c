package org.oncocds.audit.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.oncocds.audit.control.AuditSchemaMigration;
import org.oncocds.audit.testing.LocalPostgres;

/**
 * A real PostgreSQL server for the integration tests ({@link LocalPostgres}), started once per test JVM before the
 * first test class (and so before Arquillian starts Payara Micro) and stopped when the JVM's tests are done; as owner,
 * the audit module's migrations ({@link AuditSchemaMigration}) and {@code db/audit/postgresql/app-role-grants.sql} are
 * applied, exactly what docs/audit-trail.md tells an administrator to run.
 * <p>
 * The URL and passwords are handed to Arquillian as system properties, which arquillian.xml's
 * {@code payara-micro-postgresql} container reads. Registered through JUnit's extension auto-detection, which only the
 * PostgreSQL failsafe execution of the audit module's pom switches on.
 */
public class PostgresServer implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(PostgresServer.class))
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The started server; closed (stopped and deleted) when JUnit closes the root context. */
    static final class Running implements ExtensionContext.Store.CloseableResource {

        private final LocalPostgres server;

        private Running(LocalPostgres server) {
            this.server = server;
        }

        static Running start() {
            try {
                LocalPostgres server = LocalPostgres.start("audit");
                try {
                    prepare(server);
                } catch (SQLException | RuntimeException e) {
                    server.close();
                    throw e;
                }
                return new Running(server);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL for the integration tests", e);
            } catch (SQLException e) {
                throw new IllegalStateException("could not prepare the PostgreSQL test database", e);
            }
        }

        private static void prepare(LocalPostgres server) throws SQLException {
            try (Connection owner = server.asOwner(); Statement sql = owner.createStatement()) {
                // What docs/audit-trail.md tells the administrator to run: the migrations as the owner, then grants.
                AuditSchemaMigration.migrate(Flyway.configure().dataSource(server.url(), LocalPostgres.OWNER, server
                        .ownerPassword())
                        .getDataSource());
                sql.execute(script("db/audit/postgresql/app-role-grants.sql"));
            }
            System.setProperty("oncocds.it.pg.url", server.url());
            System.setProperty("oncocds.it.pg.app-password", server.applicationPassword());
            System.setProperty("oncocds.it.pg.owner-password", server.ownerPassword());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        private static String script(String resource) {
            try (InputStream in = PostgresServer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
