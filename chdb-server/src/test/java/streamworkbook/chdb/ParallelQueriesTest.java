package streamworkbook.chdb;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static streamworkbook.chdb.Http.text;

/**
 * Independent requests run at the same time. Proven with system.processes, not with a clock:
 * eight sleeping statements must all be listed as running at one moment.
 */
class ParallelQueriesTest {

    private static final int PARALLEL = 8;

    @Test
    void eightPostsRunAtTheSameTime() throws Exception {
        assertAllRunTogether(sql -> text(Http.query().post(sql)));
    }

    @Test
    void eightGetsRunAtTheSameTime() throws Exception {
        assertAllRunTogether(sql -> text(Http.query().param("query", sql).get()));
    }

    @Test
    void eightJdbcStatementsRunAtTheSameTime() throws Exception {
        assertAllRunTogether(sql -> {
            try (Connection c = TestServer.jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1) + "\n";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A long statement does not hold back short ones: they finish while it is still running. */
    @Test
    void shortQueriesPassALongOne() throws Exception {
        String marker = "long_" + System.nanoTime();
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            // six blocks of one row, one second each (sleep() allows 3 s per block)
            Future<String> slow = threads.submit(() -> text(Http.query().post("SELECT sum(sleepEachRow(1))"
                    + " FROM numbers(6) SETTINGS max_block_size = 1 /* " + marker + " */")));
            Processes.awaitRunning(marker, 1);
            for (int i = 0; i < 5; i++) {
                assertEquals(i + "\n", text(Http.query().post("SELECT " + i)));
                assertEquals("1\n", text(Http.query().param("query", "SELECT 1").get()));
            }
            assertFalse(slow.isDone());
            assertEquals(1, Processes.running(marker), "the long statement was still running");
            assertEquals("0\n", slow.get(1, TimeUnit.MINUTES));
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertAllRunTogether(Function<String, String> run) throws Exception {
        String marker = "together_" + System.nanoTime();
        // long enough that all eight overlap even when a loaded machine starts them slowly; the
        // test waits for them all to be listed, then for their (identical) answers
        String sql = "SELECT sleep(3) /* " + marker + " */";
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(threads.submit(() -> run.apply(sql)));
            }
            Processes.awaitRunning(marker, PARALLEL);
            for (Future<String> answer : answers) {
                assertEquals("0\n", answer.get(1, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
