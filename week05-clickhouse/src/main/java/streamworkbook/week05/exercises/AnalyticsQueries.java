package streamworkbook.week05.exercises;

import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week05.ShopAnalytics;

/**
 * Exercise 5.3 — the dashboard's analytical questions as ClickHouse SQL: revenue per hour with no gaps,
 * top products per category, a conversion funnel, exact percentiles and day-1/day-7 retention.
 *
 * @see ShopAnalytics the contract
 * @see <a href="../../../../../../README.md#53-analytical-queries">week05-clickhouse/README.md#53-analytical-queries</a>
 */
public class AnalyticsQueries implements ShopAnalytics {

    @Override
    public String revenuePerHour() {
        throw new NotImplementedYet("5.3");
    }

    @Override
    public String topProductsPerCategory() {
        throw new NotImplementedYet("5.3");
    }

    @Override
    public String conversionFunnel() {
        throw new NotImplementedYet("5.3");
    }

    @Override
    public String orderValueQuantiles() {
        throw new NotImplementedYet("5.3");
    }

    @Override
    public String retention() {
        throw new NotImplementedYet("5.3");
    }
}
