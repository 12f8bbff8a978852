package streamworkbook.week05.exercises;

import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week05.EventsSchema;

/**
 * Exercise 5.1 — design the {@code events} table for the dashboard: column types that store each value
 * compactly, a partitioning by month, a sorting key that lets the dashboard's queries skip most of the
 * data, and a retention of one year.
 *
 * @see EventsSchema the contract
 * @see <a href="../../../../../../README.md#51-the-events-table">week05-clickhouse/README.md#51-the-events-table</a>
 */
public class ShopEventsTable implements EventsSchema {

    @Override
    public String createEventsTable() {
        throw new NotImplementedYet("5.1");
    }
}
