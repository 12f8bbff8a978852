package streamworkbook.kit.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Where a PostgreSQL database answers: JDBC URL, user and password. */
public record PostgresEndpoint(String jdbcUrl, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * Creates a new, empty schema with a unique name and returns an endpoint whose connections use it
     * ({@code currentSchema}), so a test class can run migrations without seeing anyone else's tables.
     */
    public PostgresEndpoint withFreshSchema(String prefix) {
        String schema = UniqueNames.next(prefix).replace('-', '_');
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema + " at " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return withSchema(schema);
    }

    /** This endpoint with {@code currentSchema} set (replacing any schema the URL named). */
    public PostgresEndpoint withSchema(String schema) {
        String base = jdbcUrl.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        String separator = base.contains("?") ? "&" : "?";
        return new PostgresEndpoint(base + separator + "currentSchema=" + schema, user, password);
    }

    /** The schema this endpoint's connections use by default. */
    public String schema() {
        int at = jdbcUrl.indexOf("currentSchema=");
        if (at < 0) {
            return "public";
        }
        int end = jdbcUrl.indexOf('&', at);
        return jdbcUrl.substring(at + "currentSchema=".length(), end < 0 ? jdbcUrl.length() : end);
    }
}
