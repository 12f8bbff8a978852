package streamworkbook.chdb;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writers and readers at once, through the driver and plain HTTP: nothing lost, nothing torn. */
class ConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int BATCHES = 20;
    private static final int ROWS_PER_BATCH = 2_500;

    @Test
    void concurrentWritersAndReadersEndWithExactCounts() throws Exception {
        String db = TestServer.newDatabase("hammer");
        String table = db + ".hammer";
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (writer UInt8, batch UInt32, seq UInt32, payload String)"
                    + " ENGINE = MergeTree ORDER BY (writer, batch, seq)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    write(table, writer, writer % 2 == 1); // half the writers take the RowBinary path
                    return null;
                }));
            }
            Future<Integer> jdbcReader = pool.submit(() -> readWithJdbc(table, writing));
            Future<Integer> httpReader = pool.submit(() -> readWithHttpGet(table, writing));
            for (Future<?> f : writers) {
                f.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            assertTrue(jdbcReader.get(1, TimeUnit.MINUTES) >= 3, "the JDBC reader should have overlapped the writers");
            assertTrue(httpReader.get(1, TimeUnit.MINUTES) >= 3, "the HTTP reader should have overlapped the writers");
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        long perWriter = (long) BATCHES * ROWS_PER_BATCH;
        long seqSum = (long) WRITERS * BATCHES * ((long) ROWS_PER_BATCH * (ROWS_PER_BATCH - 1) / 2);
        assertEquals(WRITERS * perWriter + "\t" + seqSum + "\t" + WRITERS * perWriter + "\n",
                Http.text(Http.query().post("SELECT count(), sum(seq), uniqExact(writer, batch, seq) FROM " + table)));
        assertEquals("0\t" + perWriter + "\n1\t" + perWriter + "\n2\t" + perWriter + "\n3\t" + perWriter + "\n",
                Http.text(Http.query().post("SELECT writer, count() FROM " + table + " GROUP BY writer ORDER BY writer")));
    }

    private static void write(String table, int writer, boolean rowBinary) throws Exception {
        Properties p = new Properties();
        p.setProperty("beta.row_binary_for_simple_insert", Boolean.toString(rowBinary));
        int[] ones = new int[ROWS_PER_BATCH];
        Arrays.fill(ones, 1);
        try (Connection c = TestServer.jdbc(p);
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (writer, batch, seq, payload)"
                     + " VALUES (?, ?, ?, ?)")) {
            for (int batch = 0; batch < BATCHES; batch++) {
                for (int seq = 0; seq < ROWS_PER_BATCH; seq++) {
                    ps.setInt(1, writer);
                    ps.setInt(2, batch);
                    ps.setInt(3, seq);
                    ps.setString(4, "w" + writer + "\n\nb" + batch + "\ts" + seq);
                    ps.addBatch();
                }
                assertArrayEquals(ones, ps.executeBatch());
            }
        }
    }

    /** Counts only ever grow, by whole batches (an INSERT is atomic); returns how many reads it made. */
    private static int readWithJdbc(String table, AtomicBoolean writing) throws Exception {
        int reads = 0;
        long last = 0;
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement()) {
            while (writing.get()) {
                try (ResultSet rs = s.executeQuery("SELECT count(), countIf(payload LIKE 'w%\\n\\nb%') FROM " + table)) {
                    assertTrue(rs.next());
                    long count = rs.getLong(1);
                    assertEquals(count, rs.getLong(2));
                    assertEquals(0, count % ROWS_PER_BATCH, "torn insert: " + count);
                    assertTrue(count >= last, count + " after " + last);
                    last = count;
                    reads++;
                }
            }
        }
        return reads;
    }

    private static int readWithHttpGet(String table, AtomicBoolean writing) {
        int reads = 0;
        long last = 0;
        while (writing.get()) {
            HttpResponse<byte[]> r = Http.query().param("query", "SELECT count() FROM " + table).get();
            assertEquals(200, r.statusCode(), Http.text(r));
            long count = Long.parseLong(Http.text(r).strip());
            assertEquals(0, count % ROWS_PER_BATCH, "torn insert: " + count);
            assertTrue(count >= last, count + " after " + last);
            last = count;
            reads++;
        }
        return reads;
    }
}
