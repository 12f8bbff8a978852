package streamworkbook.week12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;

/**
 * Exercise 12.2 on a clock the test moves itself (a Caffeine {@link Ticker}), so ages are exact and nothing waits.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a TTL not tied to the granularity (one TTL for everything): a minute answer must be gone after 10 s while an
 *       hour answer is still served, and that one gone after 60 s;</li>
 *   <li>an ETag that does not follow the body (a counter, a time, the key's hash): the same body computed again must
 *       have the same tag, another body another tag;</li>
 *   <li>no 304: {@code If-None-Match} with the current tag (alone, in a list, weak, or *) must give 304 and no body;</li>
 *   <li>a max-age that is not the entry's remaining life (the full TTL every time);</li>
 *   <li>caching errors: after a compute that threw, the next request must compute again;</li>
 *   <li>a cache stampede: sixteen requests arriving together for a missing key must compute it once;</li>
 *   <li>the system clock instead of the given ticker (nothing would ever expire in this test).</li>
 * </ul>
 */
@Exercise("12.2")
class AnswerCacheTest {

    /** A clock that only moves when the test says so. */
    static final class FakeTicker implements Ticker {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }

    private final FakeTicker ticker = new FakeTicker();
    private final AnswerCache cache = Exercises.pick(() -> new streamworkbook.week12.exercises.FreshAnswerCache(ticker),
            () -> new streamworkbook.week12.solutions.FreshAnswerCache(ticker));

    private static final Instant FRESH = Instant.parse("2026-03-02T10:04:59.250Z");

    /** A compute that counts its calls and answers {@code body}. */
    static final class Counting implements Callable<Answer> {
        final AtomicInteger calls = new AtomicInteger();
        volatile String body;

        Counting(String body) {
            this.body = body;
        }

        @Override
        public Answer call() {
            calls.incrementAndGet();
            return new Answer(body.getBytes(StandardCharsets.UTF_8), FRESH);
        }
    }

    @Test
    void eachGranularityLivesForItsOwnTime() throws Exception {
        Counting minute = new Counting("{\"m\":1}");
        Counting hour = new Counting("{\"h\":1}");
        Reply first = cache.serve("series minute", Step.MINUTE, null, minute);
        cache.serve("series hour", Step.HOUR, null, hour);
        assertEquals(200, first.status());
        assertArrayEquals(minute.body.getBytes(StandardCharsets.UTF_8), first.body());
        assertEquals("public, max-age=10", first.headers().get("Cache-Control"), "a new minute answer lives 10 s");
        assertEquals(FRESH.toString(), first.headers().get("X-Data-Freshness"));

        ticker.advance(Duration.ofMillis(3_500));
        Reply later = cache.serve("series minute", Step.MINUTE, null, minute);
        assertEquals(1, minute.calls.get(), "3.5 s later the minute answer must come from the cache");
        assertEquals("public, max-age=6", later.headers().get("Cache-Control"),
                "max-age is what the entry has left: 10 s − 3.5 s = 6.5 s, rounded down");

        ticker.advance(Duration.ofMillis(6_600)); // 10.1 s after computing
        cache.serve("series minute", Step.MINUTE, null, minute);
        assertEquals(2, minute.calls.get(), "after 10.1 s a minute answer is stale: compute it again (Step.ttl())");
        cache.serve("series hour", Step.HOUR, null, hour);
        assertEquals(1, hour.calls.get(), "after 10.1 s an hour answer is still fresh: one TTL for all is wrong");
        assertEquals("public, max-age=49", cache.serve("series hour", Step.HOUR, null, hour).headers().get("Cache-Control"));

        ticker.advance(Duration.ofSeconds(50)); // 60.1 s
        cache.serve("series hour", Step.HOUR, null, hour);
        assertEquals(2, hour.calls.get(), "after 60.1 s an hour answer is stale");
        Counting day = new Counting("{\"d\":1}");
        assertEquals("public, max-age=600", cache.serve("series day", Step.DAY, null, day).headers().get("Cache-Control"));
    }

    @Test
    void etagFollowsTheBodyAndRevalidationGives304() throws Exception {
        Counting compute = new Counting("{\"v\":[1,2,3]}");
        Reply a = cache.serve("k", Step.MINUTE, null, compute);
        String tag = a.headers().get("ETag");
        assertNotNull(tag, "no ETag header");
        assertTrue(tag.startsWith("\"") && tag.endsWith("\"") && tag.length() > 2, "an ETag is a quoted string: " + tag);
        assertTrue(!tag.startsWith("W/"), "a strong validator, not weak: " + tag);

        for (String ifNoneMatch : List.of(tag, "\"other\", " + tag, "W/" + tag, "*")) {
            Reply r = cache.serve("k", Step.MINUTE, ifNoneMatch, compute);
            assertEquals(304, r.status(), "If-None-Match: " + ifNoneMatch + " lists the current tag " + tag + ": 304");
            assertEquals(0, r.body().length, "a 304 has no body");
            assertEquals(tag, r.headers().get("ETag"), "a 304 repeats the ETag");
            assertNotNull(r.headers().get("Cache-Control"), "a 304 repeats Cache-Control");
            assertEquals(FRESH.toString(), r.headers().get("X-Data-Freshness"), "a 304 repeats X-Data-Freshness");
        }
        assertEquals(200, cache.serve("k", Step.MINUTE, "\"something-else\"", compute).status(), "another tag: 200");
        assertEquals(1, compute.calls.get());

        ticker.advance(Duration.ofSeconds(11));
        Reply again = cache.serve("k", Step.MINUTE, tag, compute);
        assertEquals(2, compute.calls.get(), "stale after 11 s: computed again");
        assertEquals(tag, again.headers().get("ETag"), "the same body computed again must have the same tag");
        assertEquals(304, again.status(), "… so a client holding it gets 304 even after the entry was renewed");

        compute.body = "{\"v\":[1,2,4]}";
        ticker.advance(Duration.ofSeconds(11));
        Reply changed = cache.serve("k", Step.MINUTE, tag, compute);
        assertEquals(200, changed.status(), "the body changed: the old tag no longer matches");
        assertNotEquals(tag, changed.headers().get("ETag"), "another body, another tag");
        Reply otherKeySameBody = cache.serve("k2", Step.MINUTE, null, new Counting("{\"v\":[1,2,4]}"));
        assertEquals(changed.headers().get("ETag"), otherKeySameBody.headers().get("ETag"),
                "the tag depends on the body only, not on the key or the time");
    }

    @Test
    void failuresAreNotCached() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Callable<Answer> failing = () -> {
            calls.incrementAndGet();
            throw new ApiException.Unavailable("ClickHouse does not answer");
        };
        assertThrows(ApiException.Unavailable.class, () -> cache.serve("k", Step.DAY, null, failing),
                "the compute's exception must reach the caller");
        Counting recovered = new Counting("{\"ok\":true}");
        Reply r = cache.serve("k", Step.DAY, null, recovered);
        assertEquals(1, recovered.calls.get(), "after a failure the next request must compute again, not get the failure");
        assertEquals(200, r.status());
        assertEquals(1, calls.get());
    }

    @Test
    @OnTimeout("does a request that waits for another's computation ever get woken up? Let the cache coordinate (Caffeine's get(key, loader))")
    void requestsArrivingTogetherComputeOnce() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Callable<Answer> slow = () -> {
            calls.incrementAndGet();
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
            return new Answer("{\"slow\":1}".getBytes(StandardCharsets.UTF_8), FRESH);
        };
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            replies.add(pool.submit(() -> cache.serve("hot", Step.MINUTE, null, slow)));
            if (!inside.await(10, TimeUnit.SECONDS)) {
                replies.get(0).get(1, TimeUnit.SECONDS); // a stub's NotImplementedYet (or another failure) surfaces here
                throw new AssertionError("the first request never started computing");
            }
            for (int i = 0; i < 15; i++) {
                replies.add(pool.submit(() -> cache.serve("hot", Step.MINUTE, null, slow)));
            }
            Thread.sleep(200); // the fifteen are waiting (or computing, if the cache lets them)
            release.countDown();
            for (Future<Reply> f : replies) {
                assertEquals(200, f.get(10, TimeUnit.SECONDS).status());
            }
            assertEquals(1, calls.get(), "16 requests for one missing key must compute it once, got " + calls.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theServerSendsTheCachesHeaders() {
        TestShop.Shop shop = TestShop.shared();
        AnswerCache learner = Exercises.pick(() -> new streamworkbook.week12.exercises.FreshAnswerCache(Ticker.systemTicker()),
                () -> new streamworkbook.week12.solutions.FreshAnswerCache(Ticker.systemTicker()));
        try (ApiServer api = ApiServer.builder(shop.endpoint()).port(0).cache(learner).build().start()) {
            String url = api.url() + "/api/series?" + Http.query("metric", "revenue", "step", "hour",
                    "from", "2026-03-02T10:00:00Z", "to", "2026-03-02T14:00:00Z");
            Http.Response first = Http.get(url);
            assertEquals(200, first.status(), first.body());
            String tag = first.header("ETag");
            assertNotNull(tag, "no ETag");
            assertTrue(first.header("Cache-Control").matches("public, max-age=(59|60)"), first.header("Cache-Control"));
            assertEquals(shop.last().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), first.header("X-Data-Freshness"),
                    "X-Data-Freshness: the newest event time in the data");
            Http.Response second = Http.get(url, "If-None-Match", tag);
            assertEquals(304, second.status(), "If-None-Match with the tag just received: 304");
            assertEquals(0, second.raw().body().length);
            Http.Response error = Http.get(api.url() + "/api/series?metric=revenue&from=x&to=y");
            assertEquals(400, error.status());
            assertEquals("no-store", error.header("Cache-Control"), "errors are never cached");
        }
    }
}
