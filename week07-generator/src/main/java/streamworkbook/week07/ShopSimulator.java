package streamworkbook.week07;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;

/**
 * The shop itself: shoppers arrive, each session runs through the {@link SessionModel}, and their events come out
 * as one stream in event-time order — all sessions interleaved, reviews days after their purchase.
 *
 * <p>Arrivals follow a Poisson process whose rate changes with the {@link Seasonality}: a base rate (the
 * settings' events per second divided by the events of an average session) times {@code weight(t)}. Such a process is simulated by thinning: candidate arrivals
 * come at the highest rate the curve ever reaches, and each is kept with probability weight(t) / highest weight.
 * Anomalies are applied on top: fewer arrivals, wrong prices, failed checkouts.
 */
public final class ShopSimulator implements Iterator<ShopEvent> {

    private record Pending(ShopEvent event, long sequence) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int byTime = event.eventTime().compareTo(o.event.eventTime());
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }
    }

    private final Catalogue catalogue;
    private final Funnel funnel;
    private final SessionModel sessions;
    private final Seasonality seasonality;
    private final List<Anomaly> anomalies;
    private final double candidatesPerSecond;
    private final double highestWeight;
    private final Random arrivals;
    private final Random behaviour;
    private final ShopTexts texts;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private Instant nextArrival;
    private long sequence;
    private long sessionsStarted;

    public ShopSimulator(GeneratorSettings settings, Catalogue catalogue, SessionModel sessions, Seasonality seasonality) {
        this.catalogue = catalogue;
        this.funnel = settings.funnel();
        this.sessions = sessions;
        this.seasonality = seasonality;
        this.anomalies = settings.anomalies();
        this.highestWeight = highestWeight(seasonality, settings.start());
        double sessionsPerSecond = settings.eventsPerSecond() / eventsPerSession(funnel, catalogue, sessions, settings.seed());
        this.candidatesPerSecond = sessionsPerSecond * highestWeight;
        // separate random streams: changing the funnel does not move the arrivals, and the other way round
        this.arrivals = new Random(settings.seed() * 31 + 1);
        this.behaviour = new Random(settings.seed() * 31 + 2);
        this.texts = new ShopTexts(behaviour);
        this.nextArrival = settings.start();
        advanceArrival();
    }

    /** How many events one session has on average under this funnel: sampled, so any session model is measured right. */
    public static double eventsPerSession(Funnel funnel, Catalogue catalogue, SessionModel sessions, long seed) {
        Random random = new Random(seed);
        ShopTexts texts = new ShopTexts(random);
        int samples = 4_000;
        long events = 0;
        Instant t = Instant.EPOCH;
        for (int i = 0; i < samples; i++) {
            events += sessions.session(new SessionStart("u-1", "s-" + i, t), catalogue, funnel, texts, random).size();
        }
        return (double) events / samples;
    }

    /** The curve's highest value in the week from {@code start} (minute by minute), with a little headroom. */
    private static double highestWeight(Seasonality seasonality, Instant start) {
        double highest = 0;
        for (int minute = 0; minute < 7 * 24 * 60; minute++) {
            highest = Math.max(highest, seasonality.weight(start.plusSeconds(60L * minute)));
        }
        return highest * 1.01;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public ShopEvent next() {
        // a session starting at time a has no event before a: every session that could come first has started
        while (queue.isEmpty() || !nextArrival.isAfter(queue.peek().event().eventTime())) {
            startSession(nextArrival);
            advanceArrival();
        }
        return queue.poll().event();
    }

    public long sessionsStarted() {
        return sessionsStarted;
    }

    private void startSession(Instant at) {
        sessionsStarted++;
        SessionStart start = new SessionStart(catalogue.pickUser(behaviour), "s-" + new UUID(behaviour.nextLong(), behaviour.nextLong()), at);
        List<ShopEvent> events = sessions.session(start, catalogue, funnel, texts, behaviour);
        for (ShopEvent e : withAnomalies(events)) {
            queue.add(new Pending(e, sequence++));
        }
    }

    /** Thinning: candidates at the highest rate, each kept with probability weight / highest (and fewer during a traffic drop). */
    private void advanceArrival() {
        while (true) {
            double gapSeconds = -Math.log(1 - arrivals.nextDouble()) / candidatesPerSecond;
            nextArrival = nextArrival.plusNanos((long) (gapSeconds * 1e9));
            double keep = seasonality.weight(nextArrival) / highestWeight * remaining(Anomaly.Kind.TRAFFIC_DROP, nextArrival);
            if (arrivals.nextDouble() < keep) {
                return;
            }
        }
    }

    private List<ShopEvent> withAnomalies(List<ShopEvent> events) {
        if (anomalies.isEmpty()) {
            return events;
        }
        Instant checkout = events.stream().filter(e -> e.type() == EventType.PURCHASE).map(ShopEvent::eventTime).findFirst().orElse(null);
        if (checkout != null && behaviour.nextDouble() >= remaining(Anomaly.Kind.CHECKOUT_FAILURE, checkout)) {
            // the checkout failed: no order, so nothing to review either
            return events.stream().filter(e -> e.type() != EventType.PURCHASE && e.type() != EventType.REVIEW).toList();
        }
        return events.stream().map(e -> e.type() == EventType.PURCHASE ? glitched(e) : e).toList();
    }

    private ShopEvent glitched(ShopEvent purchase) {
        double factor = 1;
        for (Anomaly a : anomalies) {
            if (a.kind() == Anomaly.Kind.PRICE_GLITCH && a.covers(purchase.eventTime())) {
                factor *= a.magnitude();
            }
        }
        if (factor == 1) {
            return purchase;
        }
        return purchase.withPrice(purchase.price().multiply(BigDecimal.valueOf(factor))
                .setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("0.01")));
    }

    /** The share that remains under anomalies of this kind at {@code t} (1 when none is active). */
    private double remaining(Anomaly.Kind kind, Instant t) {
        double share = 1;
        for (Anomaly a : anomalies) {
            if (a.kind() == kind && a.covers(t)) {
                share *= a.magnitude();
            }
        }
        return share;
    }
}
