package streamworkbook.week02;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.shop.ShopJson;

/** Test helpers: a migrated schema of our own, small queries, and the indexes a plan uses. */
final class ShopDb {

    private ShopDb() {
    }

    /** A new schema on the shared PostgreSQL with every migration applied. */
    static PostgresEndpoint freshShop(String prefix) {
        PostgresEndpoint db = Infra.postgres().withFreshSchema(prefix);
        ShopSchema.migrate(db);
        return db;
    }

    static long count(PostgresEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect()) {
            return count(c, sql);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(PostgresEndpoint db, String... statements) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The first column of every row, as longs. Parameters: Long, Integer, String or String[] (a text[]). */
    static List<Long> longs(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters); ResultSet rs = statement.executeQuery()) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        }
    }

    /** The names of every index the planner's chosen plan for {@code sql} reads. */
    static Set<String> indexesUsed(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, "EXPLAIN (FORMAT JSON) " + sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            Set<String> indexes = new LinkedHashSet<>();
            collectIndexNames(ShopJson.mapper().readTree(rs.getString(1)), indexes);
            return indexes;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("EXPLAIN did not return JSON", e);
        }
    }

    /** The plan as PostgreSQL prints it for people, for assertion messages. */
    static String explain(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, "EXPLAIN " + sql, parameters); ResultSet rs = statement.executeQuery()) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append('\n').append(rs.getString(1));
            }
            return plan.toString();
        }
    }

    private static void collectIndexNames(JsonNode node, Set<String> into) {
        if (node.isObject() && node.has("Index Name")) {
            into.add(node.get("Index Name").asText());
        }
        node.forEach(child -> collectIndexNames(child, into));
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof Long l) {
                    statement.setLong(i + 1, l);
                } else if (p instanceof Integer n) {
                    statement.setInt(i + 1, n);
                } else if (p instanceof String s) {
                    statement.setString(i + 1, s);
                } else if (p instanceof String[] values) {
                    Array array = c.createArrayOf("text", values);
                    statement.setArray(i + 1, array);
                } else {
                    throw new IllegalArgumentException("unsupported parameter " + p);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
