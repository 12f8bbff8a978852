package streamworkbook.kit.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON form of shop events: snake_case fields, ISO-8601 UTC timestamps, unknown fields
 * ignored (a tolerant reader, so producers can add fields without breaking consumers).
 *
 * <pre>{"event_id":"…","type":"purchase","event_time":"2026-11-24T10:15:30.123Z","user_id":"u-42",…}</pre>
 */
public final class ShopJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ShopJson() {
    }

    /** The shared, thread-safe mapper, configured as above. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(ShopEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event, e);
        }
    }

    public static String toJson(ShopEvent event) {
        return new String(toBytes(event), StandardCharsets.UTF_8);
    }

    /** Parses one event; a malformed record raises {@link InvalidEventException} quoting it. */
    public static ShopEvent fromBytes(byte[] json) {
        if (json == null) {
            throw new InvalidEventException("not a shop event: the record has no value (null)", null);
        }
        try {
            return MAPPER.readValue(json, ShopEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("not a shop event (" + firstLine(e) + "): " + quote(json), e);
        }
    }

    public static ShopEvent fromJson(String json) {
        return fromBytes(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String quote(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + json.length + " bytes)";
    }
}
