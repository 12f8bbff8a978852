package streamworkbook.week12;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The time series the API knows, each read from week 6's {@code metrics} rollup: a sum of {@code events} or of
 * {@code revenue}, over one event type or over all of them.
 */
public enum SeriesMetric {
    REVENUE("purchase", true, "revenue of purchases (price × quantity)"),
    PURCHASES("purchase", false, "purchase events (one per order line)"),
    PAGE_VIEWS("page_view", false, "page views"),
    SEARCHES("search", false, "searches"),
    ADD_TO_CARTS("add_to_cart", false, "products put in a cart"),
    REMOVE_FROM_CARTS("remove_from_cart", false, "products taken out of a cart"),
    REVIEWS("review", false, "reviews"),
    EVENTS(null, false, "events of every type");

    private final String eventType;
    private final boolean revenue;
    private final String description;

    SeriesMetric(String eventType, boolean revenue, String description) {
        this.eventType = eventType;
        this.revenue = revenue;
        this.description = description;
    }

    /** As requests spell it: {@code revenue}, {@code page_views}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The event type whose rows make the series ({@code metrics.event_type}), or null for all types. */
    public String eventType() {
        return eventType;
    }

    /** Whether the series sums {@code metrics.revenue}; otherwise it sums {@code metrics.events}. */
    public boolean sumsRevenue() {
        return revenue;
    }

    public String description() {
        return description;
    }

    /** Every metric's wire name, in alphabetical order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(SeriesMetric::wireName).sorted().toList();
    }

    /** The metric of this wire name, or null. */
    public static SeriesMetric byWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(name)).findFirst().orElse(null);
    }
}
