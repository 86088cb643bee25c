package org.oncocds.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Reads the audit records' ids straight from the portal's database, to prove that acknowledged recommendations are
 * stored: the H2 file through the very H2 version Payara Micro bundles (read-only, with the server stopped), or
 * PostgreSQL as the application's role.
 */
final class AuditRows {

    private AuditRows() {
    }

    /** Which of the ids are rows of AUDIT_RECORD in the H2 file database of a stopped start.sh installation. */
    static Set<Long> presentInH2(Path dataDir, Path payaraMicroJar, Collection<Long> ids) throws IOException,
            SQLException, ReflectiveOperationException {
        Path h2Jar = Files.createTempFile("payara-micro-h2-", ".jar");
        try (JarFile payara = new JarFile(payaraMicroJar.toFile());
                InputStream in = payara.getInputStream(payara
                        .getEntry("MICRO-INF/runtime/h2.jar"))) {
            Files.copy(in, h2Jar, StandardCopyOption.REPLACE_EXISTING);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{h2Jar.toUri().toURL()}, ClassLoader
                .getPlatformClassLoader())) {
            Driver h2 = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            Properties login = new Properties();
            login.setProperty("user", "sa");
            login.setProperty("password", "");
            String url = "jdbc:h2:file:" + dataDir.resolve("h2/oncocds") + ";ACCESS_MODE_DATA=r";
            try (Connection connection = h2.connect(url, login)) {
                return present(connection, ids);
            }
        } finally {
            Files.deleteIfExists(h2Jar);
        }
    }

    /** Which of the ids are rows of audit_record in the PostgreSQL database of start.sh's --db-properties file. */
    static Set<Long> presentInPostgres(Properties database, Collection<Long> ids) throws SQLException {
        try (Connection connection = connect(database)) {
            return present(connection, ids);
        }
    }

    /** One row of audit_record as the chain orders it. */
    record ChainRow(long id, long sequenceNumber, String kind, String previousHash, String hash) {
    }

    /** Every row of audit_record in the PostgreSQL database of the --db-properties file, by sequence number. */
    static List<ChainRow> chainInPostgres(Properties database) throws SQLException {
        List<ChainRow> rows = new ArrayList<>();
        try (Connection connection = connect(database);
                PreparedStatement select = connection.prepareStatement("SELECT id, sequence_number, kind, "
                        + "previous_hash, hash FROM audit_record ORDER BY sequence_number");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new ChainRow(result.getLong(1), result.getLong(2), result.getString(3), result.getString(4),
                        result.getString(5)));
            }
        }
        return rows;
    }

    /** The subjects of the governance records with this action, e.g. LOGIN_FAILED ("user &lt;name&gt;"), oldest first. */
    static List<String> governanceSubjectsInPostgres(Properties database, String action) throws SQLException {
        List<String> subjects = new ArrayList<>();
        try (Connection connection = connect(database);
                PreparedStatement select = connection.prepareStatement("SELECT subject FROM audit_record WHERE kind = "
                        + "'GOVERNANCE' AND action = ? ORDER BY sequence_number")) {
            select.setString(1, action);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    subjects.add(result.getString(1));
                }
            }
        }
        return subjects;
    }

    /** As the application's role of the --db-properties file. */
    private static Connection connect(Properties database) throws SQLException {
        return DriverManager.getConnection(database.getProperty("oncocds.db.url"), database.getProperty(
                "oncocds.db.user"), database.getProperty("oncocds.db.password"));
    }

    private static Set<Long> present(Connection connection, Collection<Long> ids) throws SQLException {
        LongSummaryStatistics range = ids.stream().mapToLong(Long::longValue).summaryStatistics();
        Set<Long> stored = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM audit_record WHERE id BETWEEN ? AND ?")) {
            select.setLong(1, range.getMin());
            select.setLong(2, range.getMax());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getLong(1));
                }
            }
        }
        stored.retainAll(new HashSet<>(ids));
        return stored;
    }
}
