package streamworkbook.week02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Exercise 2.2: the generated catalogue lands complete and exact, in bulk statements; a row the database
 * rejects makes the whole load fail with an error naming it, and leaves nothing behind.
 *
 * <p>Rejects:
 * <ul>
 *   <li>one INSERT per row, with or without {@code addBatch} (a batch the driver does not rewrite still
 *       reaches the server as one statement per row): statement-level triggers count the INSERT and COPY
 *       statements each table receives, and more than one per ten rows fails;</li>
 *   <li>auto-commit left on, or a commit per table: when a product is rejected, the categories loaded before
 *       it stay, and every table must be empty;</li>
 *   <li>the {@code SQLException} thrown as it is, or wrapped without the table: {@code SeedRejectedException}
 *       must name {@code products}, the constraint and the failing row or key;</li>
 *   <li>tables loaded in the wrong order (products before their categories): the foreign key refuses them;</li>
 *   <li>identity sequences left where they were: the next row inserted without an id collides with a loaded one;</li>
 *   <li>{@code jsonb} or {@code text[]} stored as something else (the JSON text as a string, tags as one text):
 *       the rows read back differ.</li>
 * </ul>
 */
@Exercise("2.2")
class SeedLoaderTest {

    static final Catalog CATALOG = CatalogGenerator.standard(42);
    static final List<String> TABLES = List.of("categories", "products", "users", "inventory", "product_changes");

    final SeedLoader loader = Exercises.pick(
            streamworkbook.week02.exercises.BulkSeedLoader::new,
            streamworkbook.week02.solutions.BulkSeedLoader::new);

    @Test
    void loadsTheWholeCatalogueExactly() throws SQLException {
        PostgresEndpoint db = ShopDb.freshShop("w2seed");
        StatementCounter statements = StatementCounter.install(db, TABLES.subList(0, 4));

        LoadReport report = loader.load(db, CATALOG);

        assertEquals(new LoadReport(50, 10_000, 5_000, 10_000), report);
        assertEquals(List.of(50L, 10_000L, 5_000L, 10_000L, 10_000L), counts(db));   // a change row per product
        assertEquals(CATALOG.products().stream().map(Product::price).reduce(BigDecimal.ZERO, BigDecimal::add),
                sum(db, "SELECT sum(price) FROM products"));
        assertEquals(BigDecimal.valueOf(CATALOG.inventory().stream().mapToLong(StockLevel::quantity).sum()),
                sum(db, "SELECT sum(quantity) FROM inventory"));
        assertEquals(CATALOG.products().stream().filter(p -> p.tags().contains("sale")).count(),
                ShopDb.count(db, "SELECT count(*) FROM products WHERE tags @> ARRAY['sale']"));
        assertEquals(CATALOG.categories().stream().filter(c -> c.parentId() == null).count(),
                ShopDb.count(db, "SELECT count(*) FROM categories WHERE parent_id IS NULL"));
        // a few rows compared column by column, jsonb and text[] included
        for (int id : new int[] {1, 4242, 10_000}) {
            assertEquals(CATALOG.products().get(id - 1), product(db, id));
        }
        User user = CATALOG.users().get(76);
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT id, email, name, country, created_at FROM users WHERE id = 77"); ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(user, new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getObject(5, OffsetDateTime.class).toInstant()));
        }

        // in bulk: COPY, or INSERTs of many rows each — never a statement per row
        Map<String, Long> sent = statements.counts();
        for (String table : TABLES.subList(0, 4)) {
            long rows = ShopDb.count(db, "SELECT count(*) FROM " + table);
            long count = sent.getOrDefault(table, 0L);
            assertTrue(count * 10 <= rows, table + " received " + count + " INSERT/COPY statements for " + rows
                    + " rows: send the rows in bulk (COPY, or batches the driver rewrites into multi-row INSERTs)");
        }

        // the identity columns go on after the loaded ids, so the shop's next insert does not collide
        assertEquals(List.of(51L), nextIds(db, "INSERT INTO categories (name) VALUES ('New') RETURNING id"));
        assertEquals(List.of(5_001L), nextIds(db,
                "INSERT INTO users (email, name, country) VALUES ('new@example.com', 'New', 'DE') RETURNING id"));
        assertEquals(List.of(10_001L), nextIds(db,
                "INSERT INTO products (sku, name, category_id, price) VALUES ('SKU-NEW', 'New', 1, 1.00) RETURNING id"));
    }

    private static List<Long> nextIds(PostgresEndpoint db, String insert) throws SQLException {
        try (Connection c = db.connect()) {
            return ShopDb.longs(c, insert);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new AssertionError("an insert without an id collided with a loaded row: after loading rows with"
                        + " their own ids, move each identity sequence past them. " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Test
    void aNegativePriceRejectsTheWholeLoad() throws SQLException {
        PostgresEndpoint db = ShopDb.freshShop("w2seed");
        Catalog bad = withProduct(4242, p -> p.withPrice(new BigDecimal("-5.00")));

        SeedRejectedException e = assertThrows(SeedRejectedException.class, () -> loader.load(db, bad));

        assertEquals("products", e.table());
        assertTrue(e.getMessage().startsWith("cannot load products: "), e.getMessage());
        assertTrue(e.getMessage().contains("products_price_positive"), "the message names the constraint: " + e.getMessage());
        assertTrue(e.getMessage().contains("(4242, SKU-004242,"), "the message shows the failing row: " + e.getMessage());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), counts(db), "nothing of a failed load may stay");
    }

    @Test
    void anUnknownCategoryRejectsTheWholeLoad() throws SQLException {
        PostgresEndpoint db = ShopDb.freshShop("w2seed");
        Catalog bad = withProduct(4242, p -> p.withCategoryId(999));

        SeedRejectedException e = assertThrows(SeedRejectedException.class, () -> loader.load(db, bad));

        assertEquals("products", e.table());
        assertTrue(e.getMessage().contains("products_category_id_fkey"), "the message names the constraint: " + e.getMessage());
        assertTrue(e.getMessage().contains("(category_id)=(999)"), "the message shows the bad key: " + e.getMessage());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), counts(db), "nothing of a failed load may stay");
    }

    private static Catalog withProduct(long id, UnaryOperator<Product> change) {
        List<Product> products = new ArrayList<>(CATALOG.products());
        products.set((int) id - 1, change.apply(products.get((int) id - 1)));
        return new Catalog(CATALOG.categories(), products, CATALOG.users(), CATALOG.inventory());
    }

    private static List<Long> counts(PostgresEndpoint db) throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (String table : TABLES) {
            counts.add(ShopDb.count(db, "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    private static BigDecimal sum(PostgresEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    static Product product(PostgresEndpoint db, long id) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT id, sku, name, category_id, price, attributes::text, tags, created_at, updated_at FROM products WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "product " + id + " is missing");
                return new Product(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5),
                        Product.parseAttributes(rs.getString(6)), List.of((String[]) rs.getArray(7).getArray()),
                        rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getObject(9, OffsetDateTime.class).toInstant());
            }
        }
    }
}
