package streamworkbook.kit.shop;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing a shopper did. One flat record for every type keeps the JSON, the Flink type
 * (a record of basic types, serialized without Kryo) and the ClickHouse row the same shape;
 * fields a type does not use are null.
 *
 * <table>
 *   <tr><th>type</th><th>uses</th></tr>
 *   <tr><td>page_view</td><td>page, productId (on a product page)</td></tr>
 *   <tr><td>search</td><td>query</td></tr>
 *   <tr><td>add_to_cart, remove_from_cart</td><td>productId, quantity, price</td></tr>
 *   <tr><td>purchase</td><td>orderId, productId, quantity, price (unit price)</td></tr>
 *   <tr><td>review</td><td>productId, rating (1–5)</td></tr>
 * </table>
 *
 * @param eventId   unique per event (a UUID); the key for deduplication downstream
 * @param type      what happened
 * @param eventTime when it happened, in the shopper's browser (event time, not arrival time)
 * @param userId    who; the Kafka key, so one user's events stay in order
 * @param sessionId the browsing session
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShopEvent(
        String eventId,
        EventType type,
        Instant eventTime,
        String userId,
        String sessionId,
        String productId,
        Integer quantity,
        BigDecimal price,
        String orderId,
        Integer rating,
        String query,
        String page) {

    public ShopEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(userId, "userId");
    }

    public static ShopEvent pageView(String eventId, Instant at, String userId, String sessionId, String page, String productId) {
        return new ShopEvent(eventId, EventType.PAGE_VIEW, at, userId, sessionId, productId, null, null, null, null, null, page);
    }

    public static ShopEvent search(String eventId, Instant at, String userId, String sessionId, String query) {
        return new ShopEvent(eventId, EventType.SEARCH, at, userId, sessionId, null, null, null, null, null, query, null);
    }

    public static ShopEvent addToCart(String eventId, Instant at, String userId, String sessionId, String productId, int quantity, BigDecimal price) {
        return new ShopEvent(eventId, EventType.ADD_TO_CART, at, userId, sessionId, productId, quantity, price, null, null, null, null);
    }

    public static ShopEvent removeFromCart(String eventId, Instant at, String userId, String sessionId, String productId, int quantity, BigDecimal price) {
        return new ShopEvent(eventId, EventType.REMOVE_FROM_CART, at, userId, sessionId, productId, quantity, price, null, null, null, null);
    }

    public static ShopEvent purchase(String eventId, Instant at, String userId, String sessionId, String orderId, String productId, int quantity, BigDecimal unitPrice) {
        return new ShopEvent(eventId, EventType.PURCHASE, at, userId, sessionId, productId, quantity, unitPrice, orderId, null, null, null);
    }

    public static ShopEvent review(String eventId, Instant at, String userId, String sessionId, String productId, int rating) {
        return new ShopEvent(eventId, EventType.REVIEW, at, userId, sessionId, productId, null, null, null, rating, null, null);
    }

    /** This event as if it had happened at {@code at}. */
    public ShopEvent withEventTime(Instant at) {
        return new ShopEvent(eventId, type, at, userId, sessionId, productId, quantity, price, orderId, rating, query, page);
    }

    /** This event with another unit price. */
    public ShopEvent withPrice(BigDecimal newPrice) {
        return new ShopEvent(eventId, type, eventTime, userId, sessionId, productId, quantity, newPrice, orderId, rating, query, page);
    }

    /** quantity × price for purchases; zero for every other type. */
    public BigDecimal revenue() {
        if (type != EventType.PURCHASE || price == null || quantity == null) {
            return BigDecimal.ZERO;
        }
        return price.multiply(BigDecimal.valueOf(quantity));
    }
}
