package streamworkbook.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week10.RawRecord;

/**
 * Event-time watermarks made by the Kafka source itself, per partition, from the {@code event_time} inside each raw
 * record. Why here and not after validation (where week 10's {@code ValidationStage} puts them): a watermark made
 * after the partitions are merged assumes they are read at the same pace. They are, live; but after a restart, a
 * broker's return or a bounded read from the earliest offset, one partition's backlog is read ahead of another's,
 * the merged watermark runs ahead, and the other partitions' events arrive "late" and miss their windows — rollups
 * and alerts silently short. Per-partition watermarks (Kafka source splits) hold the watermark at the slowest
 * partition. Validation keeps each record's timestamp, so the valid events reach the windows with these timestamps.
 *
 * <p>Per-partition watermarks have a gap, though: a Kafka source reader creates a partition's watermark output when the
 * partition's first records arrive, not when it is assigned ({@code SourceReaderBase}, Flink 2.2). Until then that
 * partition holds nothing back. Live, or a few seconds after a restore, that is a few seconds of event time, which the
 * rollups' allowed lateness covers ({@link LateAwareRollups}). A bounded run is different: it reads an hour of event time
 * in a second or two, and a periodic watermark taken after the first partitions' records and before the others' first
 * fetch is an hour ahead of them — two of twenty runs of the demo's bounded test lost events that way (one of them 266
 * of an hour's 1,968 page views). So a bounded run takes no periodic watermarks at all ({@link #watermarksOnlyAtTheEnd()}): the end of the input
 * is the one watermark, and every window fires once, with every event, as in Flink's batch mode.
 */
final class EventTimeAtSource {

    /** How long a partition without records may hold the watermark back. */
    static final Duration IDLENESS = Duration.ofSeconds(60);

    private static final JsonFactory JSON = new JsonFactory();

    private EventTimeAtSource() {
    }

    static WatermarkStrategy<RawRecord> watermarks() {
        return WatermarkStrategy.<RawRecord>forBoundedOutOfOrderness(ShopPipeline.OUT_OF_ORDERNESS)
                .withTimestampAssigner((SerializableTimestampAssigner<RawRecord>) (record, kafkaTimestamp) -> eventTime(record))
                // a partition with nothing new for a minute stops holding the watermark back. Not week 6's 10 s: a
                // split counts as idle from the start until its first record, and after a restore or a rescale on two
                // busy cores some readers take longer than 10 s to deliver their first record of the backlog — the
                // others then moved the watermark on, and the slow readers' events were late for their windows
                // (RescaleIT: 16 of 71 rollup buckets short with 10 s). At the platform's rates every partition has
                // records every second, so the longer timeout costs nothing but a later window on a quiet shop.
                .withIdleness(IDLENESS);
    }

    /** For a bounded run: periodic watermarks off, so the windows fire at the end of the input, with everything (see above). */
    static Configuration watermarksOnlyAtTheEnd() {
        Configuration config = new Configuration();
        config.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
        return config;
    }

    /**
     * The record's {@code event_time} in ms; the Kafka timestamp when it has none that can be read (such a record is
     * dead-lettered by validation anyway, and must not move the watermark somewhere odd).
     */
    static long eventTime(RawRecord record) {
        if (record.value() == null) {
            return record.timestamp();
        }
        try (JsonParser parser = JSON.createParser(record.value())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return record.timestamp();
            }
            // top-level fields only: skip nested objects and arrays whole
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("event_time".equals(field) && value == JsonToken.VALUE_STRING) {
                    return Instant.parse(parser.getText()).toEpochMilli();
                }
                parser.skipChildren();
            }
        } catch (IOException | DateTimeParseException e) {
            // not JSON, or a broken time: see above
        }
        return record.timestamp();
    }
}
