package streamworkbook.week03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 3.3: running totals per category, at parallelism 2 (where lines of one category may reach the
 * operator in any order), at parallelism 1 up to the operator (where every intermediate total is known), and
 * across a failure and restart from a checkpoint.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a running sum without {@code keyBy} (a field or a map in a function, one per parallel instance): the
 *       lines of a category are spread over two instances, so its counts and totals are split;</li>
 *   <li>a global total ({@code keyBy} on a constant, {@code windowAll}) — categories mix;</li>
 *   <li>a reduce or window that emits only at the end of the input — one output per category, not per line;</li>
 *   <li>totals kept in a plain Java field or map, even after {@code keyBy} (or in one instance of parallelism 1):
 *       Flink neither checkpoints nor restores them, so after the restart the totals start again from zero —
 *       or, kept in a {@code static}, count the replayed lines twice.</li>
 * </ul>
 */
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

    /** Per category, the purchase counts of its updates in arrival order. */
    private static Map<String, List<Long>> countsPerCategory(List<CategoryRevenue> out) {
        return out.stream().collect(Collectors.groupingBy(CategoryRevenue::category,
                TreeMap::new, Collectors.mapping(CategoryRevenue::purchases, Collectors.toList())));
    }

    /** Per category, its last update. */
    private static Map<String, CategoryRevenue> lastPerCategory(List<CategoryRevenue> out) {
        Map<String, CategoryRevenue> last = new TreeMap<>();
        out.forEach(total -> last.put(total.category(), total));
        return last;
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
        assertEquals(new TreeMap<>(Map.of("books", List.of(1L, 2L, 3L), "electronics", List.of(1L, 2L),
                "toys", List.of(1L), Catalog.UNKNOWN, List.of(1L))), countsPerCategory(out),
                "per category, one update per line, counting 1, 2, 3 …");
        assertEquals(new TreeMap<>(Map.of(
                "books", total("books", 3, "30.00"),
                "electronics", total("electronics", 2, "100.01"),
                "toys", total("toys", 1, "9.00"),
                Catalog.UNKNOWN, total(Catalog.UNKNOWN, 1, "1.00"))), lastPerCategory(out), "each category's last total");
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

    /** The lines of the restart test: books, electronics and toys in turn, line n costing n × 1.00. */
    public static final class NumberedLines implements GeneratorFunction<Long, PurchaseLine> {
        static final int COUNT = 12;
        private static final String[] PRODUCTS = {"p-001", "p-041", "p-200"};

        @Override
        public PurchaseLine map(Long n) {
            return line("o-" + n, PRODUCTS[(int) (n % PRODUCTS.length)], 1, n + ".00");
        }
    }

    /** Fails the job once, at line {@link #AT}: after at least two checkpoints hold part of the totals. */
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    /** Fails once, without a stack trace: the failure is planned, only its effect matters. */
    public static final class PlannedFailure extends RuntimeException {
        PlannedFailure(String message) {
            super(message, null, false, false);
        }
    }

    private static final long AT = 7;

    @Test
    void afterARestartTheTotalsContinueFromTheLastCheckpoint() throws Exception {
        FAILED.set(false);
        StreamExecutionEnvironment env = TestFlink.environment();
        Configuration restartOnce = new Configuration();
        restartOnce.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restartOnce.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        restartOnce.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
        env.configure(restartOnce);
        env.enableCheckpointing(50);
        // two lines per completed checkpoint, from one source instance: line 7 comes after checkpoints that hold
        // lines 0–5 (or more), so the restart replays only what came after the last of them
        DataStream<PurchaseLine> lines = env.fromSource(new DataGeneratorSource<>(new NumberedLines(),
                                NumberedLines.COUNT, RateLimiterStrategy.perCheckpoint(2), TypeInformation.of(PurchaseLine.class)),
                        WatermarkStrategy.noWatermarks(), "numbered lines").setParallelism(1)
                .map(line -> {
                    if (line.orderId().equals("o-" + AT) && FAILED.compareAndSet(false, true)) {
                        throw new PlannedFailure("a planned failure at line " + AT + ": the job restarts from its last checkpoint");
                    }
                    return line;
                }).setParallelism(1).name("fails once");
        List<CategoryRevenue> out = TestFlink.collect(job.revenuePerCategory(lines));

        assertEquals(true, FAILED.get(), "the job failed once and restarted");
        // the collected output is exactly-once with checkpoints: what the restart replays replaces what was lost
        assertEquals(new TreeMap<>(Map.of("books", List.of(1L, 2L, 3L, 4L), "electronics", List.of(1L, 2L, 3L, 4L),
                        "toys", List.of(1L, 2L, 3L, 4L))), countsPerCategory(out),
                "per category, one update per line, counting on after the restart from where the checkpoint was: "
                        + "is the running total in Flink's keyed state?");
        assertEquals(new TreeMap<>(Map.of(
                "books", total("books", 4, "18.00"),             // lines 0, 3, 6, 9
                "electronics", total("electronics", 4, "22.00"), // lines 1, 4, 7, 10
                "toys", total("toys", 4, "26.00"))),             // lines 2, 5, 8, 11
                lastPerCategory(out), "each category's last total");
    }
}
