package streamworkbook.week12;

import java.util.concurrent.Callable;

/**
 * Exercise 12.2 — answers kept in memory with explicit freshness, and HTTP caching on top of them.
 *
 * <p>An implementation is made with a {@link com.github.benmanes.caffeine.cache.Ticker} and measures every age with
 * it (tests move time themselves). For a request with cache {@code key} and {@code granularity}:
 * <ul>
 *   <li>the answer is computed with {@code compute} when the cache has no live entry for {@code key}, and kept for
 *       {@code granularity.ttl()} from the moment it was computed — no longer; while an entry lives, requests for
 *       its key are answered from it. Requests that arrive together for a key without a live entry wait for one
 *       computation.</li>
 *   <li>a {@code compute} that throws is not kept: the exception reaches the caller, and the next request computes
 *       again.</li>
 *   <li>the reply carries {@code ETag}: a strong validator (a quoted string, no {@code W/}) derived from the body's
 *       bytes, so that equal bodies have equal tags, also when computed again; {@code Cache-Control}:
 *       {@code public, max-age=N} with N the whole seconds the entry has left to live (rounded down, at least 0);
 *       {@code X-Data-Freshness}: the answer's freshness as an ISO-8601 instant ({@code Instant.toString()}).</li>
 *   <li>when {@code ifNoneMatch} (the request's {@code If-None-Match}, null if absent) lists the current tag — alone,
 *       among others separated by commas, or as {@code *} — the reply is 304 with an empty body and the same three
 *       headers; otherwise 200 with the body.</li>
 * </ul>
 */
public interface AnswerCache {

    Reply serve(String key, Step granularity, String ifNoneMatch, Callable<Answer> compute) throws Exception;
}
