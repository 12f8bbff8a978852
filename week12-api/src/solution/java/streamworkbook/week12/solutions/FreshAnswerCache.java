package streamworkbook.week12.solutions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import streamworkbook.week12.Answer;
import streamworkbook.week12.AnswerCache;
import streamworkbook.week12.Reply;
import streamworkbook.week12.Step;

/** Reference solution of exercise 12.2. */
public class FreshAnswerCache implements AnswerCache {

    /** A computed answer with its tag, the moment it was made and how long it may live. */
    private record Entry(Answer answer, String etag, long bornNanos, long ttlNanos) {
    }

    private final Ticker ticker;
    private final Cache<String, Entry> cache;

    public FreshAnswerCache(Ticker ticker) {
        this.ticker = ticker;
        this.cache = Caffeine.newBuilder()
                .ticker(ticker)                         // ages measured on the given clock (tests move it themselves)
                .maximumSize(10_000)                    // bounded: a client cannot fill the heap with distinct ranges
                .expireAfter(Expiry.<String, Entry>creating((key, entry) -> java.time.Duration.ofNanos(entry.ttlNanos())))
                .build();
    }

    @Override
    public Reply serve(String key, Step granularity, String ifNoneMatch, Callable<Answer> compute) throws Exception {
        Entry entry;
        try {
            // one computation per key however many requests wait for it; a throwing loader caches nothing
            entry = cache.get(key, k -> {
                try {
                    Answer answer = compute.call();
                    return new Entry(answer, etag(answer.body()), ticker.read(), granularity.ttl().toNanos());
                } catch (Exception e) {
                    throw new Failed(e);
                }
            });
        } catch (Failed f) {
            throw f.cause;
        }
        long leftNanos = entry.bornNanos() + entry.ttlNanos() - ticker.read();
        Map<String, String> headers = Map.of(
                "ETag", entry.etag(),
                "Cache-Control", "public, max-age=" + Math.max(0, leftNanos / 1_000_000_000L),
                "X-Data-Freshness", entry.answer().freshness().toString());
        if (matches(ifNoneMatch, entry.etag())) {
            return new Reply(304, headers, new byte[0]);
        }
        return new Reply(200, headers, entry.answer().body());
    }

    /** If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix does not matter, * matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    /** A strong tag from the body's bytes: equal bodies, equal tags, however often they are computed. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Carries a checked exception out of Caffeine's loader. */
    private static final class Failed extends RuntimeException {
        final Exception cause;

        Failed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
