package streamworkbook.week02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Exercise 2.3: an order is all or nothing, and concurrent orders never sell more than is in stock.
 * Each test uses its own products, so the tests share one schema.
 *
 * <p>The concurrent tests make every stock change of their products take 10 ms longer (a trigger sleeps), as
 * a busy database would: a race that a quick local database hides then happens every time.
 *
 * <p>Rejects:
 * <ul>
 *   <li>no transaction (auto-commit on): when the second line is out of stock, the order row and the first
 *       line's stock change are already committed;</li>
 *   <li>no rollback: the {@code setAutoCommit(true)} in {@code finally} commits the half-placed order;</li>
 *   <li>check-then-act — reading the stock, deciding in Java, then writing an absolute value: two orders both see
 *       the last units and both sell them (more than 10 sold out of 10);</li>
 *   <li>reading the stock, then {@code quantity = quantity - n} without a guard: two orders race for the last unit
 *       and the CHECK constraint throws instead of "out of stock";</li>
 *   <li>lines locked in the order the shopper listed them: two orders for the same two products deadlock;</li>
 *   <li>a total or unit price that is not quantity × the product's price at order time;</li>
 *   <li>the connection left with auto-commit off.</li>
 * </ul>
 */
@Exercise("2.3")
class OrderPlacerTest {

    static final Catalog CATALOG = CatalogGenerator.generate(3, 5, 20, 10);
    static PostgresEndpoint db;

    final OrderPlacer placer = Exercises.pick(
            streamworkbook.week02.exercises.GuardedOrderPlacer::new,
            streamworkbook.week02.solutions.GuardedOrderPlacer::new);

    @BeforeAll
    static void smallShop() throws SQLException {
        db = ShopDb.freshShop("w2orders");
        CatalogFixture.insert(db, CATALOG);
        // products 5, 6 and 7 (the concurrent tests'): each stock change holds its row lock 10 ms longer
        ShopDb.execute(db, """
                CREATE FUNCTION slow_stock_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_sleep(0.01);
                    RETURN NULL;
                END
                $$""", """
                CREATE TRIGGER inventory_slow_stock_change AFTER UPDATE ON inventory
                FOR EACH ROW WHEN (NEW.product_id IN (5, 6, 7)) EXECUTE FUNCTION slow_stock_change()""");
    }

    @Test
    void anOrderWritesOrderItemsAndStockTogether() throws Exception {
        setStock(1, 10);
        setStock(2, 5);
        try (Connection c = db.connect()) {
            long orderId = placer.placeOrder(c, 4, List.of(new OrderLine(2, 2), new OrderLine(1, 3)));

            assertTrue(c.getAutoCommit(), "the connection is back in auto-commit mode");
            BigDecimal price1 = price(1);
            BigDecimal price2 = price(2);
            assertEquals(List.of("4 placed " + price1.multiply(BigDecimal.valueOf(3)).add(price2.multiply(BigDecimal.valueOf(2)))),
                    rows(c, "SELECT user_id || ' ' || status || ' ' || total FROM orders WHERE id = ?", orderId));
            assertEquals(List.of("1 3 " + price1, "2 2 " + price2),
                    rows(c, "SELECT product_id || ' ' || quantity || ' ' || unit_price FROM order_items WHERE order_id = ? ORDER BY product_id", orderId));
        }
        assertEquals(7, stock(1));
        assertEquals(3, stock(2));
    }

    @Test
    void notEnoughStockKeepsNothingOfTheOrder() throws Exception {
        setStock(3, 5);
        setStock(4, 1);
        long ordersBefore = ShopDb.count(db, "SELECT count(*) FROM orders");
        try (Connection c = db.connect()) {
            // product 3's stock is taken first (lines go by product id), then product 4 fails
            OutOfStockException e = assertThrows(OutOfStockException.class,
                    () -> placer.placeOrder(c, 1, List.of(new OrderLine(4, 2), new OrderLine(3, 2))));
            assertEquals(4, e.productId());
            assertEquals(2, e.requested());
            assertTrue(c.getAutoCommit(), "the connection is back in auto-commit mode");
        }
        assertEquals(5, stock(3), "product 3's stock change was rolled back with the order");
        assertEquals(1, stock(4));
        assertEquals(ordersBefore, ShopDb.count(db, "SELECT count(*) FROM orders"));
        assertEquals(0, ShopDb.count(db, "SELECT count(*) FROM order_items WHERE product_id IN (3, 4)"));
    }

    @Test
    void concurrentOrdersForTheLastUnitsNeverOversell() throws Exception {
        setStock(5, 10);
        int threads = 8;
        int attemptsPerThread = 5;   // 40 attempts at 1 unit each, for 10 units
        List<Integer> outcomes = runConcurrently(threads, thread -> {
            int placed = 0;
            try (Connection c = db.connect()) {
                for (int i = 0; i < attemptsPerThread; i++) {
                    try {
                        placer.placeOrder(c, 1 + thread, List.of(new OrderLine(5, 1)));
                        placed++;
                    } catch (OutOfStockException expected) {
                        assertEquals(5, expected.productId());
                    }
                }
            }
            return placed;
        });
        assertEquals(10, outcomes.stream().mapToInt(Integer::intValue).sum(), "exactly the 10 units in stock were sold");
        assertEquals(0, stock(5));
        assertEquals(10, ShopDb.count(db, "SELECT count(*) FROM order_items WHERE product_id = 5"));
        assertEquals(10, ShopDb.count(db, "SELECT sum(quantity) FROM order_items WHERE product_id = 5"));
    }

    @Test
    void ordersListingTheSameProductsInOppositeOrderDoNotDeadlock() throws Exception {
        setStock(6, 1_000);
        setStock(7, 1_000);
        int threads = 4;
        int ordersPerThread = 10;
        List<Integer> outcomes = runConcurrently(threads, thread -> {
            List<OrderLine> lines = thread % 2 == 0
                    ? List.of(new OrderLine(6, 1), new OrderLine(7, 1))
                    : List.of(new OrderLine(7, 1), new OrderLine(6, 1));
            int placed = 0;
            try (Connection c = db.connect()) {
                for (int i = 0; i < ordersPerThread; i++) {
                    placer.placeOrder(c, 1 + thread, lines);
                    placed++;
                }
            }
            return placed;
        });
        assertEquals(List.of(10, 10, 10, 10), outcomes);
        assertEquals(960, stock(6));
        assertEquals(960, stock(7));
        assertEquals(40, ShopDb.count(db, "SELECT count(DISTINCT order_id) FROM order_items WHERE product_id = 6"));
    }

    interface Worker {
        Integer run(int thread) throws Exception;
    }

    /** Starts every worker at the same moment and returns what each returned, in thread order. */
    private static List<Integer> runConcurrently(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Integer> task = () -> {
                    start.await();
                    return worker.run(thread);
                };
                futures.add(pool.submit(task));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                try {
                    results.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState())) {
                        fail("PostgreSQL detected a deadlock: lock the inventory rows in one order (sort the lines by product id)", e);
                    }
                    if (e.getCause() instanceof SQLException sql && "23514".equals(sql.getSQLState())) {
                        fail("two orders took the same last units: the CHECK constraint stopped the stock going below"
                                + " zero, but your code should have found it out of stock itself — check and take the"
                                + " stock in one statement (or lock the row first)", e);
                    }
                    throw e;   // keeps a NotImplementedYet visible as the cause
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void setStock(long productId, int quantity) throws SQLException {
        ShopDb.execute(db, "UPDATE inventory SET quantity = " + quantity + " WHERE product_id = " + productId);
    }

    private static long stock(long productId) throws SQLException {
        return ShopDb.count(db, "SELECT quantity FROM inventory WHERE product_id = " + productId);
    }

    private static BigDecimal price(long productId) {
        return CATALOG.products().get((int) productId - 1).price();
    }

    private static List<String> rows(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }
}
