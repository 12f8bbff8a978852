package streamworkbook.week02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import streamworkbook.kit.infra.PostgresEndpoint;

/** The schema's constraints and triggers (given, not an exercise): the database itself refuses bad data. */
class ConstraintsTest {

    static PostgresEndpoint db;

    @BeforeAll
    static void schemaWithOneOfEverything() throws SQLException {
        db = ShopDb.freshShop("w2constraints");
        ShopDb.execute(db,
                // ids come from the identity columns: 1 each
                "INSERT INTO categories (name) VALUES ('Books')",
                "INSERT INTO products (sku, name, category_id, price) VALUES ('SKU-1', 'Novel', 1, 9.90)",
                "INSERT INTO users (email, name, country) VALUES ('ada@example.com', 'Ada', 'DE')",
                "INSERT INTO inventory (product_id, quantity) VALUES (1, 5)",
                "INSERT INTO orders (user_id) VALUES (1)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative price       | INSERT INTO products (sku, name, category_id, price) VALUES ('SKU-2', 'x', 1, -0.01) | 23514 | products_price_positive
            zero price           | INSERT INTO products (sku, name, category_id, price) VALUES ('SKU-2', 'x', 1, 0)     | 23514 | products_price_positive
            unknown category     | INSERT INTO products (sku, name, category_id, price) VALUES ('SKU-2', 'x', 99, 1)    | 23503 | products_category_id_fkey
            duplicate sku        | INSERT INTO products (sku, name, category_id, price) VALUES ('SKU-1', 'x', 1, 1)     | 23505 | products_sku_key
            missing name         | INSERT INTO products (sku, category_id, price) VALUES ('SKU-2', 1, 1)                | 23502 |
            duplicate email      | INSERT INTO users (email, name, country) VALUES ('ada@example.com', 'Ada 2', 'FR')   | 23505 | users_email_key
            negative stock       | UPDATE inventory SET quantity = quantity - 6 WHERE product_id = 1                    | 23514 | inventory_quantity_non_negative
            unknown order status | UPDATE orders SET status = 'lost' WHERE id = 1                                       | 23514 | orders_status_valid
            zero quantity line   | INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (1, 1, 0, 9.90) | 23514 | order_items_quantity_positive
            line of no product   | INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (1, 42, 1, 9.90) | 23503 | order_items_product_id_fkey
            own parent           | INSERT INTO categories (id, parent_id, name) VALUES (7, 7, 'Loop')                   | 23514 | categories_not_own_parent
            """)
    void databaseRejects(String what, String sql, String sqlState, String constraint) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            PSQLException e = assertThrows(PSQLException.class, () -> s.execute(sql), what);
            assertEquals(sqlState, e.getSQLState(), e.getMessage());
            assertEquals(constraint, e.getServerErrorMessage().getConstraint(), e.getMessage());
        }
        // nothing of the rejected statement stayed
        assertEquals(0, ShopDb.count(db, "SELECT count(*) FROM products WHERE sku = 'SKU-2'"));
        assertEquals(0, ShopDb.count(db, "SELECT count(*) FROM users WHERE name = 'Ada 2'"));
        assertEquals(0, ShopDb.count(db, "SELECT count(*) FROM categories WHERE name = 'Loop'"));
        assertEquals(5, ShopDb.count(db, "SELECT quantity FROM inventory WHERE product_id = 1"));
        assertEquals(1, ShopDb.count(db, "SELECT count(*) FROM orders WHERE id = 1 AND status = 'placed'"));
        assertEquals(0, ShopDb.count(db, "SELECT count(*) FROM order_items"));
    }

    @Test
    void everyProductChangeIsRecordedInTheSameTransaction() throws SQLException {
        ShopDb.execute(db, "INSERT INTO categories (id, name) VALUES (1000, 'Games')");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            long before = ShopDb.count(c, "SELECT count(*) FROM product_changes");
            s.execute("INSERT INTO products (id, sku, name, category_id, price, created_at, updated_at)"
                    + " VALUES (1000, 'SKU-1000', 'Chess', 1000, 25.00, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");
            s.execute("UPDATE products SET price = 19.99 WHERE id = 1000");
            s.execute("UPDATE products SET price = 19.99 WHERE id = 1000");   // no-op: records nothing
            c.setAutoCommit(false);
            s.execute("UPDATE products SET price = 1.00 WHERE id = 1000");
            c.rollback();                                                 // rolled back: its change goes too
            c.setAutoCommit(true);

            assertEquals(before + 2, ShopDb.count(c, "SELECT count(*) FROM product_changes"));
            try (ResultSet rs = s.executeQuery("SELECT op, payload ->> 'price', (payload ->> 'updated_at')::timestamptz"
                    + " FROM product_changes WHERE product_id = 1000 ORDER BY change_id")) {
                assertTrue(rs.next());
                assertEquals("insert", rs.getString(1));
                assertEquals("25.00", rs.getString(2));
                assertEquals(OffsetDateTime.parse("2025-01-01T00:00Z").toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant());
                assertTrue(rs.next());
                assertEquals("update", rs.getString(1));
                assertEquals("19.99", rs.getString(2));
                // the BEFORE UPDATE trigger moved updated_at to the time of the update
                assertTrue(rs.getObject(3, OffsetDateTime.class).toInstant().isAfter(OffsetDateTime.parse("2025-01-02T00:00Z").toInstant()));
                assertTrue(!rs.next());
            }
        }
    }
}
