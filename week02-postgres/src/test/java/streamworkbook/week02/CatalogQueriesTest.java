package streamworkbook.week02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Exercise 2.1: every query returns exactly the products the generated catalogue says, in id order, and the
 * planner answers the JSONB and array queries from their GIN indexes.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a tree query that goes one level down instead of recursing: a top-level category misses its
 *       grandchildren's products;</li>
 *   <li>a tree query that leaves out the category itself: a leaf category returns nothing;</li>
 *   <li>results without {@code ORDER BY id}, or with a product twice;</li>
 *   <li>a tag query that means the right thing but cannot use the GIN index ({@code unnest(tags)} compared with
 *       {@code = ANY(?)}, or {@code array_to_string} and {@code LIKE}): the plan shows a sequential scan;</li>
 *   <li>an attribute query written with the function {@code jsonb_contains(attributes, ?)} or {@code ->>}
 *       comparisons instead of the {@code @>} operator: same rows, but the planner cannot use
 *       {@code products_attributes_idx};</li>
 *   <li>{@code findProduct} reading {@code tags} or {@code attributes} as plain text, or timestamps in the
 *       JVM's time zone: the product read back differs from the one written.</li>
 * </ul>
 */
@Exercise("2.1")
class CatalogQueriesTest {

    static final Catalog CATALOG = CatalogGenerator.standard(42);

    static PostgresEndpoint db;
    static Connection connection;
    final CatalogQueries queries = Exercises.pick(
            streamworkbook.week02.exercises.ShopCatalogQueries::new,
            streamworkbook.week02.solutions.ShopCatalogQueries::new);

    @BeforeAll
    static void loadTenThousandProducts() throws SQLException {
        db = ShopDb.freshShop("w2queries");
        CatalogFixture.insert(db, CATALOG);
        // After a bulk load: ANALYZE gives the planner fresh statistics, and VACUUM moves the rows
        // waiting in each GIN index's pending list into the index proper (until then the planner
        // rightly prices the GIN indexes as expensive).
        ShopDb.execute(db, "VACUUM ANALYZE");
        connection = db.connect();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void productsInACategoryTree() throws SQLException {
        String sql = queries.productsInCategoryTree();
        // a top-level category: everything below it, at every depth
        assertEquals(expectedInTree(1), ShopDb.longs(connection, sql, 1L),
                "products of top-level category 1 and of every category below it, at any depth, by id");
        // the category below the top level with the most descendants
        long middle = CATALOG.categories().stream().filter(c -> c.parentId() != null)
                .max((a, b) -> Integer.compare(subtree(a.id()).size(), subtree(b.id()).size())).orElseThrow().id();
        assertTrue(subtree(middle).size() > 2, "the generated tree has depth");
        assertEquals(expectedInTree(middle), ShopDb.longs(connection, sql, middle),
                "products of category " + middle + " (a middle one) and below, by id");
        // a leaf: only its own products
        long leaf = CATALOG.categories().get(CATALOG.categories().size() - 1).id();
        assertEquals(expectedInTree(leaf), ShopDb.longs(connection, sql, leaf),
                "products of category " + leaf + ", a leaf: its own products, by id");
        // the five top-level trees together hold every product exactly once
        List<Long> all = new ArrayList<>();
        for (long root = 1; root <= 5; root++) {
            all.addAll(ShopDb.longs(connection, sql, root));
        }
        assertEquals(CatalogGenerator.PRODUCTS, all.size());
        assertEquals(CatalogGenerator.PRODUCTS, new HashSet<>(all).size());
    }

    @Test
    void productsWithAttributes() throws SQLException {
        String sql = queries.productsWithAttributes();
        List<Long> redMedium = ShopDb.longs(connection, sql, "{\"color\":\"red\",\"size\":\"M\"}");
        assertEquals(expected(p -> "red".equals(p.attributes().get("color")) && "M".equals(p.attributes().get("size"))), redMedium);
        assertEquals(expected(p -> "Acme".equals(p.attributes().get("brand")) && "red".equals(p.attributes().get("color"))),
                ShopDb.longs(connection, sql, "{\"brand\":\"Acme\",\"color\":\"red\"}"));
        assertEquals(expected(p -> Integer.valueOf(1912).equals(p.attributes().get("weight_g"))),
                ShopDb.longs(connection, sql, "{\"weight_g\":1912}"));
        assertEquals(List.of(), ShopDb.longs(connection, sql, "{\"color\":\"ultraviolet\"}"));
    }

    @Test
    void productsWithAnyTag() throws SQLException {
        String sql = queries.productsWithAnyTag();
        assertEquals(expected(p -> p.tags().contains("limited-edition")),
                ShopDb.longs(connection, sql, (Object) new String[] {"limited-edition"}));
        assertEquals(expected(p -> p.tags().contains("clearance") || p.tags().contains("limited-edition")),
                ShopDb.longs(connection, sql, (Object) new String[] {"clearance", "limited-edition"}));
        assertEquals(List.of(), ShopDb.longs(connection, sql, (Object) new String[] {"no-such-tag"}));
    }

    @Test
    void jsonbAndArrayQueriesUseTheirGinIndexes() throws SQLException {
        String attributes = queries.productsWithAttributes();
        String acmeRed = "{\"brand\":\"Acme\",\"color\":\"red\"}";
        assertTrue(ShopDb.indexesUsed(connection, attributes, acmeRed).contains("products_attributes_idx"),
                "the planner should read products_attributes_idx; its plan:" + ShopDb.explain(connection, attributes, acmeRed));

        String tags = queries.productsWithAnyTag();
        String[] rare = {"limited-edition"};
        assertTrue(ShopDb.indexesUsed(connection, tags, (Object) rare).contains("products_tags_idx"),
                "the planner should read products_tags_idx; its plan:" + ShopDb.explain(connection, tags, (Object) rare));
    }

    @Test
    void findOneProductWithItsAttributesAndTags() throws SQLException {
        for (int id : new int[] {1, 4242, 10_000}) {
            Product expected = CATALOG.products().get(id - 1);
            assertEquals(Optional.of(expected), queries.findProduct(connection, id), "product " + id + " read back");
        }
        Product tagless = CATALOG.products().stream().filter(p -> p.tags().isEmpty()).findFirst().orElseThrow();
        assertEquals(Optional.of(tagless), queries.findProduct(connection, tagless.id()),
                "product " + tagless.id() + ", which has no tags, read back");
        assertEquals(Optional.empty(), queries.findProduct(connection, 10_001), "a product id that does not exist");
    }

    private static List<Long> expected(Predicate<Product> filter) {
        return CATALOG.products().stream().filter(filter).map(Product::id).toList();
    }

    private static List<Long> expectedInTree(long categoryId) {
        Set<Long> tree = subtree(categoryId);
        return expected(p -> tree.contains(p.categoryId()));
    }

    /** The category and all its descendants, computed from the generated list (parents come first). */
    private static Set<Long> subtree(long categoryId) {
        Set<Long> tree = new HashSet<>(Set.of(categoryId));
        for (Category c : CATALOG.categories()) {
            if (c.parentId() != null && tree.contains(c.parentId())) {
                tree.add(c.id());
            }
        }
        return tree;
    }
}
