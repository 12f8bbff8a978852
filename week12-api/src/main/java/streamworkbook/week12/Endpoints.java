package streamworkbook.week12;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What each endpoint computes: parameters in, a JSON {@link Answer} out. The parameter rules of each are in the
 * OpenAPI document ({@code /openapi.json}); {@link ApiServer} adds caching, headers and errors around them.
 */
public final class Endpoints {

    /** The longest range of the ranked and breakdown endpoints (whole hours), of the funnel and the alerts. */
    public static final Duration MAX_RANKED_RANGE = Duration.ofDays(31);
    public static final Duration MAX_FUNNEL_RANGE = Duration.ofDays(7);
    public static final Duration MAX_ALERT_RANGE = Duration.ofDays(31);
    public static final List<String> DIMENSIONS = List.of("category", "country", "type");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final ClickHouseHttp clickhouse;
    private final Freshness freshness;
    private final SeriesEndpoint series;
    private final RankedQueries ranked;
    private final Clock clock;

    public Endpoints(ClickHouseHttp clickhouse, Freshness freshness, SeriesEndpoint series, RankedQueries ranked, Clock clock) {
        this.clickhouse = clickhouse;
        this.freshness = freshness;
        this.series = series;
        this.ranked = ranked;
        this.clock = clock;
    }

    /** {@code /api/series}: {@code {"metric","step","from","to","t":[epoch seconds…],"v":[values…]}}. */
    public Answer series(SeriesRequest request) {
        ClickHouseHttp.Result r = clickhouse.query(series.query(request));
        ObjectNode out = JSON.createObjectNode().put("metric", request.metric().wireName()).put("step", request.step().wireName())
                .put("from", request.from().toString()).put("to", request.to().toString());
        ArrayNode t = out.putArray("t");
        ArrayNode v = out.putArray("v");
        for (JsonNode row : r.rows()) {
            t.add(epochSeconds(row.get(0)));
            v.add(row.get(1).asDouble());
        }
        return answer(out);
    }

    /** {@code /api/top-products}: {@code {"from","to","n","products":[{"product_id","name","category","revenue","units","purchases"}…]}}. */
    public Answer topProducts(RangeParams range, int n) {
        ClickHouseHttp.Result r = clickhouse.query(ranked.topProducts(range.from(), range.to(), n));
        ClickHouseHttp.Result names = clickhouse.query(BoundQuery.of(
                "SELECT sku, name, category FROM products FINAL WHERE has({skus:Array(String)}, sku)")
                .with("skus", skuArray(r)));
        java.util.Map<String, JsonNode> bySku = new java.util.HashMap<>();
        names.rows().forEach(row -> bySku.put(row.get(0).asText(), row));
        ObjectNode out = rangeNode(range).put("n", n);
        ArrayNode products = out.putArray("products");
        for (JsonNode row : r.rows()) {
            String sku = row.get(0).asText();
            JsonNode name = bySku.get(sku);
            products.addObject().put("product_id", sku)
                    .put("name", name == null ? "" : name.get(1).asText())
                    .put("category", name == null ? "" : name.get(2).asText())
                    .put("revenue", row.get(1).asDouble())
                    .put("units", row.get(2).asLong())
                    .put("purchases", row.get(3).asLong());
        }
        return answer(out);
    }

    /** {@code /api/funnel}: {@code {"from","to","window_seconds","steps":[{"step","sessions"}…]}}. */
    public Answer funnel(RangeParams range) {
        ClickHouseHttp.Result r = clickhouse.query(ranked.funnel(range.from(), range.to()));
        ObjectNode out = rangeNode(range).put("window_seconds", RankedQueries.FUNNEL_WINDOW_SECONDS);
        ArrayNode steps = out.putArray("steps");
        String[] names = {"viewed", "carted", "purchased"};
        JsonNode row = r.rows().isEmpty() ? null : r.row(0);
        for (int i = 0; i < names.length; i++) {
            steps.addObject().put("step", names[i]).put("sessions", row == null ? 0 : row.get(i).asLong());
        }
        return answer(out);
    }

    /** {@code /api/breakdown}: {@code {"dimension","from","to","rows":[{"key","events","revenue"}…]}}, by revenue then events, highest first. */
    public Answer breakdown(String dimension, RangeParams range) {
        String sql = switch (dimension) {
            // week 6's rollup has the type: minutes of the range
            case "type" -> """
                    SELECT event_type AS key, sum(events) AS events, sum(revenue) AS revenue
                    FROM metrics FINAL
                    WHERE level = 'minute' AND bucket >= {from:DateTime('UTC')} AND bucket < {to:DateTime('UTC')}
                    GROUP BY key ORDER BY revenue DESC, events DESC, key
                    """;
            // this week's rollup has the product; the category comes from the products dimension
            case "category" -> """
                    SELECT p.category AS key, sum(h.events) AS events, sum(h.revenue) AS revenue
                    FROM product_hours AS h FINAL INNER JOIN products AS p FINAL ON p.sku = h.product_id
                    WHERE h.hour >= {from:DateTime('UTC')} AND h.hour < {to:DateTime('UTC')}
                    GROUP BY key ORDER BY revenue DESC, events DESC, key
                    """;
            // no rollup has the user: raw purchases (the sort key starts with event_type, so only they are read)
            default -> """
                    SELECT u.country AS key, count() AS events, sum(e.price * e.quantity) AS revenue
                    FROM events AS e FINAL INNER JOIN users AS u FINAL ON u.user_id = e.user_id
                    WHERE e.event_type = 'purchase'
                      AND e.event_time >= {from:DateTime('UTC')} AND e.event_time < {to:DateTime('UTC')}
                    GROUP BY key ORDER BY revenue DESC, events DESC, key
                    """;
        };
        ClickHouseHttp.Result r = clickhouse.query(BoundQuery.of(sql)
                .with("from", range.from().getEpochSecond()).with("to", range.to().getEpochSecond()));
        ObjectNode out = JSON.createObjectNode().put("dimension", dimension).put("from", range.from().toString())
                .put("to", range.to().toString());
        ArrayNode rows = out.putArray("rows");
        for (JsonNode row : r.rows()) {
            rows.addObject().put("key", row.get(0).asText()).put("events", row.get(1).asLong())
                    .put("revenue", row.get(2).asDouble());
        }
        return answer(out);
    }

    /** {@code /api/alerts}: week 8's alerts in the range, newest first: {@code {"from","to","alerts":[…]}}. */
    public Answer alerts(RangeParams range, int limit) {
        ClickHouseHttp.Result r = clickhouse.query(BoundQuery.of("""
                SELECT series, toUnixTimestamp(minute), rule, value, expected, score
                FROM alerts FINAL
                WHERE minute >= {from:DateTime('UTC')} AND minute < {to:DateTime('UTC')}
                ORDER BY minute DESC, series, rule
                LIMIT {limit:UInt16}
                """).with("from", range.from().getEpochSecond()).with("to", range.to().getEpochSecond()).with("limit", limit));
        ObjectNode out = rangeNode(range);
        ArrayNode alerts = out.putArray("alerts");
        for (JsonNode row : r.rows()) {
            alerts.addObject().put("series", row.get(0).asText())
                    .put("minute", Instant.ofEpochSecond(row.get(1).asLong()).toString())
                    .put("rule", row.get(2).asText()).put("value", row.get(3).asDouble())
                    .put("expected", row.get(4).asDouble()).put("score", row.get(5).asDouble());
        }
        return answer(out);
    }

    /** {@code /api/quality}: week 10's latest report — per check how many results passed and failed, and the failures. */
    public Answer quality() {
        ClickHouseHttp.Result r = clickhouse.query(BoundQuery.of("""
                SELECT toString(run_id), toUnixTimestamp64Milli(checked_at), check_name, event_type, toUnixTimestamp(minute),
                       column_name, observed, expected, passed, detail
                FROM quality_report
                WHERE run_id = (SELECT argMax(run_id, checked_at) FROM quality_report)
                ORDER BY passed, check_name, event_type, minute, column_name
                """));
        ObjectNode out = JSON.createObjectNode();
        if (r.rows().isEmpty()) {
            out.putNull("run_id");
            out.putNull("checked_at");
        } else {
            out.put("run_id", r.row(0).get(0).asText());
            out.put("checked_at", Instant.ofEpochMilli(r.row(0).get(1).asLong()).toString());
        }
        ObjectNode checks = out.putObject("checks");
        ArrayNode failures = out.putArray("failures");
        long failed = 0;
        for (JsonNode row : r.rows()) {
            boolean passed = row.get(8).asBoolean();
            ObjectNode check = checks.has(row.get(2).asText()) ? (ObjectNode) checks.get(row.get(2).asText())
                    : checks.putObject(row.get(2).asText()).put("passed", 0).put("failed", 0);
            check.put(passed ? "passed" : "failed", check.get(passed ? "passed" : "failed").asLong() + 1);
            if (!passed) {
                failed++;
                if (failures.size() < 20) {
                    failures.addObject().put("check", row.get(2).asText()).put("event_type", row.get(3).asText())
                            .put("minute", row.get(4).asLong() == 0 ? "" : Instant.ofEpochSecond(row.get(4).asLong()).toString())
                            .put("column", row.get(5).asText()).put("observed", row.get(6).asLong())
                            .put("expected", row.get(7).asLong()).put("detail", row.get(9).asText());
                }
            }
        }
        out.put("results", r.rows().size()).put("failed", failed);
        return answer(out);
    }

    /**
     * {@code /api/health}: is the pipeline delivering? The newest event and its lag behind now, the events of the
     * last five minutes of event time before it, and the newest minute of week 6's rollup. {@code status}: {@code ok}
     * (lag at most two minutes), {@code stale} or {@code empty}.
     */
    public ObjectNode health() {
        Instant newest = freshness.newest();
        ClickHouseHttp.Result r = clickhouse.query(BoundQuery.of("""
                SELECT (SELECT count() FROM events WHERE event_time > {newest:DateTime64(3, 'UTC')} - INTERVAL 5 MINUTE),
                       (SELECT toUnixTimestamp(max(bucket)) FROM metrics WHERE level = 'minute')
                """).with("newest", newest));
        Instant now = clock.instant();
        boolean empty = newest.equals(Instant.EPOCH);
        long lag = empty ? -1 : Math.max(0, Duration.between(newest, now).toSeconds());
        ObjectNode out = JSON.createObjectNode().put("status", empty ? "empty" : lag <= 120 ? "ok" : "stale")
                .put("clickhouse", "up").put("now", now.toString());
        if (empty) {
            out.putNull("newest_event");
            out.putNull("newest_rollup_minute");
        } else {
            out.put("newest_event", newest.toString());
            long minute = r.row(0).get(1).asLong();
            out.put("newest_rollup_minute", minute == 0 ? null : Instant.ofEpochSecond(minute).toString());
        }
        out.put("lag_seconds", lag).put("events_last_5_minutes", r.row(0).get(0).asLong());
        return out;
    }

    /** {@code /api/metrics}: the series {@code /api/series} knows, with what each sums. */
    public static ObjectNode metrics() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("metrics");
        for (String name : SeriesMetric.wireNames()) {
            list.addObject().put("name", name).put("description", SeriesMetric.byWireName(name).description());
        }
        out.putPOJO("steps", Step.wireNames());
        return out;
    }

    private Answer answer(ObjectNode body) {
        try {
            return new Answer(JSON.writeValueAsBytes(body), freshness.newest());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode rangeNode(RangeParams range) {
        return JSON.createObjectNode().put("from", range.from().toString()).put("to", range.to().toString());
    }

    private static String skuArray(ClickHouseHttp.Result r) {
        StringBuilder s = new StringBuilder("[");
        for (JsonNode row : r.rows()) {
            if (s.length() > 1) {
                s.append(',');
            }
            // ClickHouse's text form of an Array(String): quoted, with ' and \ escaped
            s.append('\'').append(row.get(0).asText().replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        }
        return s.append(']').toString();
    }

    /** A bucket as seconds since the epoch, whether the query returned a DateTime ("2026-03-01 12:00:00", UTC) or a number. */
    static long epochSeconds(JsonNode v) {
        if (v.isNumber()) {
            return v.asLong();
        }
        String text = v.asText();
        if (text.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(text);
        }
        return LocalDateTime.parse(text, CH_TIME).toEpochSecond(ZoneOffset.UTC);
    }
}
