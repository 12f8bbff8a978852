package streamworkbook.chdb.http;

import com.sun.net.httpserver.Headers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How one HTTP request wants its query run, read the way ClickHouse's HTTP handler reads it:
 * headers win over URL parameters for database and default format, {@code param_x} parameters
 * bind {@code {x:Type}} placeholders, and every other non-reserved parameter is a setting for
 * this query alone.
 */
record QueryRequest(String queryId, boolean readOnly, String database, String defaultFormat,
                    Map<String, String> settings, Map<String, String> parameters,
                    boolean compressResponse, boolean decompressBody,
                    boolean waitEndOfQuery, int bufferBytes, SessionParameters session) {

    /** {@code session_id} and what goes with it; {@code id} is null for a request without a session. */
    record SessionParameters(String id, boolean check, String timeout, boolean close) {
    }

    /** Parameters the HTTP handler consumes itself; none of them is a setting. */
    private static final Set<String> RESERVED = Set.of(
            "query", "database", "default_format", "compress", "decompress", "user", "password", "quota_key",
            "query_id", "stacktrace", "buffer_size", "wait_end_of_query", "session_id", "session_timeout",
            "session_check", "client_protocol_version", "close_session");

    private static final String PARAMETER_PREFIX = "param_";

    static QueryRequest of(UrlParameters params, Headers headers, boolean readOnly) {
        String queryId = firstNonEmpty(params.get("query_id"), headers.getFirst("X-ClickHouse-Query-Id"));
        String database = firstNonEmpty(headers.getFirst("X-ClickHouse-Database"), params.get("database"));
        String format = firstNonEmpty(headers.getFirst("X-ClickHouse-Format"), params.get("default_format"));
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.all().entrySet()) {
            String name = e.getKey();
            if (name.startsWith(PARAMETER_PREFIX) && name.length() > PARAMETER_PREFIX.length()) {
                parameters.put(name.substring(PARAMETER_PREFIX.length()), e.getValue());
            } else if (!RESERVED.contains(name)) {
                settings.put(name, e.getValue());
            }
        }
        String sessionId = params.get("session_id");
        SessionParameters session = new SessionParameters(sessionId == null || sessionId.isEmpty() ? null : sessionId,
                params.flag("session_check"), params.get("session_timeout"), params.flag("close_session"));
        return new QueryRequest(queryId == null ? UUID.randomUUID().toString() : queryId, readOnly,
                database, format, Map.copyOf(settings), Map.copyOf(parameters),
                params.flag("compress"), params.flag("decompress"), params.flag("wait_end_of_query"),
                bufferBytes(params.get("buffer_size")), session);
    }

    /** {@code buffer_size}: bytes of the result held back before headers go out (at least the default). */
    private static int bufferBytes(String parameter) {
        if (parameter != null) {
            try {
                long wanted = Long.parseLong(parameter);
                return (int) Math.max(ResponseBody.DEFAULT_BUFFER_BYTES, Math.min(wanted, 64L << 20));
            } catch (NumberFormatException ignored) {
                // as a server does with a value it cannot read: the default
            }
        }
        return ResponseBody.DEFAULT_BUFFER_BYTES;
    }

    /** A setting's value if the request sets it, else null. */
    String setting(String name) {
        return settings.get(name);
    }

    private static String firstNonEmpty(String a, String b) {
        if (a != null && !a.isEmpty()) {
            return a;
        }
        return b != null && !b.isEmpty() ? b : null;
    }
}
