package streamworkbook.week03.exercises;

import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week03.CategoryRevenue;
import streamworkbook.week03.PurchaseLine;
import streamworkbook.week03.RunningRevenue;

/**
 * Exercise 3.3 — keep a running revenue per product category, exact at any parallelism and across a restart.
 *
 * <p>The contract is {@link RunningRevenue}; the goal and graded hints are in
 * {@code week03-flink/README.md#33-running-revenue-per-category} ({@code ./workbook hint 3.3}).
 */
public class CategoryRevenueJob implements RunningRevenue {

    @Override
    public DataStream<CategoryRevenue> revenuePerCategory(DataStream<PurchaseLine> purchases) {
        throw new NotImplementedYet("3.3");
    }
}
