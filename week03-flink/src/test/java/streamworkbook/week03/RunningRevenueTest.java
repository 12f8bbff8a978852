package streamworkbook.week03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;

@Exercise("3.3")
class RunningRevenueTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final RunningRevenue job = Exercises.pick(streamworkbook.week03.exercises.CategoryRevenueJob::new,
            streamworkbook.week03.solutions.CategoryRevenueJob::new);

    private static PurchaseLine line(String order, String product, int quantity, String unitPrice) {
        BigDecimal price = new BigDecimal(unitPrice);
        return new PurchaseLine(order, "u-1", product, quantity, price, price.multiply(BigDecimal.valueOf(quantity)), Events.T0);
    }

    private static CategoryRevenue total(String category, long purchases, String revenue) {
        return new CategoryRevenue(category, purchases, new BigDecimal(revenue));
    }

    @Test
    void everyPurchaseUpdatesItsCategorysRunningTotal() throws Exception {
        List<PurchaseLine> lines = List.of(
                line("o-1", "p-001", 2, "10.00"),   // books
                line("o-2", "p-041", 1, "99.99"),   // electronics
                line("o-3", "p-040", 1, "5.50"),    // books
                line("o-4", "p-200", 4, "2.25"),    // toys
                line("o-5", "p-080", 2, "0.01"),    // electronics
                line("o-6", "x-999", 1, "1.00"),    // not in the catalog
                line("o-7", "p-039", 3, "1.50"));   // books

        StreamExecutionEnvironment env = TestFlink.environment();
        List<CategoryRevenue> out = TestFlink.collect(
                job.revenuePerCategory(env.fromData(PurchaseLine.class, lines.toArray(new PurchaseLine[0]))));

        // One update per line, per category numbered 1, 2, 3 … and ending at the category's exact total.
        // (Which intermediate sums you see depends on the order lines reach the key's instance: the
        // source has parallelism 1, but a map of parallelism 2 in between may reorder them.)
        Map<String, List<Long>> counts = out.stream().collect(Collectors.groupingBy(CategoryRevenue::category,
                TreeMap::new, Collectors.mapping(CategoryRevenue::purchases, Collectors.toList())));
        assertEquals(Map.of("books", List.of(1L, 2L, 3L), "electronics", List.of(1L, 2L),
                "toys", List.of(1L), Catalog.UNKNOWN, List.of(1L)), counts);

        Map<String, CategoryRevenue> last = new TreeMap<>();
        out.forEach(total -> last.put(total.category(), total));
        assertEquals(Map.of(
                "books", total("books", 3, "30.00"),
                "electronics", total("electronics", 2, "100.01"),
                "toys", total("toys", 1, "9.00"),
                Catalog.UNKNOWN, total(Catalog.UNKNOWN, 1, "1.00")), last);
    }

    @Test
    void withOrderKeptEveryIntermediateTotalIsExact() throws Exception {
        List<PurchaseLine> lines = List.of(
                line("o-1", "p-001", 2, "10.00"),
                line("o-2", "p-041", 1, "99.99"),
                line("o-3", "p-040", 1, "5.50"),
                line("o-4", "p-080", 2, "0.01"));

        // parallelism 1 up to the keyBy: lines reach their key in input order
        StreamExecutionEnvironment env = TestFlink.environment(1);
        List<CategoryRevenue> out = TestFlink.collect(
                job.revenuePerCategory(env.fromData(PurchaseLine.class, lines.toArray(new PurchaseLine[0]))));

        assertEquals(List.of(
                total("books", 1, "20.00"),
                total("electronics", 1, "99.99"),
                total("books", 2, "25.50"),
                total("electronics", 2, "100.01")), out);
    }
}
