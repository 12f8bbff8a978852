package streamworkbook.kit.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Random;
import java.util.UUID;

/**
 * Plain, deterministic shop events for the Flink weeks' programs, tests and benchmarks (week 7 builds the realistic
 * generator): 500 users, products {@code p-001…p-200}, events {@code step} apart in event time, and
 * about one in twenty arriving up to {@code disorder} earlier than its neighbours (out of order).
 */
public final class ShopTraffic implements Iterator<ShopEvent> {

    private static final String[] QUERIES = {"running shoes", "kafka book", "usb-c cable", "desk lamp", "coffee"};

    private final Random random;
    private final long seed;
    private final long stepMillis;
    private final long disorderMillis;
    private Instant clock;
    private long n;

    public ShopTraffic(long seed, Instant start, long stepMillis, long disorderMillis) {
        this.random = new Random(seed);
        this.seed = seed;
        this.clock = start;
        this.stepMillis = stepMillis;
        this.disorderMillis = disorderMillis;
    }

    /** The list price of product {@code p-<n>}. */
    public static BigDecimal priceOf(int n) {
        return BigDecimal.valueOf(199 + n * 37L % 9_800, 2);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public ShopEvent next() {
        clock = clock.plusMillis(stepMillis);
        Instant at = disorderMillis > 0 && random.nextInt(20) == 0
                ? clock.minusMillis(random.nextLong(disorderMillis)) : clock;
        String id = new UUID(seed, n++).toString();
        String user = "u-" + (1 + random.nextInt(500));
        String session = user + "-s" + (n / 5_000);
        int p = 1 + random.nextInt(200);
        String product = String.format("p-%03d", p);
        int roll = random.nextInt(100);
        if (roll < 50) {
            return ShopEvent.pageView(id, at, user, session, "/product", product);
        } else if (roll < 62) {
            return ShopEvent.search(id, at, user, session, QUERIES[random.nextInt(QUERIES.length)]);
        } else if (roll < 80) {
            return ShopEvent.addToCart(id, at, user, session, product, 1 + random.nextInt(3), priceOf(p));
        } else if (roll < 85) {
            return ShopEvent.removeFromCart(id, at, user, session, product, 1, priceOf(p));
        } else if (roll < 95) {
            return ShopEvent.purchase(id, at, user, session, "o-" + n, product, 1 + random.nextInt(3), priceOf(p));
        }
        return ShopEvent.review(id, at, user, session, product, 1 + random.nextInt(5));
    }
}
