package streamworkbook.chdb.engine;

import org.junit.jupiter.api.Test;
import streamworkbook.chdb.ForkedJvm;
import streamworkbook.chdb.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JNA binding: sessions, parallelism, and the JVM's signal handling next to ClickHouse. */
class ChdbEngineTest {

    @Test
    void connectingLeavesTheJvmsSignalHandlersInPlace() {
        Path data = TestServer.get().dataPath();
        try (ChdbEngine engine = ChdbEngine.open(data)) {
            SignalHandlers before = SignalHandlers.save();
            ChdbConnection c = engine.connect();
            assertEquals(List.of(), before.changedSince());
            engine.close(c);
        }
    }

    /** The first connect boots ClickHouse, which installs handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL … */
    @Test
    void bootingTheEngineLeavesTheJvmsSignalHandlersInPlace() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chdb-test-data"))
                .toAbsolutePath(), "boot-");
        Process p = ForkedJvm.builder(List.of("-Xmx128m"), BootSignalsMain.class, data.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertEquals("changed=[] count=1000000\n", output);
        streamworkbook.chdb.TestServer.deleteTree(data);
    }

    /**
     * Compiled code turns a null dereference into SIGSEGV and relies on the JVM's handler to make it
     * a NullPointerException; with ClickHouse's handler in its place the JVM would crash here.
     */
    @Test
    void implicitNullChecksStillWorkAfterTheEngineBooted() {
        TestServer.get();
        int caught = 0;
        for (int i = 0; i < 300_000; i++) {
            int[] array = (i % 1000 == 0) ? null : new int[1];
            try {
                caught += length(array) * 0;
            } catch (NullPointerException e) {
                caught++;
            }
        }
        assertEquals(300, caught);
    }

    private static int length(int[] array) {
        return array.length;
    }

    /**
     * Proven without timing: while two statements sleep on two connections, a third connection
     * sees both of them in system.processes at the same moment. One connection runs its
     * statements in turn: while the first sleeps, the second is not yet among the processes.
     */
    @Test
    void connectionsRunStatementsAtTheSameTimeOneConnectionRunsThemInTurn() throws Exception {
        try (ChdbEngine engine = ChdbEngine.open(TestServer.get().dataPath())) {
            ChdbConnection a = engine.connect();
            ChdbConnection b = engine.connect();
            ChdbConnection observer = engine.connect();
            String tag = "parallel_" + System.nanoTime();
            assertEquals(2, maxRunningTogether(observer, tag, a, b));
            String serialTag = "serial_" + System.nanoTime();
            assertEquals(1, maxRunningTogether(observer, serialTag, a, a));
            engine.close(a);
            engine.close(b);
            engine.close(observer);
        }
    }

    /** Runs a 2 s sleep on each connection from two threads; the most seen running at once. */
    private static int maxRunningTogether(ChdbConnection observer, String tag, ChdbConnection first,
                                          ChdbConnection second) throws Exception {
        String sleep = "SELECT sleep(2) /* " + tag + " */";
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> x = threads.submit(() -> text(first, sleep));
            Future<String> y = threads.submit(() -> text(second, sleep));
            int most = 0;
            while (!x.isDone() || !y.isDone()) {
                most = Math.max(most, Integer.parseInt(text(observer, "SELECT count() FROM system.processes"
                        + " WHERE query LIKE '%/* " + tag + " */%' AND query NOT LIKE '%system.processes%'").strip()));
                Thread.sleep(50);
            }
            assertEquals("0\n", x.get());
            assertEquals("0\n", y.get());
            return most;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aResultStaysValidWhileItsConnectionRunsOtherStatements() {
        try (ChdbEngine engine = ChdbEngine.open(TestServer.get().dataPath())) {
            ChdbConnection c = engine.connect();
            try (ChdbResult first = c.query("SELECT 'first', number FROM numbers(3)", "CSV");
                 ChdbResult second = c.query("SELECT 'second'", "CSV")) {
                assertEquals("\"second\"\n", second.text());
                assertEquals("\"first\",0\n\"first\",1\n\"first\",2\n", first.text());
                assertEquals(3, first.resultRows());
            }
            try (ChdbResult error = c.query("SELECT nope()", "CSV")) {
                assertTrue(error.failed());
                assertTrue(error.error().startsWith("Code: 46. DB::Exception: Function with name `nope` does not exist."),
                        error.error());
                assertEquals(0, error.length());
            }
            engine.close(c);
        }
    }

    @Test
    void oneDataDirectoryPerProcess() throws Exception {
        Path data = TestServer.get().dataPath();
        Path other = Files.createTempDirectory("chdb-other-");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChdbEngine.open(other));
        assertEquals("chDB serves one data directory per process: " + data + " is open, so "
                + other.toAbsolutePath().normalize() + " cannot be opened in this JVM", e.getMessage());
        Files.delete(other);
    }

    private static String text(ChdbConnection c, String sql) {
        try (ChdbResult r = c.query(sql, "TabSeparated")) {
            if (r.failed()) {
                throw new IllegalStateException(r.error());
            }
            return r.text();
        }
    }
}
