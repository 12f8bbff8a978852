package streamworkbook.week12;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.infra.ClickHouseEndpoint;

/**
 * The analytics API and the dashboard in one server: JSON under {@code /api/…}, the OpenAPI document at
 * {@code /openapi.json}, the dashboard at {@code /} and uPlot from its WebJar under {@code /webjars/…}.
 *
 * <pre>{@code
 * try (ApiServer api = ApiServer.builder(clickhouse.withDatabase("shop")).port(8080).build().start()) {
 *     System.out.println("dashboard: " + api.url());
 * }
 * }</pre>
 *
 * Built with the reference solutions of 12.1–12.4 unless told otherwise ({@link Builder#learnerExercises()} uses the
 * learner's, or the solutions with {@code --solutions}, as the tests do).
 */
public final class ApiServer implements AutoCloseable {

    /** The routes of the API, as {@code METHOD path}: what the OpenAPI document must describe, no more, no less. */
    public static final List<String> API_ROUTES = List.of("GET /api/series", "GET /api/top-products", "GET /api/funnel",
            "GET /api/breakdown", "GET /api/alerts", "GET /api/quality", "GET /api/health", "GET /api/metrics");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Builder settings;
    private final ClickHouseHttp clickhouse;
    private final Endpoints endpoints;
    private final AnswerCache cache;
    private Javalin app;
    private ScheduledExecutorService refresher;

    private ApiServer(Builder b) {
        this.settings = b;
        this.clickhouse = new ClickHouseHttp(b.clickhouse, b.queryTimeout);
        Freshness freshness = new Freshness(clickhouse, Duration.ofSeconds(1));
        this.endpoints = new Endpoints(clickhouse, freshness, b.series, b.ranked, b.clock);
        this.cache = b.cache;
    }

    public static Builder builder(ClickHouseEndpoint clickhouse) {
        return new Builder(clickhouse);
    }

    /** Starts serving; returns this. */
    public ApiServer start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host;
            config.jetty.port = settings.port;
            // JSON compresses about tenfold; Javalin gzips a response when the client accepts it and it is big enough
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard";
                files.location = Location.CLASSPATH;
                // the page and its scripts change with a deployment: always revalidate
                files.headers = Map.of("Cache-Control", "no-cache");
            });
            config.routes.get("/panels/funnel.js", ctx -> ctx.contentType("text/javascript")
                    .header("Cache-Control", "no-cache").result(resource(settings.funnelPanel)));
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(resource("api/openapi.json")));

            config.routes.get("/api/series", ctx -> {
                SeriesRequest r = settings.series.parse(params(ctx));
                cached(ctx, "series " + r.metric().wireName() + " " + r.step().wireName() + " " + r.from() + " " + r.to(),
                        r.step(), () -> endpoints.series(r));
            });
            config.routes.get("/api/top-products", ctx -> {
                QueryParams p = params(ctx);
                RangeParams range = RangeParams.parse(p, Step.HOUR, Endpoints.MAX_RANKED_RANGE);
                int n = RangeParams.integer(p, "n", 1, 100, 10);
                cached(ctx, "top " + range + " " + n, Step.HOUR, () -> endpoints.topProducts(range, n));
            });
            config.routes.get("/api/funnel", ctx -> {
                RangeParams range = RangeParams.parse(params(ctx), Step.MINUTE, Endpoints.MAX_FUNNEL_RANGE);
                cached(ctx, "funnel " + range, Step.MINUTE, () -> endpoints.funnel(range));
            });
            config.routes.get("/api/breakdown", ctx -> {
                QueryParams p = params(ctx);
                String dimension = p.value("dimension").orElseThrow(() ->
                        new ApiException.BadRequest("dimension", "dimension is required", Endpoints.DIMENSIONS));
                if (!Endpoints.DIMENSIONS.contains(dimension)) {
                    throw new ApiException.BadRequest("dimension", "dimension must be one of " + Endpoints.DIMENSIONS
                            + ", got: " + dimension, Endpoints.DIMENSIONS);
                }
                RangeParams range = RangeParams.parse(p, Step.HOUR, Endpoints.MAX_RANKED_RANGE);
                cached(ctx, "breakdown " + dimension + " " + range, Step.HOUR, () -> endpoints.breakdown(dimension, range));
            });
            config.routes.get("/api/alerts", ctx -> {
                QueryParams p = params(ctx);
                RangeParams range = RangeParams.parse(p, Step.MINUTE, Endpoints.MAX_ALERT_RANGE);
                int limit = RangeParams.integer(p, "limit", 1, 500, 50);
                cached(ctx, "alerts " + range + " " + limit, Step.MINUTE, () -> endpoints.alerts(range, limit));
            });
            config.routes.get("/api/quality", ctx -> cached(ctx, "quality", Step.MINUTE, endpoints::quality));
            config.routes.get("/api/health", ctx -> ctx.header("Cache-Control", "no-store").json(endpoints.health()));
            config.routes.get("/api/metrics", ctx -> ctx.header("Cache-Control", "public, max-age=3600").json(Endpoints.metrics()));

            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.body()));
            config.routes.exception(ClickHouseHttp.QueryFailed.class, (e, ctx) -> error(ctx, 500,
                    Map.of("status", 500, "error", "internal error", "message", "a query failed: " + e.getMessage())));
            // a stub reached through the API: 501, naming the exercise (the dashboard and the tests show it as pending)
            config.routes.exception(NotImplementedYet.class, (e, ctx) -> error(ctx, 501, Map.of("status", 501,
                    "error", "not implemented", "exercise", e.exerciseId(), "message", "exercise " + e.exerciseId()
                            + " is not done yet: see week12-api/README.md")));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500,
                    Map.of("status", 500, "error", "internal error", "message", String.valueOf(e))));
        });
        app.start();
        if (settings.refreshEvery != null) {
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "product-hours refresher");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(this::refreshRecentHours, 0, settings.refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The API's routes as Javalin registered them ({@code GET /api/…}), for the test that checks the OpenAPI document. */
    List<String> apiRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(h -> h.endpoint)
                .filter(e -> e.path.startsWith("/api/")).map(e -> e.method.name() + " " + e.path).sorted().toList();
    }

    /** {@code http://host:port} — the dashboard. */
    public String url() {
        return "http://" + (settings.host.equals("0.0.0.0") ? "localhost" : settings.host) + ":" + port();
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (app != null) {
            app.stop();
        }
    }

    /** Recomputes {@code product_hours} for the last three hours of event time (what the background refresher does). */
    public void refreshRecentHours() {
        try {
            ClickHouseHttp.Result r = clickhouse.query(BoundQuery.of("SELECT toUnixTimestamp64Milli(max(event_time)) FROM events"));
            Instant newest = Instant.ofEpochMilli(r.row(0).get(0).asLong());
            if (!newest.equals(Instant.EPOCH)) {
                ProductRollup.refresh(clickhouse, newest.minus(Duration.ofHours(3)), newest.plusMillis(1));
            }
        } catch (RuntimeException e) {
            // ClickHouse away: the next round tries again; the API itself reports 503 meanwhile
        }
    }

    private void cached(Context ctx, String key, Step granularity, Callable<Answer> compute) throws Exception {
        Reply reply = cache.serve(key, granularity, ctx.header("If-None-Match"), compute);
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        ctx.contentType("application/json");
        if (reply.status() != 304) {
            ctx.result(reply.body());
        }
    }

    private static void error(Context ctx, int status, Map<String, Object> body) {
        // an error is never cached, by us or by anyone between us and the client
        ctx.status(status).header("Cache-Control", "no-store");
        if (status == 503) {
            ctx.header("Retry-After", "5");
        }
        ctx.json(new TreeMap<>(body));
    }

    private static QueryParams params(Context ctx) {
        return QueryParams.of(ctx.queryParamMap());
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }

    public static final class Builder {
        private final ClickHouseEndpoint clickhouse;
        private String host = "127.0.0.1";
        private int port = 8080;
        private Duration queryTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private SeriesEndpoint series = new streamworkbook.week12.solutions.TimeSeriesEndpoint();
        private RankedQueries ranked = new streamworkbook.week12.solutions.RollupQueries();
        private AnswerCache cache = new streamworkbook.week12.solutions.FreshAnswerCache(Ticker.systemTicker());
        private String funnelPanel = "dashboard/solutions/funnel-panel.js";
        private Duration refreshEvery;

        private Builder(ClickHouseEndpoint clickhouse) {
            this.clickhouse = clickhouse;
        }

        /** 0 = any free port. Default 8080. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Default 127.0.0.1 (this machine only); {@code 0.0.0.0} for every interface. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** How long one ClickHouse query may take before the request fails with 503 (default 10 s). */
        public Builder queryTimeout(Duration timeout) {
            this.queryTimeout = timeout;
            return this;
        }

        /** The clock of {@code /api/health}'s lag. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder series(SeriesEndpoint series) {
            this.series = series;
            return this;
        }

        public Builder ranked(RankedQueries ranked) {
            this.ranked = ranked;
            return this;
        }

        public Builder cache(AnswerCache cache) {
            this.cache = cache;
            return this;
        }

        /** The classpath resource served as the dashboard's funnel panel (exercise 12.4). */
        public Builder funnelPanel(String resource) {
            this.funnelPanel = resource;
            return this;
        }

        /**
         * The learner's exercises 12.1–12.4 (or, in solutions mode, the reference solutions): what programs run,
         * so that {@code --solutions} works as everywhere in the workbook.
         */
        public Builder learnerExercises() {
            series = Exercises.pick(streamworkbook.week12.exercises.TimeSeriesEndpoint::new,
                    streamworkbook.week12.solutions.TimeSeriesEndpoint::new);
            ranked = Exercises.pick(streamworkbook.week12.exercises.RollupQueries::new,
                    streamworkbook.week12.solutions.RollupQueries::new);
            cache = Exercises.pick(() -> new streamworkbook.week12.exercises.FreshAnswerCache(Ticker.systemTicker()),
                    () -> new streamworkbook.week12.solutions.FreshAnswerCache(Ticker.systemTicker()));
            funnelPanel = Exercises.solutionsMode() ? "dashboard/solutions/funnel-panel.js" : "dashboard/exercises/funnel-panel.js";
            return this;
        }

        /** Recompute the last hours of {@code product_hours} this often in the background (default: never). */
        public Builder refreshRollups(Duration every) {
            this.refreshEvery = every;
            return this;
        }

        public ApiServer build() {
            return new ApiServer(this);
        }
    }
}
