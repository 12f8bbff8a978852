package streamworkbook.week08;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Alerts as JSON on the {@code shop-alerts} topic: {@code {"series":…,"minute":"…Z","rule":…,"value":…,"expected":…,"score":…}}. */
public final class AlertJson implements SerializationSchema<Alert> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public byte[] serialize(Alert a) {
        return toBytes(a);
    }

    public static byte[] toBytes(Alert a) {
        ObjectNode node = JSON.createObjectNode()
                .put("series", a.series())
                .put("minute", a.minute().toString())
                .put("rule", a.rule())
                .put("value", a.value())
                .put("expected", a.expected())
                .put("score", a.score());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Alert fromBytes(byte[] bytes) {
        try {
            var n = JSON.readTree(bytes);
            return new Alert(n.get("series").asText(), Instant.parse(n.get("minute").asText()), n.get("rule").asText(),
                    n.get("value").asDouble(), n.get("expected").asDouble(), n.get("score").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
