package streamworkbook.week02;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Counts the INSERT and COPY statements each table receives, on the server: a statement-level trigger adds one
 * to the table's row in {@code load_statements}, in the writing transaction. A multi-row INSERT or a COPY counts
 * once, however many rows it carries; a JDBC batch that the driver does not rewrite counts once per row.
 */
final class StatementCounter {

    private final PostgresEndpoint db;

    private StatementCounter(PostgresEndpoint db) {
        this.db = db;
    }

    static StatementCounter install(PostgresEndpoint db, List<String> tables) throws SQLException {
        ShopDb.execute(db,
                "CREATE TABLE load_statements (table_name text PRIMARY KEY, statements bigint NOT NULL)",
                """
                CREATE FUNCTION count_load_statement() RETURNS trigger
                LANGUAGE plpgsql
                SET search_path FROM CURRENT AS $$
                BEGIN
                    INSERT INTO load_statements VALUES (TG_TABLE_NAME, 1)
                    ON CONFLICT (table_name) DO UPDATE SET statements = load_statements.statements + 1;
                    RETURN NULL;
                END
                $$""");
        for (String table : tables) {
            ShopDb.execute(db, "CREATE TRIGGER " + table + "_count_statements AFTER INSERT ON " + table
                    + " FOR EACH STATEMENT EXECUTE FUNCTION count_load_statement()");
        }
        return new StatementCounter(db);
    }

    /** Statements per table since {@link #install} (committed ones only: a rolled-back load leaves none). */
    Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, statements FROM load_statements")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
