package streamworkbook.week12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 12.1 through the real server: the learner's {@link SeriesEndpoint} answers {@code /api/series} over
 * hand-written rows of week 6's {@code metrics} table (a gap, a window that fired twice, three levels).
 *
 * <p>Rejects:
 * <ul>
 *   <li>SQL built from request text ({@code "… bucket >= '" + from + "'"}): the SQL text must be the same for two
 *       requests that differ only in {@code from}/{@code to}; and {@code from=yesterday'--} must be a 400;</li>
 *   <li>no FINAL (or another way to keep only the newest row): the minute whose window fired twice counts twice;</li>
 *   <li>no zero-filling: a minute without rows is missing instead of 0;</li>
 *   <li>unbounded ranges: two days of minutes must be a 400 naming {@code to};</li>
 *   <li>no step validation: {@code step=second} must be a 400 naming {@code step} with the allowed list;</li>
 *   <li>every bad metric a 400 (or every one a 404): {@code profit} is a 404 listing the known metrics,
 *       {@code revenue; DROP TABLE metrics} a 400 — and the table is still there with all its rows.</li>
 * </ul>
 */
@Exercise("12.1")
class SeriesEndpointTest {

    private static TestShop.Shop shop;
    private static ApiServer api;
    private static SeriesEndpoint series;

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @BeforeAll
    static void start() {
        shop = TestShop.empty("w12series");
        shop.clickhouse().execute("""
                INSERT INTO metrics (level, bucket, event_type, events, revenue, written_at) VALUES
                ('minute', '2026-03-02 10:00:00', 'purchase', 3, 30.00, '2026-03-02 10:01:05'),
                ('minute', '2026-03-02 10:00:00', 'page_view', 100, 0, '2026-03-02 10:01:05'),
                ('minute', '2026-03-02 10:02:00', 'purchase', 2, 20.00, '2026-03-02 10:03:05'),
                ('minute', '2026-03-02 10:03:00', 'add_to_cart', 7, 0, '2026-03-02 10:04:05'),
                ('hour', '2026-03-02 10:00:00', 'purchase', 9, 75.50, '2026-03-02 11:00:05'),
                ('hour', '2026-03-02 10:00:00', 'page_view', 100, 0, '2026-03-02 11:00:05'),
                ('hour', '2026-03-02 11:00:00', 'purchase', 1, 5.00, '2026-03-02 12:00:05'),
                ('day', '2026-03-02 00:00:00', 'purchase', 10, 80.50, '2026-03-03 00:00:05')
                """);
        // the window of 10:02 fires again (a replay) and writes its bucket anew: another INSERT, another part — rows of
        // one INSERT would be deduplicated as they are written (optimize_on_insert), and merges are stopped so that
        // both rows stay until the query reads them
        shop.clickhouse().execute("SYSTEM STOP MERGES metrics");
        shop.clickhouse().execute("INSERT INTO metrics (level, bucket, event_type, events, revenue, written_at) VALUES "
                + "('minute', '2026-03-02 10:02:00', 'purchase', 4, 45.50, '2026-03-02 10:09:00')");
        series = Exercises.pick(streamworkbook.week12.exercises.TimeSeriesEndpoint::new,
                streamworkbook.week12.solutions.TimeSeriesEndpoint::new);
        api = ApiServer.builder(shop.endpoint()).port(0).series(series).build().start();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void answersEveryBucketWithTheNewestRowAndZerosInTheGaps() {
        assertSeries("revenue", "minute", "2026-03-02T10:00:00Z", "2026-03-02T10:05:00Z", T, 60, 30, 0, 45.5, 0, 0);
        // from rounded down, to rounded up: 10:00 … 10:04
        assertSeries("purchases", "minute", "2026-03-02T10:00:30Z", "2026-03-02T10:03:10Z", T, 60, 3, 0, 4, 0);
        assertSeries("events", "minute", "2026-03-02T10:00:00Z", "2026-03-02T10:04:00Z", T, 60, 103, 0, 4, 7);
        assertSeries("add_to_carts", "minute", "2026-03-02T10:02:00Z", "2026-03-02T10:04:00Z", T.plusSeconds(120), 60, 0, 7);
        assertSeries("revenue", "hour", "2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z", T, 3600, 75.5, 5);
        assertSeries("revenue", "day", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", Instant.parse("2026-03-02T00:00:00Z"), 86400, 80.5);
        // step defaults to minute
        JsonNode defaulted = ok(Http.query("metric", "revenue", "from", "2026-03-02T10:00:00Z", "to", "2026-03-02T10:01:00Z"));
        assertEquals("minute", defaulted.get("step").asText());
    }

    @Test
    void valuesTravelAsParametersNeverAsSqlText() {
        SeriesRequest a = series.parse(QueryParams.of("metric", "revenue", "step", "minute",
                "from", "2026-03-02T10:00:00Z", "to", "2026-03-02T11:00:00Z"));
        SeriesRequest b = series.parse(QueryParams.of("metric", "revenue", "step", "minute",
                "from", "2026-03-01T08:13:00Z", "to", "2026-03-01T09:47:00Z"));
        BoundQuery qa = series.query(a);
        BoundQuery qb = series.query(b);
        assertEquals(qa.sql(), qb.sql(), "the SQL text changed with from/to: values must travel as parameters "
                + "({from:DateTime('UTC')} with BoundQuery.with), not inside the text");
        assertFalse(qa.sql().contains("2026-03-02") || qa.sql().contains(String.valueOf(T.getEpochSecond())),
                "the SQL text holds the request's from: " + qa.sql());
        assertFalse(qa.params().isEmpty(), "the query has no parameters: where did from and to go?");
        assertTrue(qa.sql().contains("{"), "no {name:Type} placeholder in the SQL: " + qa.sql());

        // an injection attempt is refused before any SQL, and the table is intact
        long rows = countMetrics();
        bad(Http.query("metric", "revenue", "from", "yesterday'--", "to", "2026-03-02T10:05:00Z"), "from");
        JsonNode refused = bad(Http.query("metric", "revenue; DROP TABLE metrics", "from", "2026-03-02T10:00:00Z",
                "to", "2026-03-02T10:05:00Z"), "metric");
        assertEquals(SeriesMetric.wireNames(), names(refused.get("allowed")), "allowed must list the metrics");
        bad(Http.query("metric", "revenue", "from", "2026-03-02T10:00:00Z", "to", "2026-03-02T10:05:00Z' OR 1=1 --"), "to");
        assertEquals(rows, countMetrics(), "the metrics table lost rows");
    }

    @Test
    void unknownMetricIsNotFoundAndListsTheKnownOnes() {
        Http.Response r = Http.get(api.url() + "/api/series?" + Http.query("metric", "profit",
                "from", "2026-03-02T10:00:00Z", "to", "2026-03-02T10:05:00Z"));
        assertEquals(404, r.status(), "metric=profit is a name that names nothing: 404, got " + r.status() + " " + r.body());
        assertEquals("metric", r.json().path("parameter").asText(), r.body());
        assertEquals(SeriesMetric.wireNames(), names(r.json().get("known")), "known must list the metrics: " + r.body());
        bad(Http.query("from", "2026-03-02T10:00:00Z", "to", "2026-03-02T10:05:00Z"), "metric");
        bad(Http.query("metric", "Revenue", "from", "2026-03-02T10:00:00Z", "to", "2026-03-02T10:05:00Z"), "metric");
    }

    @Test
    void stepAndRangeAreBounded() {
        JsonNode step = bad(Http.query("metric", "revenue", "step", "second", "from", "2026-03-02T10:00:00Z",
                "to", "2026-03-02T10:05:00Z"), "step");
        assertEquals(Step.wireNames(), names(step.get("allowed")), "allowed must list the steps");
        bad(Http.query("metric", "revenue", "step", "60", "from", "2026-03-02T10:00:00Z", "to", "2026-03-02T10:05:00Z"), "step");
        // 1,500 minutes is the most; one minute more is refused, as is anything longer
        ok(Http.query("metric", "revenue", "step", "minute", "from", "2026-03-02T00:00:00Z", "to", "2026-03-03T01:00:00Z"));
        bad(Http.query("metric", "revenue", "step", "minute", "from", "2026-03-02T00:00:00Z", "to", "2026-03-03T01:01:00Z"), "to");
        bad(Http.query("metric", "revenue", "step", "minute", "from", "2026-03-02T00:00:00Z", "to", "2026-03-04T00:00:00Z"), "to");
        bad(Http.query("metric", "revenue", "step", "hour", "from", "2000-01-01T00:00:00Z", "to", "2030-01-01T00:00:00Z"), "to");
        bad(Http.query("metric", "revenue", "step", "day", "from", "2026-03-02T00:00:00Z", "to", "2026-03-01T00:00:00Z"), "to");
        bad(Http.query("metric", "revenue", "from", "2026-03-02T10:00:00Z"), "to");
        bad(Http.query("metric", "revenue", "from", "2026-03-02", "to", "2026-03-03T00:00:00Z"), "from");
    }

    private static void assertSeries(String metric, String step, String from, String to, Instant first, long stepSeconds,
                                     double... values) {
        JsonNode body = ok(Http.query("metric", metric, "step", step, "from", from, "to", to));
        List<Long> expectedT = new ArrayList<>();
        List<Double> expectedV = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            expectedT.add(first.getEpochSecond() + i * stepSeconds);
            expectedV.add(values[i]);
        }
        List<Long> t = new ArrayList<>();
        body.get("t").forEach(n -> t.add(n.asLong()));
        List<Double> v = new ArrayList<>();
        body.get("v").forEach(n -> v.add(n.asDouble()));
        String what = metric + " by " + step + " from " + from + " to " + to;
        assertEquals(expectedT, t, what + ": one point per bucket, in order (t = bucket starts)");
        assertEquals(expectedV, v, what + ": values (0 in a gap; a bucket written twice counts with its newest row)");
    }

    private static JsonNode ok(String query) {
        Http.Response r = Http.get(api.url() + "/api/series?" + query);
        assertEquals(200, r.status(), "GET /api/series?" + query + " → " + r.status() + " " + r.body());
        return r.json();
    }

    private static JsonNode bad(String query, String parameter) {
        Http.Response r = Http.get(api.url() + "/api/series?" + query);
        assertEquals(400, r.status(), "GET /api/series?" + query + " must be a 400 naming " + parameter + ", got "
                + r.status() + " " + r.body());
        assertEquals(parameter, r.json().path("parameter").asText(), "the 400 must name the parameter: " + r.body());
        assertTrue(r.json().hasNonNull("allowed"), "the 400 must say what is allowed: " + r.body());
        return r.json();
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static long countMetrics() {
        return shop.clickhouse().query(BoundQuery.of("SELECT count() FROM metrics")).row(0).get(0).asLong();
    }
}
