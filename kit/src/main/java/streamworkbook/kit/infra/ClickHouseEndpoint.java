package streamworkbook.kit.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Where a ClickHouse server answers: its HTTP URL (for curl and browsers) and the JDBC URL that
 * clickhouse-jdbc uses, with the user and password. The same whether it is a real server or chDB
 * behind the kit's HTTP server.
 */
public record ClickHouseEndpoint(String httpUrl, String jdbcUrl, String user, String password) {

    public static ClickHouseEndpoint of(String httpUrl, String user, String password) {
        String base = httpUrl.endsWith("/") ? httpUrl.substring(0, httpUrl.length() - 1) : httpUrl;
        return new ClickHouseEndpoint(base, "jdbc:clickhouse:" + base.substring(base.indexOf("//")) + "/default", user, password);
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** Creates a database with a unique name and returns an endpoint whose JDBC URL uses it. */
    public ClickHouseEndpoint withFreshDatabase(String prefix) {
        String database = UniqueNames.next(prefix).replace('-', '_');
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " at " + httpUrl + ": " + e.getMessage(), e);
        }
        return withDatabase(database);
    }

    public ClickHouseEndpoint withDatabase(String database) {
        String withoutDb = jdbcUrl.replaceFirst("(jdbc:clickhouse://[^/?]+)(/[^?]*)?", "$1");
        return new ClickHouseEndpoint(httpUrl, withoutDb.replaceFirst("(jdbc:clickhouse://[^/?]+)", "$1/" + database), user, password);
    }
}
