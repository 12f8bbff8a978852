package streamworkbook.week06.exercises;

import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.Metric;
import streamworkbook.week06.Rollups;

/**
 * Exercise 6.3 — count events and add up revenue per event type for every minute, hour and UTC day of event time,
 * each level built from the one below it.
 *
 * @see Rollups the contract
 * @see <a href="../../../../../../README.md#63-minute-hour-and-day-aggregates">week06-sink/README.md#63-minute-hour-and-day-aggregates</a>
 */
public class WindowRollups implements Rollups {

    @Override
    public DataStream<Metric> rollups(DataStream<ShopEvent> events) {
        throw new NotImplementedYet("6.3");
    }
}
