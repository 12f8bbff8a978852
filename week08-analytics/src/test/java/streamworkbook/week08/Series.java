package streamworkbook.week08;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Small hand-made series for the tests of 8.1, 8.3 and 8.4. */
final class Series {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Series() {
    }

    static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    static MinuteMetric at(String series, int minute, double value) {
        return new MinuteMetric(series, minute(minute), value);
    }

    /** One reader, timestamps in the middle of each minute, watermarks following them. */
    static DataStream<MinuteMetric> stream(StreamExecutionEnvironment env, List<MinuteMetric> metrics) {
        return env.fromData(metrics, TypeInformation.of(MinuteMetric.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<MinuteMetric>forMonotonousTimestamps()
                        .withTimestampAssigner((m, previous) -> m.minute().toEpochMilli() + 30_000))
                .setParallelism(1);
    }

    /** Averages keyed by "series at", for comparing as sets. */
    static Map<String, Double> byKey(List<Average> averages) {
        Map<String, Double> map = new TreeMap<>();
        for (Average a : averages) {
            Double before = map.put(a.series() + " " + a.at(), a.value());
            if (before != null) {
                map.put(a.series() + " " + a.at() + " (twice)", a.value());
            }
        }
        return map;
    }

    /** The differences between two maps of values, at most {@code max} lines; empty when equal within {@code tolerance}. */
    static List<String> differences(Map<String, Double> expected, Map<String, Double> actual, double tolerance, int max) {
        List<String> lines = new ArrayList<>();
        for (var e : expected.entrySet()) {
            Double a = actual.get(e.getKey());
            if (a == null) {
                lines.add("missing " + e.getKey() + " = " + e.getValue());
            } else if (Math.abs(a - e.getValue()) > tolerance) {
                lines.add(e.getKey() + ": expected " + e.getValue() + " but was " + a);
            }
        }
        for (var a : actual.entrySet()) {
            if (!expected.containsKey(a.getKey())) {
                lines.add("unexpected " + a.getKey() + " = " + a.getValue());
            }
        }
        return lines.size() > max ? lines.subList(0, max) : lines;
    }
}
