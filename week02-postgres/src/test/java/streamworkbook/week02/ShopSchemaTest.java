package streamworkbook.week02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.PostgresEndpoint;

/** The migrations themselves (given, not an exercise): they apply cleanly and build exactly the designed schema. */
class ShopSchemaTest {

    @Test
    void migrationsApplyInOrderExactlyOnce() {
        PostgresEndpoint db = Infra.postgres().withFreshSchema("w2schema");

        MigrateResult first = ShopSchema.migrate(db);
        assertTrue(first.success);
        assertEquals(3, first.migrationsExecuted);
        assertEquals("3", first.targetSchemaVersion);

        MigrationInfo[] applied = ShopSchema.flyway(db).info().applied();
        assertEquals(List.of("1 catalog SUCCESS", "2 orders SUCCESS", "3 product changes SUCCESS"),
                Arrays.stream(applied).map(m -> m.getVersion() + " " + m.getDescription() + " " + m.getState()).toList());
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS));

        MigrateResult again = ShopSchema.migrate(db);   // nothing new: nothing runs twice
        assertEquals(0, again.migrationsExecuted);
    }

    @Test
    void schemaHasExactlyTheDesignedTablesAndIndexes() throws SQLException {
        PostgresEndpoint db = ShopDb.freshShop("w2schema");
        try (Connection c = db.connect()) {
            assertEquals(List.of("categories", "flyway_schema_history", "inventory", "order_items", "orders",
                            "product_changes", "products", "publisher_cursors", "users"),
                    strings(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                            + " AND table_type = 'BASE TABLE' ORDER BY table_name"));

            Map<String, String> indexes = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname")) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2).replace(db.schema() + ".", ""));
                }
            }
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("categories_parent_id_idx", "CREATE INDEX categories_parent_id_idx ON categories USING btree (parent_id)");
            expected.put("categories_pkey", "CREATE UNIQUE INDEX categories_pkey ON categories USING btree (id)");
            expected.put("flyway_schema_history_pk", "CREATE UNIQUE INDEX flyway_schema_history_pk ON flyway_schema_history USING btree (installed_rank)");
            expected.put("flyway_schema_history_s_idx", "CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history USING btree (success)");
            expected.put("inventory_pkey", "CREATE UNIQUE INDEX inventory_pkey ON inventory USING btree (product_id)");
            expected.put("order_items_pkey", "CREATE UNIQUE INDEX order_items_pkey ON order_items USING btree (order_id, product_id)");
            expected.put("order_items_product_id_idx", "CREATE INDEX order_items_product_id_idx ON order_items USING btree (product_id)");
            expected.put("orders_created_at_idx", "CREATE INDEX orders_created_at_idx ON orders USING btree (created_at)");
            expected.put("orders_pkey", "CREATE UNIQUE INDEX orders_pkey ON orders USING btree (id)");
            expected.put("orders_user_id_created_at_idx", "CREATE INDEX orders_user_id_created_at_idx ON orders USING btree (user_id, created_at DESC)");
            expected.put("product_changes_pkey", "CREATE UNIQUE INDEX product_changes_pkey ON product_changes USING btree (change_id)");
            expected.put("products_attributes_idx", "CREATE INDEX products_attributes_idx ON products USING gin (attributes jsonb_path_ops)");
            expected.put("products_category_id_idx", "CREATE INDEX products_category_id_idx ON products USING btree (category_id)");
            expected.put("products_created_at_idx", "CREATE INDEX products_created_at_idx ON products USING btree (created_at)");
            expected.put("products_pkey", "CREATE UNIQUE INDEX products_pkey ON products USING btree (id)");
            expected.put("products_sku_key", "CREATE UNIQUE INDEX products_sku_key ON products USING btree (sku)");
            expected.put("products_tags_idx", "CREATE INDEX products_tags_idx ON products USING gin (tags)");
            expected.put("publisher_cursors_pkey", "CREATE UNIQUE INDEX publisher_cursors_pkey ON publisher_cursors USING btree (publisher)");
            expected.put("users_created_at_idx", "CREATE INDEX users_created_at_idx ON users USING btree (created_at)");
            expected.put("users_email_key", "CREATE UNIQUE INDEX users_email_key ON users USING btree (email)");
            expected.put("users_pkey", "CREATE UNIQUE INDEX users_pkey ON users USING btree (id)");
            assertEquals(expected, indexes);

            assertEquals(List.of("attributes jsonb NO", "category_id bigint NO", "created_at timestamp with time zone NO",
                            "id bigint NO", "name text NO", "price numeric NO", "sku text NO", "tags ARRAY NO",
                            "updated_at timestamp with time zone NO"),
                    strings(c, "SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns"
                            + " WHERE table_schema = current_schema() AND table_name = 'products' ORDER BY column_name"));
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
