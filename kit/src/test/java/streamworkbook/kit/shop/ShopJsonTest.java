package streamworkbook.kit.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShopJsonTest {

    @Test
    void purchaseRoundTripsThroughItsDocumentedJson() {
        ShopEvent purchase = ShopEvent.purchase("e-1", Instant.parse("2026-11-24T10:15:30.123Z"), "u-42", "s-7",
                "o-9", "p-3", 2, new BigDecimal("19.99"));
        String json = ShopJson.toJson(purchase);
        assertEquals("{\"event_id\":\"e-1\",\"type\":\"purchase\",\"event_time\":\"2026-11-24T10:15:30.123Z\","
                + "\"user_id\":\"u-42\",\"session_id\":\"s-7\",\"product_id\":\"p-3\",\"quantity\":2,\"price\":19.99,"
                + "\"order_id\":\"o-9\"}", json);
        assertEquals(purchase, ShopJson.fromJson(json));
        assertEquals(new BigDecimal("39.98"), purchase.revenue());
        assertEquals("shop-purchase", EventType.PURCHASE.topic());
        assertEquals("shop-remove-from-cart", EventType.REMOVE_FROM_CART.topic());
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersCanEvolve() {
        ShopEvent search = ShopJson.fromJson("{\"event_id\":\"e-2\",\"type\":\"search\",\"event_time\":\"2026-11-24T10:00:00Z\","
                + "\"user_id\":\"u-1\",\"query\":\"red shoes\",\"schema_version\":2}");
        assertEquals(ShopEvent.search("e-2", Instant.parse("2026-11-24T10:00:00Z"), "u-1", null, "red shoes"), search);
    }

    @Test
    void malformedRecordsNameTheProblemAndQuoteTheInput() {
        InvalidEventException notJson = assertThrows(InvalidEventException.class, () -> ShopJson.fromJson("{oops"));
        assertEquals(true, notJson.getMessage().startsWith("not a shop event (Unexpected character ('o'"), notJson.getMessage());
        assertEquals(true, notJson.getMessage().endsWith("): {oops"), notJson.getMessage());

        InvalidEventException badType = assertThrows(InvalidEventException.class, () -> ShopJson.fromJson(
                "{\"event_id\":\"e\",\"type\":\"refund\",\"event_time\":\"2026-11-24T10:00:00Z\",\"user_id\":\"u\"}"));
        assertEquals(true, badType.getMessage().contains("unknown event type 'refund': expected one of page_view, search, "
                + "add_to_cart, remove_from_cart, purchase, review"), badType.getMessage());

        InvalidEventException missing = assertThrows(InvalidEventException.class, () -> ShopJson.fromJson(
                "{\"event_id\":\"e\",\"type\":\"search\",\"event_time\":\"2026-11-24T10:00:00Z\"}"));
        assertEquals(true, missing.getMessage().contains("userId"), missing.getMessage());

        InvalidEventException nullValue = assertThrows(InvalidEventException.class, () -> ShopJson.fromBytes(null));
        assertEquals("not a shop event: the record has no value (null)", nullValue.getMessage());
    }
}
