package streamworkbook.week08.exercises;

import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week08.MinuteRollups;

/**
 * Exercise 8.5 — per-minute dashboard metrics that ClickHouse maintains itself, as aggregation states that merge into
 * minutes and hours at query time.
 *
 * @see MinuteRollups the contract
 * @see <a href="../../../../../../README.md#85-clickhouse-rollups">week08-analytics/README.md#85-clickhouse-rollups</a>
 */
public class StatsRollups implements MinuteRollups {

    @Override
    public List<String> createRollups() {
        throw new NotImplementedYet("8.5");
    }

    @Override
    public String perMinute() {
        throw new NotImplementedYet("8.5");
    }

    @Override
    public String perHour() {
        throw new NotImplementedYet("8.5");
    }
}
