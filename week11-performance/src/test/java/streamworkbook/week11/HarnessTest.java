package streamworkbook.week11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week11.bench.ClickHouseHttp;
import streamworkbook.week11.bench.Latencies;
import streamworkbook.week11.bench.MarkerPoller;
import streamworkbook.week11.bench.Markers;
import streamworkbook.week11.bench.Plots;
import streamworkbook.week11.bench.Report;
import streamworkbook.week11.bench.ThroughputSampler;

/**
 * The benchmark harness itself — not an exercise, but every figure in the README rests on it: its percentiles agree
 * with a brute-force computation on the same samples, the marker poller counts every marker exactly once (and the
 * missing and the duplicated ones exactly), and the plots and report are written.
 */
class HarnessTest {

    /** Nearest rank: the smallest sample that at least p % of the samples are less than or equal to. */
    private static long nearestRank(long[] sorted, double p) {
        // in decimal, not double: 99.9 / 100 * 1000 is 999.0000000000001 in binary floating point
        int rank = new java.math.BigDecimal(Double.toString(p)).multiply(java.math.BigDecimal.valueOf(sorted.length))
                .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING).intValueExact();
        return sorted[Math.max(rank, 1) - 1];
    }

    @Test
    void percentilesAgreeWithBruteForce() {
        Random random = new Random(11);
        for (int n : new int[] {1, 7, 1_000, 1_011, 99_999}) {
            for (String shape : List.of("uniform", "lognormal", "bimodal")) {
                Latencies latencies = new Latencies();
                for (int i = 0; i < n; i++) {
                    double v = switch (shape) {
                        case "uniform" -> random.nextDouble() * 5_000;
                        case "lognormal" -> Math.exp(5 + 1.5 * random.nextGaussian());
                        default -> random.nextDouble() < 0.97 ? 50 + random.nextInt(100) : 20_000 + random.nextInt(40_000);
                    };
                    latencies.record((long) v);
                }
                long[] sorted = latencies.samples();
                Arrays.sort(sorted);
                assertEquals(n, latencies.count(), "every sample counted once");
                for (double p : new double[] {0.1, 50, 90, 95, 99, 99.9, 100}) {
                    long exact = nearestRank(sorted, p);
                    long reported = latencies.percentile(p);
                    assertTrue(latencies.equivalent(exact, reported), String.format(
                            "%s, %,d samples: p%s is %,d by brute force, the histogram says %,d (not within its precision)",
                            shape, n, p, exact, reported));
                }
                assertTrue(latencies.equivalent(sorted[n - 1], latencies.max()), shape + " max");
            }
        }
    }

    @Test
    void samplesAreKeptInOrderAndNegativeOnesCountAsZero() {
        Latencies latencies = new Latencies();
        long[] values = {5, 3, -2, 1_000_000, 0, 3};
        for (long v : values) {
            latencies.record(v);
        }
        assertArrayEquals(new long[] {5, 3, 0, 1_000_000, 0, 3}, latencies.samples());
        assertEquals(6, latencies.count());
        assertEquals(0, latencies.percentile(0.1));
        assertTrue(latencies.equivalent(1_000_000, latencies.max()));
    }

    @Test
    void markersAreRecognisableAndUniquePerRun() {
        Markers a = Markers.run(0x1234);
        Markers b = Markers.run(0x4321);
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            ShopEvent m = a.marker(i, Instant.ofEpochMilli(1_700_000_000_000L + i));
            assertTrue(ids.add(m.eventId()), "marker ids are unique: " + m.eventId());
            assertTrue(m.eventId().startsWith(a.runPrefix()));
            assertFalse(m.eventId().startsWith(b.runPrefix()));
            assertTrue(Markers.isMarker(ShopJson.fromBytes(ShopJson.toBytes(m))), "a marker survives JSON: " + m);
            assertEquals(1_700_000_000_000L + i, m.eventTime().toEpochMilli());
        }
        assertFalse(Markers.isMarker(ShopEvent.pageView("6d61726b-0000-4000-8000-000000000001", Instant.EPOCH, "u", "s", "/home", null)),
                "a marker id on an ordinary page is not a marker");
    }

    /**
     * 30 markers announced: 20 inserted once, 5 twice (duplicates), 5 never (missing once given up); plus markers of
     * another run and ordinary page views in the same table, which must not count.
     */
    @Test
    void pollerSeesEveryMarkerOnceAndCountsTheRest() throws Exception {
        ClickHouseEndpoint ch = Servers.clickhouseWithTable("w11_harness", "events");
        ClickHouseHttp http = new ClickHouseHttp(ch);
        Markers run = Markers.run(0x0b0b);
        Markers other = Markers.run(0x0c0c);
        Latencies latencies = new Latencies();
        long now = System.currentTimeMillis();
        try (MarkerPoller poller = new MarkerPoller(ch, "events", run, Duration.ofMillis(50), Duration.ofSeconds(20), latencies).start()) {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                long producedAt = now - 1_000; // produced a second ago: every latency is at least that
                poller.expect(run.id(i), producedAt);
                if (i < 25) {
                    values.append(row(run.id(i), producedAt, Markers.PAGE)).append(',');
                }
                if (i >= 20 && i < 25) {
                    values.append(row(run.id(i), producedAt, Markers.PAGE)).append(','); // a second copy
                }
                values.append(row(other.id(i), producedAt, Markers.PAGE)).append(',');
                values.append(row(java.util.UUID.randomUUID().toString(), producedAt, "/home")).append(',');
            }
            values.setLength(values.length() - 1);
            http.execute("INSERT INTO events (event_id, event_type, event_time, user_id, page) VALUES " + values);
            // the 5 never inserted are given up after 20 s: wait for the 25 that are there
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> poller.stats().seen() == 25);
            MarkerPoller.Stats stats = poller.stats();
            assertEquals(30, stats.expected());
            assertEquals(25, stats.seen(), stats.toString());
            assertEquals(5, stats.duplicates(), "the extra copies: " + stats);
            assertEquals(25, latencies.count(), "one latency per marker seen");
            assertTrue(Arrays.stream(latencies.samples()).allMatch(l -> l >= 1_000),
                    "a latency is never less than the time since production: " + Arrays.toString(latencies.samples()));
        }
        // the missing ones: announced long ago, so given up at the first poll
        Latencies none = new Latencies();
        try (MarkerPoller poller = new MarkerPoller(ch, "events", Markers.run(0x0d0d), Duration.ofMillis(50), Duration.ofSeconds(1), none).start()) {
            for (int i = 0; i < 4; i++) {
                poller.expect(Markers.run(0x0d0d).id(i), now - 60_000);
            }
            assertTrue(poller.awaitAll(Duration.ofSeconds(20)), "markers older than giveUpAfter are given up on");
            MarkerPoller.Stats stats = poller.stats();
            assertEquals(4, stats.missing(), stats.toString());
            assertEquals(0, stats.seen(), stats.toString());
            assertEquals(0, none.count());
        }
    }

    private static String row(String id, long millis, String page) {
        return "('" + id + "', 'page_view', fromUnixTimestamp64Milli(" + millis + ", 'UTC'), 'marker', '" + page + "')";
    }

    @Test
    void plotsAndReportAreWritten() throws Exception {
        Path dir = Path.of("target", "test-plots");
        Latencies latencies = new Latencies();
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            latencies.record(100 + (long) Math.abs(200 * random.nextGaussian()));
        }
        Map<String, Latencies> runs = new LinkedHashMap<>();
        runs.put("pipeline", latencies);
        Path percentiles = Plots.latencyPercentiles(dir.resolve("latency.png"), "event → queryable", runs);
        Path throughput = Plots.throughput(dir.resolve("throughput.png"), "rows", Map.of("floor",
                List.of(new ThroughputSampler.Sample(0, 0), new ThroughputSampler.Sample(1_000, 50_000))));
        Path bars = Plots.bars(dir.resolve("bars.png"), "before / after", "events/s", List.of("a", "b"),
                Map.of("before", List.of(1.0, 2.0), "after", List.of(3.0, 4.0)));
        for (Path png : List.of(percentiles, throughput, bars)) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, png + " is a PNG");
        }
        Path md = new Report("test").heading("latency").paragraph(latencies.summary())
                .table(List.of("run", "p99"), List.of(List.of("pipeline", String.valueOf(latencies.percentile(99)))))
                .image("latency", percentiles).write(dir.resolve("report.md"));
        String text = Files.readString(md);
        assertTrue(text.contains("![latency](latency.png)"), text);
        assertTrue(text.contains("| pipeline | " + latencies.percentile(99) + " |"), text);
    }
}
