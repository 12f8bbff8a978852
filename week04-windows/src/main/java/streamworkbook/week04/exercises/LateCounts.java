package streamworkbook.week04.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.LateData;
import streamworkbook.week04.WindowCount;

/** Exercise 4.3 — your code. The contract is in {@link LateData}; the steps in week04-windows/README.md. */
public class LateCounts implements LateData {

    @Override
    public SingleOutputStreamOperator<WindowCount> countsWithLateness(DataStream<ShopEvent> timestamped,
                                                                      Duration size, Duration allowedLateness) {
        // TODO 4.3: the 4.1 pipeline, with two more calls between window(...) and aggregate(...):
        //  .allowedLateness(allowedLateness)  — keep the window's state that much longer;
        //  .sideOutputLateData(TOO_LATE)      — where events go that are later still.
        //  The caller reads them with result.getSideOutput(TOO_LATE).
        throw new NotImplementedYet("4.3");
    }
}
