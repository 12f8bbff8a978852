package streamworkbook.week04;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import streamworkbook.kit.shop.ShopTraffic;

/**
 * Week 4's small product catalog in PostgreSQL, which enrichment (exercise 4.5) reads.
 * (Week 2 designs the full shop schema; this is just enough of it, with the same idea:
 * events name a product by its {@code sku}, a product belongs to a category.)
 *
 * <pre>
 * categories(id bigint PK, name text)
 * products(sku text PK, name text, category_id bigint → categories, price numeric(12,2))
 * product_info(sku text) → (name text, category text, price numeric): zero or one row
 * </pre>
 * Readers look a product up through the function {@code product_info}, not the tables: the catalog's owners can
 * change the tables behind it without breaking the jobs that read it.
 */
public final class ProductCatalog {

    /** The demo categories, in the order {@code p-001…p-040}, {@code p-041…p-080}, … belong to them. */
    public static final String[] CATEGORIES = {"Books", "Electronics", "Home", "Sports", "Toys"};

    /** The catalog's lookup: a product's name, category name and list price by its sku, or no row. */
    private static final String LOOKUP_FUNCTION = """
            CREATE OR REPLACE FUNCTION product_info(wanted_sku text)
                RETURNS TABLE (name text, category text, price numeric)
                LANGUAGE sql STABLE AS $$
                    SELECT p.name, c.name, p.price
                    FROM products p JOIN categories c ON c.id = p.category_id
                    WHERE p.sku = wanted_sku
                $$""";

    private ProductCatalog() {
    }

    /** Creates the two tables and the lookup function in the connection's current schema, if they are not there yet. */
    public static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS categories (
                        id   bigint PRIMARY KEY,
                        name text NOT NULL
                    )""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS products (
                        sku         text PRIMARY KEY,
                        name        text NOT NULL,
                        category_id bigint NOT NULL REFERENCES categories (id),
                        price       numeric(12, 2) NOT NULL CHECK (price > 0)
                    )""");
            s.execute(LOOKUP_FUNCTION);
        }
    }

    public static void insertCategory(Connection c, long id, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO categories (id, name) VALUES (?, ?)")) {
            s.setLong(1, id);
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    public static void insertProduct(Connection c, String sku, String name, long categoryId, BigDecimal price)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO products (sku, name, category_id, price) VALUES (?, ?, ?, ?)")) {
            s.setString(1, sku);
            s.setString(2, name);
            s.setLong(3, categoryId);
            s.setBigDecimal(4, price);
            s.executeUpdate();
        }
    }

    /** The demo catalog: products {@code p-001…p-200}, forty per category, unless products exist already. */
    public static void seedDemo(Connection c) throws SQLException {
        create(c);
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM products")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        for (int i = 0; i < CATEGORIES.length; i++) {
            insertCategory(c, i + 1, CATEGORIES[i]);
        }
        for (int n = 1; n <= 200; n++) {
            insertProduct(c, String.format("p-%03d", n), CATEGORIES[(n - 1) / 40] + " item " + n,
                    (n - 1) / 40 + 1, ShopTraffic.priceOf(n));
        }
    }
}
