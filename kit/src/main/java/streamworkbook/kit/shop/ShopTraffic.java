package streamworkbook.kit.shop;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Plain, deterministic shop events for the weeks' programs, tests and benchmarks: the same settings give the
 * same events (ids, users, types, times, prices), so a test can compare what went in with what came out.
 * Week 7 builds the realistic generator (sessions as funnels, peak hours, Datafaker); this one is deliberately
 * simple: a fixed mix of event types, users picked at random, each with a current session.
 *
 * <pre>{@code
 * List<ShopEvent> events = ShopTraffic.seed(7).users(50).startingAt(start).take(10_000);
 * List<ShopEvent> recent = ShopTraffic.seed(7).gap(Duration.ofSeconds(1), Duration.ofSeconds(2)).endingAt(Instant.now(), 200);
 * }</pre>
 *
 * Users are {@code u-0001…}, products {@code p-001…p-200} with a fixed {@link #priceOf list price}, orders
 * {@code o-000001…}. The mix: 50 % page views of a product, 12 % searches, 18 % add-to-cart, 5 % remove, 10 %
 * purchases, 5 % reviews.
 */
public final class ShopTraffic implements Iterator<ShopEvent> {

    public static final int PRODUCTS = 200;

    private static final String[] QUERIES = {"running shoes", "kafka book", "usb-c cable", "desk lamp", "coffee grinder"};

    private final long seed;
    private final int users;
    private final long minGapMillis;
    private final long maxGapMillis;
    private final long disorderMillis;
    private final Random random;
    private final int[] sessionOf;
    private Instant clock;
    private long n;
    private long orders;

    private ShopTraffic(Settings s) {
        this.seed = s.seed;
        this.users = s.users;
        this.minGapMillis = s.minGap.toMillis();
        this.maxGapMillis = s.maxGap.toMillis();
        this.disorderMillis = s.disorder.toMillis();
        this.random = new Random(s.seed);
        this.sessionOf = new int[s.users];
        this.clock = s.start;
    }

    /** Traffic of this seed: 500 users, one event a second from 2026-01-05 09:00 UTC, in order. */
    public static Settings seed(long seed) {
        return new Settings(seed);
    }

    /** The list price of product {@code p-<n>}, from 1.99 to 99.98. */
    public static BigDecimal priceOf(int n) {
        return BigDecimal.valueOf(199 + n * 37L % 9_800, 2);
    }

    /** The next {@code count} events. */
    public List<ShopEvent> take(int count) {
        List<ShopEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public ShopEvent next() {
        clock = clock.plusMillis(minGapMillis + (maxGapMillis > minGapMillis ? random.nextLong(maxGapMillis - minGapMillis + 1) : 0));
        Instant at = disorderMillis > 0 && random.nextInt(20) == 0 ? clock.minusMillis(random.nextLong(disorderMillis)) : clock;
        String id = UUID.nameUUIDFromBytes((seed + ":" + n++).getBytes(StandardCharsets.UTF_8)).toString();
        int user = random.nextInt(users);
        if (random.nextInt(20) == 0) {
            sessionOf[user]++;
        }
        String userId = String.format("u-%04d", user + 1);
        String session = userId + "-s" + sessionOf[user];
        int p = 1 + random.nextInt(PRODUCTS);
        String product = String.format("p-%03d", p);
        int roll = random.nextInt(100);
        if (roll < 50) {
            return ShopEvent.pageView(id, at, userId, session, "/product/" + product, product);
        } else if (roll < 62) {
            return ShopEvent.search(id, at, userId, session, QUERIES[random.nextInt(QUERIES.length)]);
        } else if (roll < 80) {
            return ShopEvent.addToCart(id, at, userId, session, product, 1 + random.nextInt(3), priceOf(p));
        } else if (roll < 85) {
            return ShopEvent.removeFromCart(id, at, userId, session, product, 1, priceOf(p));
        } else if (roll < 95) {
            String order = String.format("o-%06d", ++orders);
            return ShopEvent.purchase(id, at, userId, session, order, product, 1 + random.nextInt(3), priceOf(p));
        }
        return ShopEvent.review(id, at, userId, session, product, 1 + random.nextInt(5));
    }

    /** How the traffic looks; {@link #build()}, {@link #take} or {@link #endingAt} make the events. */
    public static final class Settings {
        private final long seed;
        private int users = 500;
        private Instant start = Instant.parse("2026-01-05T09:00:00Z");
        private Duration minGap = Duration.ofSeconds(1);
        private Duration maxGap = Duration.ofSeconds(1);
        private Duration disorder = Duration.ZERO;

        private Settings(long seed) {
            this.seed = seed;
        }

        /** How many distinct users ({@code u-0001} …) the events come from. */
        public Settings users(int users) {
            if (users < 1) {
                throw new IllegalArgumentException("users must be at least 1, got " + users);
            }
            this.users = users;
            return this;
        }

        /** The event time of the first event is {@code start} plus one gap. */
        public Settings startingAt(Instant start) {
            this.start = start;
            return this;
        }

        /** Every event is exactly {@code gap} after the one before (in event time). */
        public Settings gap(Duration gap) {
            return gap(gap, gap);
        }

        /** Each event is between {@code min} and {@code max} after the one before. */
        public Settings gap(Duration min, Duration max) {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("gap must be 0 ≤ min ≤ max, got " + min + " and " + max);
            }
            this.minGap = min;
            this.maxGap = max;
            return this;
        }

        /** About one event in twenty carries a time up to {@code disorder} earlier than its place in the stream: out of order. */
        public Settings disorder(Duration disorder) {
            this.disorder = disorder;
            return this;
        }

        public ShopTraffic build() {
            return new ShopTraffic(this);
        }

        /** The first {@code count} events. */
        public List<ShopEvent> take(int count) {
            return build().take(count);
        }

        /**
         * {@code count} events whose latest event time is exactly {@code end}, never later: what a program that
         * starts now should read (events from the future would sit in windows that no watermark closes yet).
         */
        public List<ShopEvent> endingAt(Instant end, int count) {
            List<ShopEvent> events = take(count);
            Instant latest = events.stream().map(ShopEvent::eventTime).max(Instant::compareTo).orElse(end);
            Duration shift = Duration.between(latest, end);
            return events.stream().map(e -> e.withEventTime(e.eventTime().plus(shift))).toList();
        }
    }
}
