package streamworkbook.chdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What curl does, with the JDK's HTTP client: requests to the shared test server. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private final String path;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Http(String baseUrl, String path) {
        this.baseUrl = baseUrl;
        this.path = path;
    }

    static Http to(String path) {
        return new Http(TestServer.get().url(), path);
    }

    static Http query() {
        return to("/");
    }

    Http param(String name, String value) {
        params.put(name, value);
        return this;
    }

    Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpResponse<byte[]> get() {
        return send(HttpRequest.newBuilder(uri()).GET());
    }

    HttpResponse<byte[]> post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> post(byte[] body) {
        return send(HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private URI uri() {
        String query = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + path + (query.isEmpty() ? "" : "?" + query));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder) {
        headers.forEach(builder::header);
        try {
            return CLIENT.send(builder.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<byte[]> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
