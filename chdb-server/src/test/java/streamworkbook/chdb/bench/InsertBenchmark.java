package streamworkbook.chdb.bench;

import streamworkbook.chdb.ChdbServer;
import streamworkbook.chdb.engine.ChdbConnection;
import streamworkbook.chdb.engine.ChdbEngine;
import streamworkbook.chdb.engine.ChdbResult;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * How much the HTTP server costs compared with chDB called directly, for the workbook's typical
 * load: JDBC batch inserts of 1M rows × 5 columns and a GROUP BY minute over them.
 *
 * <p>Four ways to insert the same rows, each timed: chDB in-process ({@code INSERT … FROM INFILE} of
 * RowBinary files, the baseline), the same files POSTed to the server, and the JDBC driver's two
 * batch paths. Then the same aggregate query through the server and in-process. Run from the
 * repository root:
 * <pre>
 *   mvn -B -q -pl chdb-server test-compile org.codehaus.mojo:exec-maven-plugin:3.6.2:exec \
 *       -Dexec.executable=java -Dexec.classpathScope=test \
 *       -Dexec.args="-cp %classpath streamworkbook.chdb.bench.InsertBenchmark"
 * </pre>
 * Options as system properties: {@code -Dbench.rows=1000000 -Dbench.batch=100000 -Dbench.rounds=3
 * -Dbench.queries=50}.
 */
public final class InsertBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 100_000);
    private static final int QUERIES = Integer.getInteger("bench.queries", 50);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final String[] EVENTS = {"view", "click", "add_to_cart", "checkout", "purchase"};
    private static final String TABLE = "(ts DateTime64(3), user_id UInt64, event LowCardinality(String),"
            + " amount Decimal(12, 2), page String) ENGINE = MergeTree ORDER BY (event, ts)";
    private static final String AGGREGATE = "SELECT toStartOfMinute(ts) AS minute, count() AS events,"
            + " sum(amount) AS revenue, uniq(user_id) AS users FROM %s GROUP BY minute ORDER BY minute";

    private InsertBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("chdb-bench-");
        System.out.printf(Locale.ROOT, "rows=%d batch=%d rounds=%d queries=%d cores=%d%n", ROWS, BATCH, ROUNDS, QUERIES,
                Runtime.getRuntime().availableProcessors());
        try (ChdbServer server = ChdbServer.builder().port(0).dataPath(data).build().start();
             ChdbEngine engine = ChdbEngine.open(data)) {
            ChdbConnection raw = engine.connect();
            exec(raw, "CREATE DATABASE bench");

            // warm-up: JIT, driver, engine caches
            jdbcInsert(server, "bench.warm_values", false, 50_000);
            jdbcInsert(server, "bench.warm_rowbinary", true, 50_000);
            httpInsert(server, raw, data, "bench.warm_http", 50_000);
            rawInsert(raw, data, "bench.warm_raw", 50_000);

            // rounds interleave the methods, and every measurement starts with no merge running,
            // so background work of one measurement does not land on the next
            double[][] seconds = new double[4][ROUNDS];
            double[][] driverSide = new double[2][ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                seconds[0][r] = settled(raw, "bench.raw_" + r, rawInsert(raw, data, "bench.raw_" + r, ROWS));
                seconds[1][r] = settled(raw, "bench.http_" + r, httpInsert(server, raw, data, "bench.http_" + r, ROWS));
                double[] rowBinary = jdbcInsert(server, "bench.jdbc_rowbinary_" + r, true, ROWS);
                seconds[2][r] = settled(raw, "bench.jdbc_rowbinary_" + r, rowBinary[0]);
                driverSide[0][r] = rowBinary[1];
                double[] values = jdbcInsert(server, "bench.jdbc_values_" + r, false, ROWS);
                seconds[3][r] = settled(raw, "bench.jdbc_values_" + r, values[0]);
                driverSide[1][r] = values[1];
            }
            double direct = median(seconds[0]);
            System.out.printf(Locale.ROOT, "%nINSERT %,d rows x 5 columns in batches of %,d (median of %d rounds)%n",
                    ROWS, BATCH, ROUNDS);
            row("chDB in-process, FROM INFILE RowBinary", seconds[0], direct);
            row("server, HTTP POST of RowBinary batches", seconds[1], direct);
            row("server, JDBC RowBinary", seconds[2], direct);
            row("server, JDBC VALUES (driver default)", seconds[3], direct);
            System.out.printf(Locale.ROOT, "  time spent in the driver's setXxx()/addBatch() (before any request):"
                    + " RowBinary %.2f s, VALUES %.2f s%n", median(driverSide[0]), median(driverSide[1]));

            String source = "bench.raw_0";
            double[] viaServer = new double[QUERIES];
            double[] viaChdb = new double[QUERIES];
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "default", "");
                 Statement s = c.createStatement()) {
                for (int i = -3; i < QUERIES; i++) { // alternate the two, after three unmeasured runs of each
                    double a = serverQuery(s, source);
                    double b = rawQuery(raw, source);
                    if (i >= 0) {
                        viaServer[i] = a;
                        viaChdb[i] = b;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%nGROUP BY minute over %,d rows, %d runs each (ms)%n", ROWS, QUERIES);
            System.out.printf(Locale.ROOT, "  %-42s p50 %7.1f  p99 %7.1f%n", "chDB in-process", p(viaChdb, 50),
                    p(viaChdb, 99));
            System.out.printf(Locale.ROOT, "  %-42s p50 %7.1f  p99 %7.1f  (p50 %.2fx chDB)%n", "server, JDBC",
                    p(viaServer, 50), p(viaServer, 99), p(viaServer, 50) / p(viaChdb, 50));
            engine.close(raw);
        } finally {
            deleteTree(data);
        }
    }

    /** Merges the table's parts and waits until no merge runs, then passes {@code seconds} through. */
    private static double settled(ChdbConnection raw, String table, double seconds) throws InterruptedException {
        exec(raw, "OPTIMIZE TABLE " + table + " FINAL");
        while (true) {
            try (ChdbResult r = raw.query("SELECT count() FROM system.merges", "TabSeparated")) {
                if (r.text().strip().equals("0")) {
                    return seconds;
                }
            }
            Thread.sleep(50);
        }
    }

    private static void row(String name, double[] rounds, double baseline) {
        double seconds = median(rounds);
        System.out.printf(Locale.ROOT, "  %-42s %6.2f s  %,10.0f rows/s  %.2fx chDB   rounds %s%n", name, seconds,
                ROWS / seconds, seconds / baseline, Arrays.toString(Arrays.stream(rounds)
                        .map(x -> Math.round(x * 100) / 100.0).toArray()));
    }

    private static double median(double[] values) {
        return p(values, 50);
    }

    /**
     * Batch-inserts {@code rows} generated rows through the driver; returns {total seconds, seconds
     * spent outside executeBatch(), i.e. in the driver's per-row setters and addBatch()}.
     */
    private static double[] jdbcInsert(ChdbServer server, String table, boolean rowBinary, int rows) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "default");
        p.setProperty("password", "");
        if (rowBinary) {
            p.setProperty("beta.row_binary_for_simple_insert", "true");
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), p)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " " + TABLE);
            }
            long start = System.nanoTime();
            long inExecute = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + table + " (ts, user_id, event, amount, page) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setTimestamp(1, new Timestamp(T0 + i * 37L));
                    ps.setLong(2, userId(i));
                    ps.setString(3, EVENTS[i % EVENTS.length]);
                    ps.setBigDecimal(4, amount(i));
                    ps.setString(5, page(i));
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0 || i + 1 == rows) {
                        long sent = System.nanoTime();
                        ps.executeBatch();
                        inExecute += System.nanoTime() - sent;
                    }
                }
            }
            long total = System.nanoTime() - start;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count() FROM " + table)) {
                rs.next();
                if (rs.getLong(1) != rows) {
                    throw new IllegalStateException(table + " has " + rs.getLong(1) + " rows, expected " + rows);
                }
            }
            return new double[] {total / 1e9, (total - inExecute) / 1e9};
        }
    }

    /**
     * The same rows as RowBinary files of one batch each, inserted with FROM INFILE on a connection
     * of our own: the engine's cost without HTTP and driver. Writing the files is not timed.
     */
    private static double rawInsert(ChdbConnection raw, Path data, String table, int rows) throws IOException {
        exec(raw, "CREATE TABLE " + table + " " + TABLE);
        List<Path> files = writeBatches(data, table, rows);
        long start = System.nanoTime();
        for (Path file : files) {
            exec(raw, "INSERT INTO " + table + " FROM INFILE '" + file + "' FORMAT RowBinary");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        deleteAll(files);
        return seconds;
    }

    private static List<Path> writeBatches(Path data, String table, int rows) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int from = 0; from < rows; from += BATCH) {
            Path file = data.resolve("bench-" + table + "-" + from + ".rowbinary");
            writeRowBinary(file, from, Math.min(rows, from + BATCH));
            files.add(file);
        }
        return files;
    }

    private static void deleteAll(List<Path> files) throws IOException {
        for (Path file : files) {
            Files.delete(file);
        }
    }

    /**
     * The same RowBinary batches POSTed as {@code INSERT … FORMAT RowBinary} bodies with the JDK's HTTP
     * client (what {@code curl --data-binary} does): the server's own cost — HTTP, spooling, engine —
     * without the driver's row-by-row serialization. Writing the files is not timed.
     */
    private static double httpInsert(ChdbServer server, ChdbConnection raw, Path data, String table, int rows)
            throws IOException, InterruptedException {
        exec(raw, "CREATE TABLE " + table + " " + TABLE);
        List<Path> files = writeBatches(data, table, rows);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(server.url() + "/?query=" + URLEncoder.encode("INSERT INTO " + table + " FORMAT RowBinary",
                StandardCharsets.UTF_8));
        long start = System.nanoTime();
        for (Path file : files) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.body());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        deleteAll(files);
        return seconds;
    }

    private static double serverQuery(Statement s, String table) throws SQLException {
        long start = System.nanoTime();
        long minutes = 0;
        try (ResultSet rs = s.executeQuery(String.format(AGGREGATE, table))) {
            while (rs.next()) {
                minutes++;
            }
        }
        if (minutes == 0) {
            throw new IllegalStateException("empty result");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The same query on a connection of our own, in the format the driver asks the server for. */
    private static double rawQuery(ChdbConnection raw, String table) {
        long start = System.nanoTime();
        try (ChdbResult r = raw.query(String.format(AGGREGATE, table), "RowBinaryWithNamesAndTypes")) {
            if (r.failed() || r.length() == 0) {
                throw new IllegalStateException(String.valueOf(r.error()));
            }
            r.text();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void writeRowBinary(Path file, int from, int to) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
             DataOutputStream out = new DataOutputStream(os)) {
            for (int i = from; i < to; i++) {
                writeLongLE(out, T0 + i * 37L);                                    // DateTime64(3): Int64 ms
                writeLongLE(out, userId(i));                                       // UInt64
                writeString(out, EVENTS[i % EVENTS.length]);                      // LowCardinality(String)
                writeLongLE(out, amount(i).unscaledValue().longValueExact());     // Decimal(12,2): Int64
                writeString(out, page(i));                                         // String
            }
        }
    }

    private static void writeLongLE(DataOutputStream out, long v) throws IOException {
        out.writeLong(Long.reverseBytes(v));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int n = b.length; ; n >>>= 7) { // LEB128 length
            if (n < 0x80) {
                out.write(n);
                break;
            }
            out.write((n & 0x7f) | 0x80);
        }
        out.write(b);
    }

    private static long userId(int i) {
        return 1_000 + (i * 7919L) % 50_000;
    }

    private static BigDecimal amount(int i) {
        return BigDecimal.valueOf((i % 10_000) * 13L, 2);
    }

    private static String page(int i) {
        return "/products/" + (i % 997);
    }

    private static void exec(ChdbConnection c, String sql) {
        try (ChdbResult r = c.query(sql, "TabSeparated")) {
            if (r.failed()) {
                throw new IllegalStateException(r.error());
            }
        }
    }

    private static double p(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
