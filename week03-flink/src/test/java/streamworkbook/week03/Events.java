package streamworkbook.week03;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import streamworkbook.kit.shop.ShopEvent;

/** A small, fixed set of shop events with known contents. */
final class Events {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Events() {
    }

    static Instant at(int second) {
        return T0.plusSeconds(second);
    }

    static List<ShopEvent> mixed() {
        return List.of(
                ShopEvent.pageView("e01", at(0), "u-1", "s-1", "/product", "p-001"),
                ShopEvent.search("e02", at(1), "u-1", "s-1", "Kafka book"),
                ShopEvent.addToCart("e03", at(2), "u-1", "s-1", "p-001", 2, new BigDecimal("19.90")),
                ShopEvent.purchase("e04", at(3), "u-1", "s-1", "o-1", "p-001", 2, new BigDecimal("19.90")),
                ShopEvent.search("e05", at(4), "u-2", "s-2", "USB-C  cable, 2m"),
                ShopEvent.purchase("e06", at(5), "u-2", "s-2", "o-2", "p-045", 1, new BigDecimal("249.00")),
                ShopEvent.review("e07", at(6), "u-1", "s-1", "p-001", 5),
                ShopEvent.search("e08", at(7), "u-3", "s-3", "   "),
                ShopEvent.purchase("e09", at(8), "u-3", "s-3", "o-3", "p-002", 3, new BigDecimal("5.00")),
                ShopEvent.removeFromCart("e10", at(9), "u-2", "s-2", "p-045", 1, new BigDecimal("249.00")));
    }
}
