package streamworkbook.week12;

import java.util.Map;

/**
 * What the server sends for one GET: a status, headers and a body ({@code 304}: an empty body).
 *
 * @param status  200 or 304
 * @param headers header names as HTTP spells them ({@code ETag}, {@code Cache-Control}, {@code X-Data-Freshness})
 * @param body    the JSON body; empty for a 304
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {

    public Reply {
        headers = Map.copyOf(headers);
    }
}
