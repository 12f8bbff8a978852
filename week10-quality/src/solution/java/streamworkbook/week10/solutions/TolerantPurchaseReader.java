package streamworkbook.week10.solutions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import streamworkbook.week10.Purchase;
import streamworkbook.week10.PurchaseReader;
import streamworkbook.week10.UnreadableEventException;

/**
 * Exercise 10.2, reference solution: read the tree, take the fields a purchase needs by name (the new name first,
 * then its alias), ignore everything else.
 */
public class TolerantPurchaseReader implements PurchaseReader {

    // decimals as written (0.1 stays 0.1, not the double nearest to it)
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Override
    public Purchase read(byte[] json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new UnreadableEventException("$", "$: not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableEventException("$", "$: not a JSON object");
        }
        if (!"purchase".equals(node.path("type").asText(null))) {
            throw new UnreadableEventException("$.type", "$.type: not a purchase but " + node.get("type"));
        }
        return new Purchase(text(node, "event_id"), instant(node, "event_time"), text(node, "user_id"),
                optionalText(node, "session_id"), text(node, "order_id"), text(node, "product_id"),
                number(node, "quantity"), number(node, "unit_price", "price"), optionalText(node, "coupon_code"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new UnreadableEventException("$." + name, "$." + name + ": " + (value == null ? "missing" : "not text: " + value));
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : text(node, name);
    }

    private static Instant instant(JsonNode node, String name) {
        String text = text(node, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("$." + name, "$." + name + ": not an ISO-8601 instant: " + text, e);
        }
    }

    /** The first of the names the record has (the current name, then older aliases), as a number. */
    private static BigDecimal number(JsonNode node, String name, String... aliases) {
        JsonNode value = node.get(name);
        for (int i = 0; value == null && i < aliases.length; i++) {
            value = node.get(aliases[i]);
        }
        if (value == null || !value.isNumber()) {
            throw new UnreadableEventException("$." + name, "$." + name + ": " + (value == null ? "missing" : "not a number: " + value));
        }
        return value.decimalValue();
    }
}
