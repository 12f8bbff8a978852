package streamworkbook.week12;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer that is not the data asked for: the HTTP status and the JSON body that says why. Handlers throw it;
 * the server turns it into the response ({@code {"status":400,"error":"bad request","parameter":"from",…}}).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, Object> body;

    protected ApiException(int status, String error, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", status);
        b.put("error", error);
        b.put("message", message);
        b.putAll(details);
        this.body = Map.copyOf(b);
    }

    public int status() {
        return status;
    }

    /** The response body, as a JSON object. */
    public Map<String, Object> body() {
        return body;
    }

    /** 400: a parameter is missing, malformed or out of bounds. */
    public static final class BadRequest extends ApiException {
        private final String parameter;

        /**
         * @param parameter the parameter at fault, as the request names it
         * @param message   what is wrong, quoting what was received
         * @param allowed   what would be accepted (a list of names, a format, a bound)
         */
        public BadRequest(String parameter, String message, Object allowed) {
            super(400, "bad request", message, Map.of("parameter", parameter, "allowed", allowed));
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** 404: a well-formed name that names nothing, such as a metric that does not exist; lists the ones that do. */
    public static final class UnknownName extends ApiException {
        public UnknownName(String parameter, String name, List<String> known) {
            super(404, "not found", "there is no " + parameter + " '" + name + "'", Map.of("parameter", parameter, "known", known));
        }
    }

    /** 503: ClickHouse does not answer; the next request tries again (there is no state to reset). */
    public static final class Unavailable extends ApiException {
        public Unavailable(String message) {
            super(503, "service unavailable", message, Map.of("retry_after_seconds", 5));
        }
    }
}
