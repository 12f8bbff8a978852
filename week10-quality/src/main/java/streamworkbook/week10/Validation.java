package streamworkbook.week10;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 10.1 — every raw record becomes either a valid event or a dead letter; nothing is dropped, nothing is
 * changed on the way to the dead-letter topic.
 *
 * <p>See week10-quality/README.md, section 10.1.
 */
public interface Validation {

    /** The side output of refused records. */
    OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    /**
     * Checks every record with {@code rules} and returns the stream of valid events; the refused records leave on
     * the side output {@link #DEAD_LETTERS} of the returned operator. For every input record exactly one of:
     * <ul>
     *   <li>it breaks no rule: the event it holds ({@code ShopJson.fromBytes}) on the main output;</li>
     *   <li>it breaks rules: one dead letter whose {@code field} and {@code rule} are those of the first violation
     *       the rules return and whose {@code reason} names every violation, each with its field (a
     *       {@code Violation}'s {@code toString()} does);</li>
     *   <li>the rules pass it but it is not a shop event after all: a dead letter, field {@code $}, rule {@code json},
     *       the parser's message as the reason;</li>
     *   <li>checking it throws (a bug in a rule): a dead letter, field {@code $}, rule {@code exception}, a reason that
     *       names the exception's class and message — and the job goes on with the next record.</li>
     * </ul>
     * A dead letter carries the source record's topic, partition, offset, timestamp, key and value exactly as they
     * were read (the very bytes: a dead letter can be compared byte for byte with the source record), and the time
     * it was refused ({@code failedAt}, ms since the epoch).
     */
    SingleOutputStreamOperator<ShopEvent> validate(DataStream<RawRecord> records, RecordRules rules);
}
