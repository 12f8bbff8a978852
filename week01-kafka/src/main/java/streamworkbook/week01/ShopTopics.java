package streamworkbook.week01;

import java.util.Arrays;
import java.util.List;
import streamworkbook.kit.shop.EventType;

/**
 * The names of the shop's topics: one per {@link EventType}, all starting with the same prefix.
 *
 * <p>Programs use {@link #STANDARD} ({@code shop-page-view}, {@code shop-search}, …). Tests give every
 * test its own prefix, such as {@code w1-k3x9q2ab.}, so they never see each other's records.
 *
 * @param prefix put in front of {@link EventType#topic()}; empty for the standard names
 */
public record ShopTopics(String prefix) {

    /** The topic names every program uses: {@code shop-page-view}, {@code shop-search}, … */
    public static final ShopTopics STANDARD = new ShopTopics("");

    public ShopTopics {
        prefix = prefix == null ? "" : prefix;
    }

    /** The topic that carries events of this type: {@code prefix + type.topic()}. */
    public String name(EventType type) {
        return prefix + type.topic();
    }

    /** Every topic name, in {@link EventType} order. */
    public List<String> all() {
        return Arrays.stream(EventType.values()).map(this::name).toList();
    }
}
