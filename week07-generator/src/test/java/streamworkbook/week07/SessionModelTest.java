package streamworkbook.week07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 7.1 on 100,000 events of sessions from week 2's catalogue, with a funnel whose every probability differs
 * from the typical one (so a hard-coded funnel fails).
 *
 * <p>Rejects:
 * <ul>
 *   <li>probabilities hard-coded or mixed up (e.g. the removal chance applied per view): a rate off its setting;</li>
 *   <li>buying what was viewed rather than what is in the cart, or forgetting removals at checkout: a purchase
 *       line that is not a cart line;</li>
 *   <li>removing something that is not in the cart, or with another quantity than the cart holds;</li>
 *   <li>one order id per line, or lines at different instants;</li>
 *   <li>reviews at the purchase instant, before it, or of products not bought;</li>
 *   <li>all events at the start time (no think time), or gaps outside the funnel's bounds;</li>
 *   <li>a random source of its own ({@code new Random()}, {@code Math.random()}, {@code UUID.randomUUID()}): the same
 *       arguments then give another session.</li>
 * </ul>
 */
@Exercise("7.1")
class SessionModelTest {

    /** Every probability differs from {@link Funnel#typical()}. */
    static final Funnel FUNNEL = new Funnel(0.4, 3.0, 0.2, 0.25, 0.6, 0.3, Duration.ofSeconds(2), Duration.ofSeconds(40));

    private static Catalogue catalogue;
    private static final Map<String, List<ShopEvent>> SESSIONS = new LinkedHashMap<>();

    private final SessionModel model = Exercises.pick(streamworkbook.week07.exercises.FunnelSession::new,
            streamworkbook.week07.solutions.FunnelSession::new);

    @BeforeAll
    static void loadCatalogue() throws Exception {
        catalogue = TestCatalogue.catalogue();
    }

    /** Sessions of the model under test until 100,000 events, once for the class. */
    private Map<String, List<ShopEvent>> sessions() {
        synchronized (SESSIONS) {
            if (SESSIONS.isEmpty()) {
                Random random = new Random(71);
                ShopTexts texts = new ShopTexts(random);
                Instant t = Instant.parse("2026-03-02T08:00:00Z");
                int events = 0;
                for (int i = 0; events < 100_000; i++) {
                    SessionStart start = new SessionStart(catalogue.pickUser(random), "s-" + i, t.plusSeconds(17L * i));
                    List<ShopEvent> session = model.session(start, catalogue, FUNNEL, texts, random);
                    SESSIONS.put(start.sessionId(), session);
                    events += session.size();
                }
            }
            return SESSIONS;
        }
    }

    @Test
    void eachStepOfTheFunnelHappensAsOftenAsConfigured() {
        long sessions = 0;
        long searchFirst = 0;
        long productViews = 0;
        long adds = 0;
        long linesAdded = 0;
        long removes = 0;
        long cartsAtCheckout = 0;
        long checkouts = 0;
        long purchaseLines = 0;
        long reviews = 0;
        for (List<ShopEvent> session : sessions().values()) {
            sessions++;
            if (session.get(0).type() == EventType.SEARCH) {
                searchFirst++;
            }
            Set<String> added = new HashSet<>();
            Set<String> removed = new HashSet<>();
            for (ShopEvent e : session) {
                switch (e.type()) {
                    case PAGE_VIEW -> productViews += e.productId() == null ? 0 : 1;
                    case ADD_TO_CART -> {
                        adds++;
                        added.add(e.productId());
                    }
                    case REMOVE_FROM_CART -> {
                        removes++;
                        removed.add(e.productId());
                    }
                    case PURCHASE -> purchaseLines++;
                    case REVIEW -> reviews++;
                    default -> { }
                }
            }
            linesAdded += added.size();
            if (added.size() > removed.size()) {
                cartsAtCheckout++;
                if (session.stream().anyMatch(e -> e.type() == EventType.PURCHASE)) {
                    checkouts++;
                }
            }
        }
        // tolerances of about four standard errors at these counts (sessions ≈ 16,000)
        assertEquals(FUNNEL.searchFirst(), (double) searchFirst / sessions, 0.02, "sessions starting with a search");
        assertEquals(FUNNEL.meanProductViews(), (double) productViews / sessions, 0.1, "product pages viewed per session");
        assertEquals(FUNNEL.addToCart(), (double) adds / productViews, 0.012, "product views that put the product in the cart");
        assertEquals(FUNNEL.removeFromCart(), (double) removes / linesAdded, 0.025, "cart lines taken out again");
        assertEquals(FUNNEL.purchase(), (double) checkouts / cartsAtCheckout, 0.03, "non-empty carts that check out");
        assertEquals(FUNNEL.review(), (double) reviews / purchaseLines, 0.035, "purchased lines reviewed");
    }

    @Test
    void everySessionWalksTheFunnelInOrder() {
        for (Map.Entry<String, List<ShopEvent>> entry : sessions().entrySet()) {
            checkSession(entry.getKey(), entry.getValue());
        }
    }

    private static void checkSession(String sessionId, List<ShopEvent> session) {
        String where = "session " + sessionId + ":\n" + describe(session);
        ShopEvent first = session.get(0);
        assertTrue(first.type() == EventType.SEARCH
                || first.type() == EventType.PAGE_VIEW && "/".equals(first.page()) && first.productId() == null,
                "a session starts with a search or the home page: " + where);
        Map<String, Integer> cart = new LinkedHashMap<>();
        Map<String, BigDecimal> prices = new HashMap<>();
        Map<String, Integer> bought = new TreeMap<>();
        Instant paidAt = null;
        String orderId = null;
        Instant previous = null;
        for (ShopEvent e : session) {
            assertEquals(sessionId, e.sessionId(), where);
            assertEquals(first.userId(), e.userId(), where);
            if (e.productId() != null) {
                assertTrue(catalogue.hasProduct(e.productId()), "unknown product " + e.productId() + " in " + where);
            }
            if (e.type() == EventType.REVIEW) {
                assertTrue(paidAt != null && bought.containsKey(e.productId()), "a review of a product not bought: " + where);
                Duration after = Duration.between(paidAt, e.eventTime());
                assertTrue(after.compareTo(Duration.ofDays(1)) >= 0 && after.compareTo(Duration.ofDays(3)) <= 0,
                        "a review " + after + " after the purchase: " + where);
                continue;
            }
            assertTrue(paidAt == null || e.type() == EventType.PURCHASE, "after checkout only purchase lines and reviews: " + where);
            if (previous != null && !(e.type() == EventType.PURCHASE && paidAt != null)) {
                Duration gap = Duration.between(previous, e.eventTime());
                assertTrue(gap.compareTo(FUNNEL.minThink()) >= 0 && gap.compareTo(FUNNEL.maxThink()) <= 0,
                        "a pause of " + gap + " between two clicks: " + where);
            }
            previous = e.eventTime();
            switch (e.type()) {
                case ADD_TO_CART -> {
                    assertTrue(e.quantity() >= 1 && e.quantity() <= 3, where);
                    cart.merge(e.productId(), e.quantity(), Integer::sum);
                    prices.put(e.productId(), e.price());
                }
                case REMOVE_FROM_CART -> {
                    assertEquals(cart.get(e.productId()), e.quantity(), "a removal of what is not in the cart: " + where);
                    assertEquals(prices.get(e.productId()), e.price(), where);
                    cart.remove(e.productId());
                }
                case PURCHASE -> {
                    if (paidAt == null) {
                        paidAt = e.eventTime();
                        orderId = e.orderId();
                    }
                    assertEquals(paidAt, e.eventTime(), "an order's lines at one instant: " + where);
                    assertEquals(orderId, e.orderId(), "one order id per checkout: " + where);
                    assertEquals(prices.get(e.productId()), e.price(), "the price in the cart: " + where);
                    bought.put(e.productId(), e.quantity());
                }
                default -> { }
            }
        }
        if (paidAt != null) {
            assertEquals(new TreeMap<>(cart), bought, "the order is exactly the cart: " + where);
        }
    }

    /** One line per event: what the learner needs to see of a session that breaks the funnel. */
    static String describe(List<ShopEvent> session) {
        StringBuilder s = new StringBuilder();
        for (ShopEvent e : session) {
            s.append("    ").append(e.eventTime()).append(' ').append(e.type().wireName());
            switch (e.type()) {
                case SEARCH -> s.append(" '").append(e.query()).append('\'');
                case PAGE_VIEW -> s.append(' ').append(e.page());
                case ADD_TO_CART, REMOVE_FROM_CART -> s.append(' ').append(e.productId()).append(" ×").append(e.quantity())
                        .append(" at ").append(e.price());
                case PURCHASE -> s.append(' ').append(e.productId()).append(" ×").append(e.quantity()).append(" at ")
                        .append(e.price()).append(" order ").append(e.orderId());
                case REVIEW -> s.append(' ').append(e.productId()).append(' ').append(e.rating()).append('★');
            }
            s.append('\n');
        }
        return s.toString();
    }

    @Test
    void theSameArgumentsGiveTheSameSession() {
        List<List<ShopEvent>> runs = new ArrayList<>();
        for (long seed : new long[] {5, 5, 6}) {
            Random random = new Random(seed);
            ShopTexts texts = new ShopTexts(random);
            List<ShopEvent> events = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                events.addAll(model.session(new SessionStart("u-" + (i + 1), "s-" + i, Instant.parse("2026-03-02T08:00:00Z")),
                        catalogue, FUNNEL, texts, random));
            }
            runs.add(events);
        }
        assertEquals(runs.get(0).size(), runs.get(1).size(), "events of 200 sessions, twice with the same seed");
        for (int i = 0; i < runs.get(0).size(); i++) {
            assertEquals(runs.get(0).get(i), runs.get(1).get(i), "event " + i + " of two runs with the same seed and arguments");
        }
        assertNotEquals(runs.get(0), runs.get(2), "another seed gives other sessions");
        Set<String> ids = new HashSet<>();
        runs.get(0).forEach(e -> assertTrue(ids.add(e.eventId()), "event ids are unique: " + e.eventId()));
        assertFalse(ids.isEmpty());
    }
}
