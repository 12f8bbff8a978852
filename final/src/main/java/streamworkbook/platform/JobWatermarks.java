package streamworkbook.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import streamworkbook.kit.infra.local.cluster.FlinkRest;

/**
 * Where event time stands in a running job: each task's input watermark, per subtask, from Flink's REST API (what the
 * web UI's "Watermarks" tab shows). A drill prints it when its counts are not exact, because a rollup bucket that is
 * missing although its events are all in ClickHouse means a window that has not fired: the line says which operator
 * and subtask holds event time back.
 */
final class JobWatermarks {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private JobWatermarks() {
    }

    /** "per minute [22:17:55, 22:17:55] · per hour [22:17:55, none] · …", or why it could not be read. */
    static String of(FlinkRest rest, String jobId) {
        try {
            List<String> tasks = new ArrayList<>();
            for (JsonNode vertex : rest.get("/jobs/" + jobId).path("vertices")) {
                // subtask index → watermark; the REST API lists them as "0.currentInputWatermark", "1.…"
                TreeMap<Integer, String> subtasks = new TreeMap<>();
                for (JsonNode metric : rest.get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/watermarks")) {
                    String id = metric.path("id").asText();
                    subtasks.put(Integer.parseInt(id.substring(0, id.indexOf('.'))), time(metric.path("value").asLong()));
                }
                tasks.add(shortName(vertex.path("name").asText()) + " " + subtasks.values());
            }
            return String.join(" · ", tasks);
        } catch (RuntimeException e) {
            return "watermarks not available: " + e.getMessage();
        }
    }

    private static String time(long watermark) {
        return watermark == Long.MIN_VALUE ? "none" : watermark == Long.MAX_VALUE ? "end" : TIME.format(Instant.ofEpochMilli(watermark));
    }

    /** A chained task's name is every operator's; the first one says which task it is. */
    private static String shortName(String name) {
        String first = name.split(" -> ")[0];
        return first.length() > 40 ? first.substring(0, 40) + "…" : first;
    }
}
