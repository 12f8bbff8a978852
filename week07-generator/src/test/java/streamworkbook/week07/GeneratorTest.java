package streamworkbook.week07;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week07.solutions.FunnelSession;
import streamworkbook.week07.solutions.SchemaContracts;
import streamworkbook.week07.solutions.ShopRhythm;

/**
 * The generator as a whole, on the reference solutions of 7.1–7.4 (not an exercise: it checks the given engine and
 * the promises later weeks rely on): referential integrity with PostgreSQL, disorder at the configured rates,
 * byte-identical output for the same settings, and anomalies where they were put.
 */
class GeneratorTest {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    private static Catalogue catalogue;

    @BeforeAll
    static void loadCatalogue() throws Exception {
        catalogue = TestCatalogue.catalogue();
    }

    private static ShopGenerator generator(GeneratorSettings settings) {
        return new ShopGenerator(settings, catalogue, new FunnelSession(), new ShopRhythm(settings.shape()), new SchemaContracts());
    }

    @Test
    void everyProductAndUserOfTheTrafficExistsInPostgres() throws Exception {
        Set<String> skus = new HashSet<>();
        Set<Long> users = new HashSet<>();
        Iterator<GeneratedRecord> records = generator(GeneratorSettings.builder(1, START).eventsPerSecond(20).build()).records();
        for (int i = 0; i < 100_000; i++) {
            ShopEvent e = ShopJson.fromBytes(records.next().value());
            if (e.productId() != null) {
                skus.add(e.productId());
            }
            users.add(Long.parseLong(e.userId().substring(2)));
        }
        try (Connection c = TestCatalogue.database().connect()) {
            assertEquals(skus.size(), countIn(c, "SELECT count(*) FROM products WHERE sku = ANY(?)", c.createArrayOf("text", skus.toArray())),
                    "SKUs in the events that PostgreSQL has");
            assertEquals(users.size(), countIn(c, "SELECT count(*) FROM users WHERE id = ANY(?)", c.createArrayOf("bigint", users.toArray())),
                    "users in the events that PostgreSQL has");
        }
        assertTrue(skus.size() > 500, "a long tail of products: " + skus.size() + " distinct of " + TestCatalogue.PRODUCTS);
    }

    private static long countIn(Connection c, String sql, Array values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, values);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void lateDuplicateAndBrokenRecordsComeAtTheirRatesAndAsDescribed() {
        DisorderRates rates = new DisorderRates(0.02, Duration.ofSeconds(30), 0.01, 0.005);
        Iterator<GeneratedRecord> records = generator(GeneratorSettings.builder(2, START).eventsPerSecond(20).disorder(rates).build()).records();
        ContractGate gate = new ContractGate(new SchemaContracts(), new CatalogueCheck(catalogue));
        Map<GeneratedRecord.Kind, Integer> kinds = new EnumMap<>(GeneratedRecord.Kind.class);
        Map<Corruption, Integer> corruptions = new EnumMap<>(Corruption.class);
        Deque<byte[]> recent = new ArrayDeque<>();
        int total = 100_000;
        for (int i = 0; i < total; i++) {
            GeneratedRecord r = records.next();
            kinds.merge(r.kind(), 1, Integer::sum);
            switch (r.kind()) {
                case LATE -> assertTrue(ShopJson.fromBytes(r.value()).eventTime().isBefore(r.emitAt()), "a late event's time lies behind: " + r.text());
                case DUPLICATE -> assertTrue(recent.stream().anyMatch(b -> Arrays.equals(b, r.value())),
                        "a duplicate repeats one of the last " + DisorderInjector.MAX_DUPLICATE_DISTANCE + " records: " + r.text());
                case INVALID -> {
                    assertEquals(ContractGate.Verdict.SEND_BROKEN_ON_PURPOSE, gate.admit(r).verdict(),
                            r.corruption() + " breaks " + r.corruption().field() + " (" + r.corruption().rule() + "): " + r.text());
                    corruptions.merge(r.corruption(), 1, Integer::sum);
                }
                case VALID -> assertEquals(ContractGate.Verdict.SEND, gate.admit(r).verdict(), r.text());
                default -> { }
            }
            recent.addLast(r.value());
            if (recent.size() > DisorderInjector.MAX_DUPLICATE_DISTANCE + 1) {
                recent.removeFirst();
            }
        }
        int originals = total - kinds.getOrDefault(GeneratedRecord.Kind.DUPLICATE, 0);
        // binomial counts: tolerances of about four standard deviations
        assertEquals(0.005, (double) kinds.get(GeneratedRecord.Kind.INVALID) / originals, 0.0009, "broken records");
        assertEquals(0.02 * 0.995, (double) kinds.get(GeneratedRecord.Kind.LATE) / originals, 0.0018, "late events");
        assertEquals(0.01 * 0.995, (double) kinds.get(GeneratedRecord.Kind.DUPLICATE) / originals, 0.0013, "duplicates");
        assertEquals(Corruption.values().length, corruptions.size(), "every way of breaking an event occurs: " + corruptions);
    }

    @Test
    void theSameSettingsGiveTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        DisorderRates rates = new DisorderRates(0.02, Duration.ofSeconds(30), 0.01, 0.005);
        byte[] first = digest(generator(GeneratorSettings.builder(3, START).disorder(rates).build()).records(), 30_000);
        byte[] again = digest(generator(GeneratorSettings.builder(3, START).disorder(rates).build()).records(), 30_000);
        byte[] other = digest(generator(GeneratorSettings.builder(4, START).disorder(rates).build()).records(), 30_000);
        assertArrayEquals(first, again, "the same seed and settings, record for record, byte for byte");
        assertFalse(Arrays.equals(first, other), "another seed");
    }

    private static byte[] digest(Iterator<GeneratedRecord> records, int n) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteArrayOutputStream keys = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            GeneratedRecord r = records.next();
            sha.update(r.type().topic().getBytes());
            sha.update(r.key().getBytes());
            sha.update(r.value());
            keys.write(r.kind().ordinal());
        }
        sha.update(keys.toByteArray());
        return sha.digest();
    }

    @Test
    void anomaliesHappenWhereTheyWerePut() {
        Instant from = START.plus(Duration.ofHours(30));
        Duration hour = Duration.ofHours(1);
        GeneratorSettings settings = GeneratorSettings.builder(5, START).eventsPerSecond(5).shape(TrafficShape.flat())
                .anomaly(new Anomaly(Anomaly.Kind.TRAFFIC_DROP, from, hour, 0.2))
                .anomaly(new Anomaly(Anomaly.Kind.PRICE_GLITCH, from.plus(Duration.ofHours(2)), hour, 0.01))
                .anomaly(new Anomaly(Anomaly.Kind.CHECKOUT_FAILURE, from.plus(Duration.ofHours(4)), hour, 0.0))
                .build();
        ShopSimulator shop = new ShopSimulator(settings, catalogue, new FunnelSession(), new ShopRhythm(settings.shape()));
        int[] sessionsPerHour = new int[8];
        int[] purchasesPerHour = new int[8];
        Set<String> sessions = new HashSet<>();
        for (ShopEvent e = shop.next(); e.eventTime().isBefore(from.plus(Duration.ofHours(6))); e = shop.next()) {
            if (e.eventTime().isBefore(from.minus(hour)) || e.type() == EventType.REVIEW) {
                continue;
            }
            long h = Duration.between(from.minus(hour), e.eventTime()).toHours();
            if (sessions.add(e.sessionId())) {
                sessionsPerHour[(int) h]++;
            }
            if (e.type() == EventType.PURCHASE) {
                purchasesPerHour[(int) h]++;
                BigDecimal glitchFree = findPrice(e.productId());
                boolean glitched = h == 3;
                assertEquals(glitched ? glitchFree.multiply(new BigDecimal("0.01")).setScale(2, RoundingMode.HALF_UP)
                        .max(new BigDecimal("0.01")) : glitchFree, e.price(), "the price of " + e.productId() + " in hour " + h);
            }
        }
        assertEquals(0.2, (double) sessionsPerHour[1] / sessionsPerHour[0], 0.05, "sessions during the traffic drop, against the hour before: " + Arrays.toString(sessionsPerHour));
        assertEquals(0, purchasesPerHour[5], "purchases while every checkout fails");
        assertTrue(purchasesPerHour[4] > 50 && purchasesPerHour[6] > 50, "purchases around the failure: " + Arrays.toString(purchasesPerHour));
    }

    private static BigDecimal findPrice(String sku) {
        return catalogue.byPopularity().stream().filter(p -> p.sku().equals(sku)).findFirst().orElseThrow().price();
    }

    @Test
    void aRecordThatBreaksItsContractUnintendedIsRefusedNotSent() {
        ContractCheck strict = record -> ShopJson.fromBytes(record).type() == EventType.SEARCH
                ? List.of(new Violation("$.query", "maxLength", "searches are switched off")) : List.of();
        ContractGate gate = new ContractGate(strict, new CatalogueCheck(catalogue));
        Iterator<GeneratedRecord> records = generator(GeneratorSettings.builder(6, START).build()).records();
        int searches = 0;
        for (int i = 0; i < 2_000; i++) {
            GeneratedRecord r = records.next();
            ContractGate.Decision d = gate.admit(r);
            if (r.type() == EventType.SEARCH) {
                searches++;
                assertEquals(ContractGate.Verdict.REFUSE, d.verdict());
                assertNotNull(d.violations().get(0));
            } else {
                assertEquals(ContractGate.Verdict.SEND, d.verdict());
            }
        }
        assertTrue(searches > 50, "searches: " + searches);
    }
}
