package streamworkbook.week05.exercises;

import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week05.MinuteMetrics;

/**
 * Exercise 5.2 — per-minute sales and visitors that materialized views keep up to date on every INSERT into
 * {@code events}, and the two queries that read them correctly before and after ClickHouse merges the parts.
 *
 * @see MinuteMetrics the contract
 * @see <a href="../../../../../../README.md#52-materialized-views-for-per-minute-metrics">week05-clickhouse/README.md#52-materialized-views-for-per-minute-metrics</a>
 */
public class MetricViews implements MinuteMetrics {

    @Override
    public List<String> createViews() {
        throw new NotImplementedYet("5.2");
    }

    @Override
    public String salesPerMinute() {
        throw new NotImplementedYet("5.2");
    }

    @Override
    public String visitorsPerMinute() {
        throw new NotImplementedYet("5.2");
    }
}
