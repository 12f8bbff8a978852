package streamworkbook.week03;

import org.apache.flink.streaming.api.datastream.DataStream;

/** Exercise 3.3 — keyed running totals: revenue per category, updated with every purchase. */
public interface RunningRevenue {

    /**
     * For every purchase line, emits the new running total of its category ({@link Catalog#categoryOf} of the
     * line's product): how many lines that category has seen so far and the sum of their {@code total}s.
     * <ul>
     *   <li>one output per input line, at once — not at the end of the input;</li>
     *   <li>a category's first line emits {@code (category, 1, total)}, each further line of it the sum so far;
     *       categories never mix;</li>
     *   <li>totals are exact at any parallelism: every line of a category is added to the same running total;</li>
     *   <li>the totals are state that Flink keeps: after a failure the job restarts from its last checkpoint and
     *       the totals continue from what that checkpoint holds — no line lost, none counted twice.</li>
     * </ul>
     */
    DataStream<CategoryRevenue> revenuePerCategory(DataStream<PurchaseLine> purchases);
}
