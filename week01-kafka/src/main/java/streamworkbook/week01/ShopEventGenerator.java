package streamworkbook.week01;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Simple, deterministic shop traffic for week 1: the same seed always gives the same events
 * (ids, users, types, times), so tests can compare what was produced with what was consumed.
 *
 * <p>It is deliberately plain: a fixed mix of event types, users picked at random, each user with a
 * current session. Week 7 builds a realistic generator (funnels, peak hours, Datafaker).
 */
public final class ShopEventGenerator implements Iterator<ShopEvent> {

    private static final String[] PAGES = {"/", "/category/shoes", "/category/books", "/deals", "/product"};
    private static final String[] QUERIES = {"running shoes", "kafka book", "usb-c cable", "desk lamp", "coffee"};

    private final Random random;
    private final int users;
    private final int[] sessionOf;
    private Instant clock;
    private long orders;

    /**
     * @param seed  the same seed gives the same events
     * @param users how many distinct users ({@code u-0001} …) the events come from
     * @param start the time of the first event; each next one is 0–2 s later
     */
    public ShopEventGenerator(long seed, int users, Instant start) {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, got " + users);
        }
        this.random = new Random(seed);
        this.users = users;
        this.sessionOf = new int[users];
        this.clock = start;
    }

    /** The first {@code count} events of the given seed. */
    public static List<ShopEvent> events(long seed, int users, Instant start, int count) {
        ShopEventGenerator generator = new ShopEventGenerator(seed, users, start);
        List<ShopEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(generator.next());
        }
        return events;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public ShopEvent next() {
        clock = clock.plusMillis(random.nextInt(2_000));
        int user = random.nextInt(users);
        if (random.nextInt(20) == 0) {
            sessionOf[user]++;
        }
        String eventId = randomUuid().toString();
        String userId = String.format("u-%04d", user + 1);
        String sessionId = userId + "-s" + sessionOf[user];
        int product = random.nextInt(200) + 1;
        String productId = String.format("p-%03d", product);
        int roll = random.nextInt(100);
        if (roll < 50) {
            String page = PAGES[random.nextInt(PAGES.length)];
            return ShopEvent.pageView(eventId, clock, userId, sessionId, page,
                    page.equals("/product") ? productId : null);
        } else if (roll < 65) {
            return ShopEvent.search(eventId, clock, userId, sessionId, QUERIES[random.nextInt(QUERIES.length)]);
        } else if (roll < 80) {
            return ShopEvent.addToCart(eventId, clock, userId, sessionId, productId, 1 + random.nextInt(3), priceOf(product));
        } else if (roll < 85) {
            return ShopEvent.removeFromCart(eventId, clock, userId, sessionId, productId, 1, priceOf(product));
        } else if (roll < 95) {
            String orderId = String.format("o-%06d", ++orders);
            return ShopEvent.purchase(eventId, clock, userId, sessionId, orderId, productId, 1 + random.nextInt(3), priceOf(product));
        } else {
            return ShopEvent.review(eventId, clock, userId, sessionId, productId, 1 + random.nextInt(5));
        }
    }

    /** A version-4 (random) UUID drawn from the seeded random, so it repeats with the seed. */
    private UUID randomUuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** A fixed price per product, from 4.99 to 203.99. */
    static BigDecimal priceOf(int product) {
        return BigDecimal.valueOf((product * 37L) % 200 + 4, 0).add(new BigDecimal("0.99"));
    }
}
