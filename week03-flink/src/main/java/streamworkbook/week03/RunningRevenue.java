package streamworkbook.week03;

import org.apache.flink.streaming.api.datastream.DataStream;

/** Exercise 3.3 — keyed running totals: revenue per category, updated with every purchase. */
public interface RunningRevenue {

    /**
     * For every purchase line, emits the new running total of its category ({@link Catalog#categoryOf}):
     * how many purchase lines that category has seen so far and the sum of their totals.
     * Key the stream by category, so each category's total lives in one place, and combine with
     * {@code reduce} (or {@code aggregate}). The first line of a category emits
     * {@code (category, 1, total)}; the next adds to it; categories never mix.
     */
    DataStream<CategoryRevenue> revenuePerCategory(DataStream<PurchaseLine> purchases);
}
