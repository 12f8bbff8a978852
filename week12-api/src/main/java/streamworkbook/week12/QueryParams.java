package streamworkbook.week12;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request's query string, as Javalin parsed it: each name with the values it was given. */
public record QueryParams(Map<String, List<String>> values) {

    public QueryParams {
        values = Map.copyOf(values);
    }

    public static QueryParams of(Map<String, List<String>> values) {
        return new QueryParams(values);
    }

    /** {@code name=value&…} pairs, for tests: {@code QueryParams.of("metric", "revenue", "step", "hour")}. */
    public static QueryParams of(String... pairs) {
        java.util.LinkedHashMap<String, List<String>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return new QueryParams(m);
    }

    /**
     * The one value of {@code name}, or empty when the request does not have it. A parameter given twice is
     * ambiguous: {@link ApiException.BadRequest}.
     */
    public Optional<String> value(String name) {
        List<String> v = values.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.size() > 1) {
            throw new ApiException.BadRequest(name, name + " is given " + v.size() + " times", "one value");
        }
        return Optional.of(v.get(0));
    }
}
