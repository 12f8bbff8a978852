package streamworkbook.week10;

import java.util.List;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * Exercise 10.5 — source against sink, per event type and minute: is every record the source holds either in the
 * sink or in the dead-letter topic, and where exactly is the difference when it is not?
 *
 * <p>See week10-quality/README.md, section 10.5.
 */
public interface Reconciliation {

    /**
     * Reads every record of {@code sourceTopics} (from the beginning to the end offsets at the call: use
     * {@link SourceSnapshot}) and of {@code deadLetterTopic} ({@link DeadLetters#fromRecord} tells which source
     * record each dead letter stands for), counts the distinct events per type and minute in the {@code events}
     * table of {@code clickhouse}'s database, and compares; see {@link ReconciliationReport} for each number.
     *
     * <ul>
     *   <li>A source record that a dead letter stands for is not expected in the sink.</li>
     *   <li>Any other source record is expected: the event it holds ({@code ShopJson.fromBytes}) counts in its type
     *       and the minute of its event time, once per event id (the source may hold an event twice); a record that
     *       is not an event is unaccounted.</li>
     *   <li>The sink counts distinct event ids per type and minute, merged or not.</li>
     * </ul>
     */
    ReconciliationReport reconcile(KafkaEndpoint kafka, List<String> sourceTopics, String deadLetterTopic, ClickHouseEndpoint clickhouse);
}
