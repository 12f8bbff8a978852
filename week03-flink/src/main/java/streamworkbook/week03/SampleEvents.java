package streamworkbook.week03;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import streamworkbook.kit.shop.ShopEvent;

/**
 * A few plain, deterministic shop events for the week's program to read (the same seed gives the same
 * events). Week 7 builds the realistic generator.
 */
public final class SampleEvents {

    private static final String[] QUERIES = {"running shoes", "Kafka book", "USB-C cable", "desk lamp", "coffee grinder"};

    private SampleEvents() {
    }

    /** {@code count} events, one to two seconds apart from {@code start}, from 50 users over products p-001…p-200. */
    public static List<ShopEvent> generate(long seed, int count, Instant start) {
        Random random = new Random(seed);
        List<ShopEvent> events = new ArrayList<>(count);
        Instant clock = start;
        for (int i = 0; i < count; i++) {
            clock = clock.plusMillis(1_000 + random.nextInt(1_000));
            String id = new UUID(seed, i).toString();
            String user = String.format("u-%03d", 1 + random.nextInt(50));
            String session = user + "-s1";
            int n = 1 + random.nextInt(200);
            String product = String.format("p-%03d", n);
            BigDecimal price = BigDecimal.valueOf(100 + n * 37L % 9_900, 2);
            int roll = random.nextInt(100);
            events.add(roll < 50 ? ShopEvent.pageView(id, clock, user, session, "/product", product)
                    : roll < 65 ? ShopEvent.search(id, clock, user, session, QUERIES[random.nextInt(QUERIES.length)])
                    : roll < 80 ? ShopEvent.addToCart(id, clock, user, session, product, 1 + random.nextInt(3), price)
                    : roll < 85 ? ShopEvent.removeFromCart(id, clock, user, session, product, 1, price)
                    : roll < 95 ? ShopEvent.purchase(id, clock, user, session, "o-" + i, product, 1 + random.nextInt(3), price)
                    : ShopEvent.review(id, clock, user, session, product, 1 + random.nextInt(5)));
        }
        return events;
    }
}
