package streamworkbook.chdb.bench;

import streamworkbook.chdb.ChdbServerMain;
import streamworkbook.chdb.ForkedJvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How chdb-server serves many queries at once and large results: {@link ChdbServerMain} runs as a
 * process of its own (as kit starts it), so its memory can be read from /proc.
 *
 * <ol>
 *   <li>eight {@code SELECT sleep(1)} at once: wall time;</li>
 *   <li>dashboard load: {@code bench.clients} (16) clients, each running {@code bench.queries} (20)
 *       queries in turn — per-minute aggregates, a top-N, a uniq — over {@code bench.rows} (10M)
 *       rows; p50/p99 latency;</li>
 *   <li>a 30M-row {@code SELECT number, toString(number)} read to the end and discarded: bytes,
 *       time to the first byte, the server's peak RSS (VmHWM) before and after.</li>
 * </ol>
 *
 * <pre>
 *   mvn -B -q -pl chdb-server test-compile exec:exec \
 *       -Dexec.executable=java -Dexec.classpathScope=test \
 *       -Dexec.args="-cp %classpath streamworkbook.chdb.bench.ServingBenchmark"
 * </pre>
 */
public final class ServingBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 10_000_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int QUERIES = Integer.getInteger("bench.queries", 20);
    private static final long STREAM_ROWS = Long.getLong("bench.streamRows", 30_000_000L);
    private static final Pattern READY = Pattern.compile("listening on (http://\\S+)");

    private static final String[] DASHBOARD = {
        "SELECT toStartOfMinute(ts) AS minute, count(), sum(amount) FROM bench.events GROUP BY minute ORDER BY minute",
        "SELECT user_id, count() AS c FROM bench.events GROUP BY user_id ORDER BY c DESC LIMIT 10",
        "SELECT event, uniq(user_id) FROM bench.events GROUP BY event ORDER BY event",
    };

    private ServingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("chdb-serving-bench");
        Process server = ForkedJvm.builder(List.of("-Xmx1g"), ChdbServerMain.class, "--port", "0", "--path", data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String url = readyUrl(server);
            System.out.printf("server pid %d at %s, cores=%d%n%n", server.pid(), url,
                    Runtime.getRuntime().availableProcessors());
            sleeps(url);
            dashboard(url);
            stream(url, server.pid());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void sleeps(String url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> post(url, "SELECT sleep(1)")));
        }
        for (Future<String> a : answers) {
            a.get();
        }
        System.out.printf("8 x SELECT sleep(1) at once: %.2f s%n%n", (System.nanoTime() - start) / 1e9);
        pool.shutdown();
    }

    private static void dashboard(String url) throws Exception {
        post(url, "CREATE DATABASE IF NOT EXISTS bench");
        post(url, "CREATE TABLE bench.events (ts DateTime, user_id UInt64, event LowCardinality(String),"
                + " amount Decimal(12, 2)) ENGINE = MergeTree ORDER BY ts");
        long load = System.nanoTime();
        post(url, "INSERT INTO bench.events SELECT toDateTime('2026-01-01 00:00:00') + intDiv(number, 1000),"
                + " number % 100000, ['view', 'cart', 'buy', 'search'][number % 4 + 1], (number % 1000) / 10"
                + " FROM numbers(" + ROWS + ")");
        System.out.printf("loaded %,d rows in %.1f s%n", ROWS, (System.nanoTime() - load) / 1e9);
        post(url, "OPTIMIZE TABLE bench.events FINAL");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Long>>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                List<Long> millis = new ArrayList<>();
                for (int q = 0; q < QUERIES; q++) {
                    long t = System.nanoTime();
                    post(url, DASHBOARD[(client + q) % DASHBOARD.length]);
                    millis.add((System.nanoTime() - t) / 1_000_000);
                }
                return millis;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : clients) {
            all.addAll(f.get());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        System.out.printf("%d clients x %d dashboard queries over %,d rows: p50 %d ms, p99 %d ms, max %d ms,"
                        + " %.1f queries/s (wall %.1f s)%n%n", CLIENTS, QUERIES, ROWS, percentile(all, 50),
                percentile(all, 99), all.get(all.size() - 1), all.size() / wall, wall);
    }

    private static void stream(String url, long pid) throws Exception {
        long before = peakRssKb(pid);
        long start = System.nanoTime();
        HttpURLConnection http = (HttpURLConnection) URI.create(url + "/").toURL().openConnection();
        http.setDoOutput(true);
        try (OutputStream out = http.getOutputStream()) {
            out.write(("SELECT number, toString(number) FROM numbers(" + STREAM_ROWS + ")").getBytes(StandardCharsets.UTF_8));
        }
        long bytes = 0;
        long firstByte = -1;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = http.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (firstByte < 0) {
                    firstByte = System.nanoTime() - start;
                }
                bytes += n;
            }
        }
        long after = peakRssKb(pid);
        System.out.printf("SELECT number, toString(number) FROM numbers(%,d): %,d bytes in %.2f s, first byte after"
                        + " %d ms; server VmHWM %,d kB before, %,d kB after: +%,d kB%n", STREAM_ROWS, bytes,
                (System.nanoTime() - start) / 1e9, firstByte / 1_000_000, before, after, after - before);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for " + pid);
    }

    private static String post(String url, String sql) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create(url + "/?query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8)).toURL().openConnection();
        http.setRequestMethod("POST");
        int status = http.getResponseCode();
        try (InputStream in = status == 200 ? http.getInputStream() : http.getErrorStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException(sql + ": " + body);
            }
            return body;
        }
    }

    private static String readyUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("the server exited before it was ready");
    }
}
