package streamworkbook.week12;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A ClickHouse query with its parameters kept apart from its text: the SQL names each value with a typed placeholder
 * ({@code {from:DateTime64(3, 'UTC')}}, {@code {n:UInt16}}) and the values travel beside it, as the HTTP interface's
 * {@code param_from}, {@code param_n}. The server parses each value as its placeholder's type — a value that is not
 * one is an error, never SQL — so nothing a request says can change what the query does.
 *
 * @param sql    the statement, with {@code {name:Type}} placeholders
 * @param params each placeholder's value in ClickHouse's text form (see {@link #with})
 */
public record BoundQuery(String sql, Map<String, String> params) {

    private static final DateTimeFormatter DATE_TIME_64 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public BoundQuery {
        Objects.requireNonNull(sql, "sql");
        params = Map.copyOf(params);
    }

    public static BoundQuery of(String sql) {
        return new BoundQuery(sql, Map.of());
    }

    /**
     * This query with one more parameter. Instants are written as UTC {@code yyyy-MM-dd HH:mm:ss.SSS}, what a
     * {@code DateTime64(3, 'UTC')} placeholder reads (a {@code DateTime('UTC')} placeholder refuses the milliseconds:
     * give it {@code instant.getEpochSecond()}); numbers and strings as they are.
     */
    public BoundQuery with(String name, Object value) {
        Map<String, String> more = new LinkedHashMap<>(params);
        more.put(name, text(value));
        return new BoundQuery(sql, more);
    }

    static String text(Object value) {
        if (value instanceof Instant t) {
            return DATE_TIME_64.format(t);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(Objects.requireNonNull(value, "a parameter's value"));
    }
}
