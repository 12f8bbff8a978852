package streamworkbook.week10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.week07.GeneratedRecord;

/**
 * Exercise 10.2: your reader on purchases of both contract versions — week 7's generator's version 1 purchases,
 * version 2 purchases (decimal quantities, {@code unit_price}, coupons), purchases from a future version with fields
 * nobody knows yet, a producer in transition that writes both names of the price, and records it cannot read.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a strict reader (unknown fields fail, as with Jackson's {@code FAIL_ON_UNKNOWN_PROPERTIES}): version 2's
 *       {@code coupon_code} and a future {@code gift_wrap} are refused;</li>
 *   <li>the alias ignored (only {@code unit_price} read): every version 1 purchase loses its price;</li>
 *   <li>only the old name read ({@code price}): every version 2 purchase loses its price;</li>
 *   <li>the quantity read as an integer: 0.25 kg of coffee becomes 0, or fails;</li>
 *   <li>{@code @JsonAlias} alone with both names in a record: the name written last wins, not {@code unit_price};</li>
 *   <li>a reader that reads anything (no check of what it needs): a purchase without its order id is accepted, and
 *       a quantity of "three" is not named as the field at fault.</li>
 * </ul>
 */
@Exercise("10.2")
class TolerantReaderTest {

    private final PurchaseReader reader = Exercises.pick(streamworkbook.week10.exercises.TolerantPurchaseReader::new,
            streamworkbook.week10.solutions.TolerantPurchaseReader::new);

    private Purchase read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryVersionOnePurchaseTheGeneratorWrites() {
        List<ShopEvent> purchases = Traffic.generated(31, 12_000).stream().filter(r -> r.kind() != GeneratedRecord.Kind.INVALID)
                .filter(r -> r.type() == EventType.PURCHASE).map(r -> ShopJson.fromBytes(r.value())).toList();
        assertTrue(purchases.size() > 40, "the traffic has purchases: " + purchases.size());
        for (ShopEvent e : purchases) {
            Purchase p = reader.read(ShopJson.toBytes(e));
            Purchase expected = new Purchase(e.eventId(), e.eventTime(), e.userId(), e.sessionId(), e.orderId(), e.productId(),
                    BigDecimal.valueOf(e.quantity()), e.price(), null);
            assertSame(expected, p, ShopJson.toJson(e));
        }
    }

    @Test
    void readsVersionTwoWithItsNewAndRenamedFields() {
        Purchase p = read("""
                {"event_id":"7f1c9a52-3c4e-4d5f-9a6b-0c1d2e3f4a5b","type":"purchase","event_time":"2026-11-24T10:15:30.123Z",
                 "user_id":"u-42","session_id":"s-9","order_id":"o-77","product_id":"SKU-000123",
                 "quantity":0.25,"unit_price":18.90,"coupon_code":"AUTUMN10"}""");
        assertSame(new Purchase("7f1c9a52-3c4e-4d5f-9a6b-0c1d2e3f4a5b", Instant.parse("2026-11-24T10:15:30.123Z"), "u-42", "s-9",
                "o-77", "SKU-000123", new BigDecimal("0.25"), new BigDecimal("18.90"), "AUTUMN10"), p, "version 2");
    }

    @Test
    void ignoresWhatItDoesNotKnowAndTakesTheNewNameFirst() {
        String future = """
                {"event_id":"e-1","type":"purchase","event_time":"2026-11-24T10:15:30Z","user_id":"u-1","order_id":"o-1",
                 "product_id":"SKU-1","quantity":3,"unit_price":5.00,"gift_wrap":{"paper":"red","note":"for you"},
                 "loyalty_points":[12,7],"channel":"app"}""";
        Purchase p = read(future);
        assertNumber("5.00", p.unitPrice(), "the unit price of a purchase with fields from a future version");
        assertNull(p.sessionId(), "session_id is optional");
        assertNull(p.couponCode(), "coupon_code is optional");
        // a producer in transition writes both names; the new one counts, whichever comes first
        Purchase newFirst = read("""
                {"event_id":"e-2","type":"purchase","event_time":"2026-11-24T10:15:30Z","user_id":"u-1","order_id":"o-1",
                 "product_id":"SKU-1","quantity":1,"unit_price":7.50,"price":7.00}""");
        Purchase oldFirst = read("""
                {"event_id":"e-3","type":"purchase","event_time":"2026-11-24T10:15:30Z","user_id":"u-1","order_id":"o-1",
                 "product_id":"SKU-1","quantity":1,"price":7.00,"unit_price":7.50}""");
        assertNumber("7.50", newFirst.unitPrice(), "unit_price counts when both names are there");
        assertNumber("7.50", oldFirst.unitPrice(), "unit_price counts when both names are there, also when price comes after it");
    }

    @Test
    void namesTheFieldItCannotReadWithout() {
        String complete = """
                {"event_id":"e-1","type":"purchase","event_time":"2026-11-24T10:15:30Z","user_id":"u-1","order_id":"o-1",
                 "product_id":"SKU-1","quantity":2,"price":3.50}""";
        read(complete); // readable: the base of the broken ones below
        assertUnreadable(complete.replace("\"order_id\":\"o-1\",", ""), "$.order_id");
        assertUnreadable(complete.replace("\"quantity\":2", "\"quantity\":\"three\""), "$.quantity");
        assertUnreadable(complete.replace(",\"price\":3.50", ""), "$.unit_price");
        assertUnreadable(complete.replace("2026-11-24T10:15:30Z", "yesterday"), "$.event_time");
        assertUnreadable(complete.replace("\"type\":\"purchase\"", "\"type\":\"review\""), "$.type");
        assertUnreadable("[1, 2, 3]", "$");
        assertUnreadable("{\"event_id\":\"e-1\",\"type\":\"purch", "$");
    }

    private void assertUnreadable(String json, String field) {
        UnreadableEventException e = assertThrows(UnreadableEventException.class, () -> read(json),
                "must be refused, naming " + field + ": " + json);
        assertEquals(field, e.field(), "the field at fault in " + json + " (" + e.getMessage() + ")");
        assertTrue(e.getMessage() != null && e.getMessage().contains(field), "the message names " + field + ": " + e.getMessage());
    }

    private static void assertNumber(String expected, BigDecimal actual, String what) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0, what + ": expected " + expected + ", got " + actual);
    }

    /** Equal, with the numbers compared by value (3 and 3.0 are the same quantity). */
    private static void assertSame(Purchase expected, Purchase actual, String input) {
        assertEquals(expected.eventId(), actual.eventId(), "event_id of " + input);
        assertEquals(expected.eventTime(), actual.eventTime(), "event_time of " + input);
        assertEquals(expected.userId(), actual.userId(), "user_id of " + input);
        assertEquals(expected.sessionId(), actual.sessionId(), "session_id of " + input);
        assertEquals(expected.orderId(), actual.orderId(), "order_id of " + input);
        assertEquals(expected.productId(), actual.productId(), "product_id of " + input);
        assertTrue(actual.quantity() != null && expected.quantity().compareTo(actual.quantity()) == 0,
                "quantity of " + input + ": expected " + expected.quantity() + ", got " + actual.quantity());
        assertTrue(actual.unitPrice() != null && expected.unitPrice().compareTo(actual.unitPrice()) == 0,
                "unit price of " + input + ": expected " + expected.unitPrice() + ", got " + actual.unitPrice());
        assertEquals(expected.couponCode(), actual.couponCode(), "coupon_code of " + input);
    }
}
