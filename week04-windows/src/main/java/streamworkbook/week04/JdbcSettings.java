package streamworkbook.week04;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Where the catalog database is. Serializable, so a Flink function can carry it to the task managers
 * (a JDBC {@code Connection} cannot travel: each parallel instance opens its own in {@code open()}).
 */
public record JdbcSettings(String url, String user, String password) implements Serializable {

    public static JdbcSettings of(PostgresEndpoint endpoint) {
        return new JdbcSettings(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
    }

    public Connection connect() throws SQLException {
        try {
            // On a Flink cluster the driver arrives in the job jar, in a class loader DriverManager may
            // never have scanned; loading the class registers it.
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("the PostgreSQL JDBC driver is not on the classpath", e);
        }
        return DriverManager.getConnection(url, user, password);
    }
}
