package streamworkbook.week10.solutions;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import streamworkbook.kit.shop.InvalidEventException;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week07.Violation;
import streamworkbook.week10.DeadLetter;
import streamworkbook.week10.RawRecord;
import streamworkbook.week10.RecordRules;
import streamworkbook.week10.Validation;

/** Exercise 10.1, reference solution: one ProcessFunction, valid events out, dead letters to the side. */
public class ShopRecordValidation implements Validation {

    @Override
    public SingleOutputStreamOperator<ShopEvent> validate(DataStream<RawRecord> records, RecordRules rules) {
        return records.process(new Split(rules)).name("validate");
    }

    /** Every record leaves exactly once: on the main output, or as a dead letter on the side output. */
    static final class Split extends ProcessFunction<RawRecord, ShopEvent> {
        private final RecordRules rules;

        Split(RecordRules rules) {
            this.rules = rules;
        }

        @Override
        public void processElement(RawRecord record, Context ctx, Collector<ShopEvent> out) {
            List<Violation> violations;
            try {
                violations = rules.check(record.value());
            } catch (RuntimeException e) {
                // a bug in a rule is not the record's fault, but stopping the job for it would stop every record
                // behind it: the record waits in the dead-letter topic until the rule is fixed and it is replayed
                ctx.output(DEAD_LETTERS, deadLetter(record, "$", "exception", e.getClass().getName() + ": " + e.getMessage(), ctx));
                return;
            }
            if (!violations.isEmpty()) {
                Violation first = violations.get(0);
                String reason = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
                ctx.output(DEAD_LETTERS, deadLetter(record, first.field(), first.rule(), reason, ctx));
                return;
            }
            ShopEvent event;
            try {
                event = ShopJson.fromBytes(record.value());
            } catch (InvalidEventException e) {
                // the rules let it through, but it is not an event: rules and parser disagree, and the record says how
                ctx.output(DEAD_LETTERS, deadLetter(record, "$", "json", e.getMessage(), ctx));
                return;
            }
            out.collect(event);
        }

        /** The record's own key and value bytes and its coordinates: a dead letter is the record, plus why. */
        private static DeadLetter deadLetter(RawRecord record, String field, String rule, String reason, Context ctx) {
            return new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.key(), record.value(), field, rule, reason, ctx.timerService().currentProcessingTime());
        }
    }
}
