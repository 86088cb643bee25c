package org.oncocds.audit.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections for tests that change audit rows behind the application's back, as someone with database access could.
 * On H2 the application's own connection can do that; on PostgreSQL the application's role may not UPDATE or DELETE
 * audit rows, so the tests connect as the database owner, whose URL, user and password the PostgreSQL run passes as
 * {@value #URL}, {@value #USER} and {@value #PASSWORD}.
 */
final class DatabaseAdministrator {

    static final String URL = "oncocds.it.admin.url";
    static final String USER = "oncocds.it.admin.user";
    static final String PASSWORD = "oncocds.it.admin.password";

    private DatabaseAdministrator() {
    }

    static Connection connection(DataSource applicationDataSource) throws SQLException {
        String url = System.getProperty(URL);
        if (url == null) {
            return applicationDataSource.getConnection();
        }
        return DriverManager.getConnection(url, System.getProperty(USER), System.getProperty(PASSWORD));
    }
}
