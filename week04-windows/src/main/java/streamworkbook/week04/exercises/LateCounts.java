package streamworkbook.week04.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.LateData;
import streamworkbook.week04.WindowCount;

/**
 * Exercise 4.3 — the counts of 4.1, corrected when a late event arrives within the allowed lateness, and no
 * event lost silently when it arrives later still.
 *
 * <p>The contract is {@link LateData}; the goal and graded hints are in
 * {@code week04-windows/README.md#43-late-data} ({@code ./workbook hint 4.3}).
 */
public class LateCounts implements LateData {

    @Override
    public SingleOutputStreamOperator<WindowCount> countsWithLateness(DataStream<ShopEvent> timestamped,
                                                                      Duration size, Duration allowedLateness) {
        throw new NotImplementedYet("4.3");
    }
}
