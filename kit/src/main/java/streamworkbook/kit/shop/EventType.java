package streamworkbook.kit.shop;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of shop event; each travels on its own Kafka topic. */
public enum EventType {
    PAGE_VIEW,
    SEARCH,
    ADD_TO_CART,
    REMOVE_FROM_CART,
    PURCHASE,
    REVIEW;

    /** The name used in JSON and in ClickHouse: {@code page_view}, {@code add_to_cart}, … */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The event's topic: {@code shop-page-view}, {@code shop-add-to-cart}, … */
    public String topic() {
        return "shop-" + wireName().replace('_', '-');
    }

    @JsonCreator
    public static EventType fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + name + "': expected one of "
                + Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", ")));
    }
}
