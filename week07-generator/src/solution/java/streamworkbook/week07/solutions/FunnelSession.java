package streamworkbook.week07.solutions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.Funnel;
import streamworkbook.week07.SessionModel;
import streamworkbook.week07.SessionStart;
import streamworkbook.week07.ShopTexts;

/** Exercise 7.1, reference solution: the session as a walk through the funnel, with the cart as its state. */
public class FunnelSession implements SessionModel {

    private record CartLine(Catalogue.Product product, int quantity) {
    }

    @Override
    public List<ShopEvent> session(SessionStart start, Catalogue catalogue, Funnel funnel, ShopTexts texts, Random random) {
        Journey journey = new Journey(start, funnel, random);

        if (random.nextDouble() < funnel.searchFirst()) {
            journey.emit(t -> ShopEvent.search(journey.newId(), t, start.userId(), start.sessionId(), texts.searchQuery()));
        } else {
            journey.emit(t -> ShopEvent.pageView(journey.newId(), t, start.userId(), start.sessionId(), "/", null));
        }

        // browse: at least one product page; each further one with probability 1 − 1/mean (a geometric count)
        Map<String, CartLine> cart = new LinkedHashMap<>();
        double another = 1 - 1 / funnel.meanProductViews();
        do {
            Catalogue.Product product = catalogue.pickProduct(random);
            journey.emit(t -> ShopEvent.pageView(journey.newId(), t, start.userId(), start.sessionId(),
                    "/p/" + product.sku(), product.sku()));
            if (random.nextDouble() < funnel.addToCart()) {
                CartLine line = new CartLine(product, 1 + random.nextInt(3));
                cart.merge(product.sku(), line, (old, added) -> new CartLine(product, old.quantity() + added.quantity()));
                journey.emit(t -> ShopEvent.addToCart(journey.newId(), t, start.userId(), start.sessionId(),
                        product.sku(), line.quantity(), product.price()));
            }
        } while (random.nextDouble() < another);

        // second thoughts: each cart line may come out again before checkout
        for (CartLine line : List.copyOf(cart.values())) {
            if (random.nextDouble() < funnel.removeFromCart()) {
                cart.remove(line.product().sku());
                journey.emit(t -> ShopEvent.removeFromCart(journey.newId(), t, start.userId(), start.sessionId(),
                        line.product().sku(), line.quantity(), line.product().price()));
            }
        }

        if (!cart.isEmpty() && random.nextDouble() < funnel.purchase()) {
            Instant paidAt = journey.advance();
            String orderId = "o-" + journey.newId();
            List<ShopEvent> reviews = new ArrayList<>();
            for (CartLine line : cart.values()) {
                journey.events.add(ShopEvent.purchase(journey.newId(), paidAt, start.userId(), start.sessionId(),
                        orderId, line.product().sku(), line.quantity(), line.product().price()));
                if (random.nextDouble() < funnel.review()) {
                    Instant reviewedAt = paidAt.plus(Duration.ofMinutes(24 * 60 + random.nextInt(2 * 24 * 60)));
                    reviews.add(ShopEvent.review(journey.newId(), reviewedAt, start.userId(), start.sessionId(),
                            line.product().sku(), 1 + random.nextInt(5)));
                }
            }
            journey.events.addAll(reviews); // days later: after everything else of the session
        }
        return journey.events;
    }

    /** The session's clock and its events so far. */
    private static final class Journey {
        private final Funnel funnel;
        private final Random random;
        private final List<ShopEvent> events = new ArrayList<>();
        private Instant clock;

        Journey(SessionStart start, Funnel funnel, Random random) {
            this.funnel = funnel;
            this.random = random;
            this.clock = start.time();
        }

        /** The time of the next event: the first at the start, each later one a think time after the last. */
        Instant advance() {
            if (!events.isEmpty()) {
                long min = funnel.minThink().toMillis();
                long max = funnel.maxThink().toMillis();
                clock = clock.plusMillis(min + (max > min ? random.nextLong(max - min + 1) : 0));
            }
            return clock;
        }

        void emit(java.util.function.Function<Instant, ShopEvent> event) {
            events.add(event.apply(advance()));
        }

        /** A version-4 UUID drawn from the session's random: unique, and the same for the same seed. */
        String newId() {
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low).toString();
        }
    }
}
