package streamworkbook.kit.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The shared PostgreSQL is real, and fresh schemas keep tests apart on it. */
class LocalPostgresTest {

    @Test
    void freshSchemasIsolateTablesOfTheSameName() throws SQLException {
        PostgresEndpoint first = Infra.postgres().withFreshSchema("kit_a");
        PostgresEndpoint second = Infra.postgres().withFreshSchema("kit_b");
        assertNotEquals(first.schema(), second.schema());

        for (PostgresEndpoint endpoint : new PostgresEndpoint[] {first, second}) {
            try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE items (id int PRIMARY KEY, tags text[], attrs jsonb)");
            }
        }
        try (Connection c = first.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO items VALUES (1, ARRAY['a','b'], '{\"color\":\"red\"}'), (2, ARRAY['c'], '{}')");
        }

        assertEquals(2, count(first, "SELECT count(*) FROM items"));
        assertEquals(0, count(second, "SELECT count(*) FROM items"));
        assertEquals(1, count(first, "SELECT count(*) FROM items WHERE attrs @> '{\"color\":\"red\"}' AND 'b' = ANY(tags)"));
        assertEquals(first.schema(), string(first, "SELECT current_schema()"));
        assertEquals("17", string(first, "SHOW server_version").split("\\.")[0]);
    }

    private static long count(PostgresEndpoint endpoint, String sql) throws SQLException {
        return Long.parseLong(string(endpoint, sql));
    }

    private static String string(PostgresEndpoint endpoint, String sql) throws SQLException {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
