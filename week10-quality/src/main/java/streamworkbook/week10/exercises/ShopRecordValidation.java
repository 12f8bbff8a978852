package streamworkbook.week10.exercises;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week10.RawRecord;
import streamworkbook.week10.RecordRules;

/**
 * Exercise 10.1 — split raw records into valid events and dead letters, losing and changing nothing.
 *
 * @see streamworkbook.week10.Validation the contract
 * @see <a href="../../../../../../README.md#101-validation-with-dead-letters">week10-quality/README.md#101-validation-with-dead-letters</a>
 */
public class ShopRecordValidation implements streamworkbook.week10.Validation {

    @Override
    public SingleOutputStreamOperator<ShopEvent> validate(DataStream<RawRecord> records, RecordRules rules) {
        throw new NotImplementedYet("10.1");
    }
}
