package streamworkbook.week03.exercises;

import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week03.CategoryRevenue;
import streamworkbook.week03.PurchaseLine;
import streamworkbook.week03.RunningRevenue;

/** Exercise 3.3 — your code. The contract is in {@link RunningRevenue}; the steps in week03-flink/README.md. */
public class CategoryRevenueJob implements RunningRevenue {

    @Override
    public DataStream<CategoryRevenue> revenuePerCategory(DataStream<PurchaseLine> purchases) {
        // TODO 3.3: running revenue per category.
        //  1. map each line to new CategoryRevenue(Catalog.categoryOf(line.productId()), 1, line.total()).
        //  2. keyBy(CategoryRevenue::category): all records of one category go to the same parallel
        //     instance, which keeps that category's running value in Flink state.
        //  3. reduce(CategoryRevenue::plus): Flink calls it with (the total so far, the new record) and
        //     emits the result for every record.
        throw new NotImplementedYet("3.3");
    }
}
