package streamworkbook.chdb.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The URL parameters of a request, decoded like an HTML form ({@code +} is a space), in order.
 * A parameter given twice keeps its last value, which is what applying them in order amounts to.
 */
final class UrlParameters {

    private final Map<String, String> values;

    private UrlParameters(Map<String, String> values) {
        this.values = values;
    }

    static UrlParameters parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue; // "?&a=b" and "a=b&&c=d" happen; ClickHouse skips the empty names too
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.remove(name);
                values.put(name, value);
            }
        }
        return new UrlParameters(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%': keep the text as sent rather than failing the whole request
        }
    }

    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** ClickHouse's reading of a boolean parameter: {@code 1}/{@code true} are true. */
    boolean flag(String name) {
        String v = values.get(name);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    Map<String, String> all() {
        return Collections.unmodifiableMap(values);
    }
}
