package streamworkbook.week07;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopJson;

/**
 * The ways the generator breaks an event on purpose, each with the violation the contracts must report for it.
 * Week 10's validation is tested against exactly these.
 */
public enum Corruption {
    /** The event id is missing. */
    MISSING_FIELD("$.event_id", "required"),
    /** A number where the contract wants a string: the user id sent as a bare number. */
    WRONG_TYPE("$.user_id", "type"),
    /** "event_time": "yesterday". */
    BAD_TIME("$.event_time", "format"),
    /** A product that is not in the catalogue. */
    UNKNOWN_PRODUCT("$.product_id", "catalogue"),
    /** Not JSON at all: the record was cut off. */
    TRUNCATED("$", "json");

    private final String field;
    private final String rule;

    Corruption(String field, String rule) {
        this.field = field;
        this.rule = rule;
    }

    /** The field the contract check must name. */
    public String field() {
        return field;
    }

    /** The rule the contract check must name. */
    public String rule() {
        return rule;
    }

    /** Whether this corruption applies to events of this type (only events that name a product can name a wrong one). */
    public boolean appliesTo(EventType type) {
        return this != UNKNOWN_PRODUCT || type != EventType.SEARCH && type != EventType.PAGE_VIEW;
    }

    /** The broken record made from a valid event's JSON. */
    public byte[] apply(byte[] valid, String unknownSku) {
        if (this == TRUNCATED) {
            byte[] cut = new byte[valid.length / 2];
            System.arraycopy(valid, 0, cut, 0, cut.length);
            return cut;
        }
        try {
            ObjectNode node = (ObjectNode) ShopJson.mapper().readTree(valid);
            switch (this) {
                case MISSING_FIELD -> node.remove("event_id");
                case WRONG_TYPE -> node.put("user_id", Long.parseLong(node.get("user_id").asText().substring(2)));
                case BAD_TIME -> node.put("event_time", "yesterday");
                case UNKNOWN_PRODUCT -> node.put("product_id", unknownSku);
                default -> throw new IllegalStateException(name());
            }
            return ShopJson.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot corrupt " + new String(valid, StandardCharsets.UTF_8), e);
        }
    }
}
