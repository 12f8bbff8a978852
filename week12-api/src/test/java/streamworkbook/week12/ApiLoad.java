package streamworkbook.week12;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP loader for the API: {@code clients} threads each send GETs one after the other, until
 * {@code requests} were sent in all or {@code limit} has passed — always bounded in count and time, always to the
 * given (loopback) URL. Latencies go into an HdrHistogram (1 µs … 60 s, 3 significant digits).
 */
final class ApiLoad {

    /** What one run measured. */
    record Result(String name, int clients, Histogram latencies, long errors, String firstError) {
        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1000.0;
        }

        double maxMillis() {
            return latencies.getMaxValue() / 1000.0;
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiLoad() {
    }

    /** Sends {@code requests} GETs of {@code url.apply(i)} (i = 0, 1, …) from {@code clients} threads, at most for {@code limit}. */
    static Result run(String name, int clients, int requests, Duration limit, IntFunction<String> url) throws Exception {
        Histogram histogram = new Histogram(1, 60_000_000, 3);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<String> firstError = new ArrayList<>();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(i))).timeout(Duration.ofSeconds(30))
                                .header("Accept-Encoding", "gzip").GET().build();
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            long micros = (System.nanoTime() - start) / 1_000;
                            synchronized (histogram) {
                                histogram.recordValue(Math.max(1, Math.min(micros, 60_000_000)));
                            }
                            if (r.statusCode() != 200) {
                                note(errors, firstError, r.statusCode() + " " + new String(r.body()));
                            }
                        } catch (Exception e) {
                            note(errors, firstError, e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(name, clients, histogram, errors.get(), firstError.isEmpty() ? null : firstError.get(0));
    }

    private static void note(AtomicLong errors, List<String> first, String what) {
        errors.incrementAndGet();
        synchronized (first) {
            if (first.isEmpty()) {
                first.add(what);
            }
        }
    }
}
