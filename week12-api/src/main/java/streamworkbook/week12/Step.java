package streamworkbook.week12;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The granularity of an answer: a time series' step, and the level of week 6's {@code metrics} rollup that has it.
 * Each granularity says how long an answer of its kind stays fresh: a minute's data changes every minute, a day's
 * hardly within minutes — so the cache keeps each kind for its own time.
 */
public enum Step {
    MINUTE(Duration.ofMinutes(1), Duration.ofSeconds(10)),
    HOUR(Duration.ofHours(1), Duration.ofSeconds(60)),
    DAY(Duration.ofDays(1), Duration.ofMinutes(10));

    private final Duration size;
    private final Duration ttl;

    Step(Duration size, Duration ttl) {
        this.size = size;
        this.ttl = ttl;
    }

    /** As requests and the {@code metrics} table's {@code level} column spell it: {@code minute}, {@code hour}, {@code day}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Duration size() {
        return size;
    }

    /** How long an answer of this granularity may be served from the cache. */
    public Duration ttl() {
        return ttl;
    }

    /** {@code t} rounded down to a whole step (UTC; days start at midnight UTC). */
    public Instant floor(Instant t) {
        return switch (this) {
            case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
        };
    }

    /** {@code t} rounded up to a whole step. */
    public Instant ceil(Instant t) {
        Instant f = floor(t);
        return f.equals(t) ? t : f.plus(size);
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Step::wireName).toList();
    }

    /** The step of this wire name, or null. */
    public static Step byWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst().orElse(null);
    }
}
