package streamworkbook.week03.solutions;

import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.week03.Catalog;
import streamworkbook.week03.CategoryRevenue;
import streamworkbook.week03.PurchaseLine;
import streamworkbook.week03.RunningRevenue;

/** Reference solution of exercise 3.3. */
public class CategoryRevenueJob implements RunningRevenue {

    @Override
    public DataStream<CategoryRevenue> revenuePerCategory(DataStream<PurchaseLine> purchases) {
        return purchases
                .map(line -> new CategoryRevenue(Catalog.categoryOf(line.productId()), 1, line.total()))
                .name("to category")
                // keyBy hash-partitions by category: one parallel instance owns each category and keeps its
                // running total in keyed state, so totals are exact at any parallelism
                .keyBy(CategoryRevenue::category)
                .reduce(CategoryRevenue::plus).name("running revenue");
    }
}
