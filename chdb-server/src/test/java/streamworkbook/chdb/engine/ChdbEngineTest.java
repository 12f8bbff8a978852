package streamworkbook.chdb.engine;

import org.junit.jupiter.api.Test;
import streamworkbook.chdb.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), BootSignalsMain.class.getName(), data.toString())
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

    @Test
    void twoConnectionsRunStatementsInParallelOneRunsThemInTurn() {
        try (ChdbEngine engine = ChdbEngine.open(TestServer.get().dataPath())) {
            ChdbConnection a = engine.connect();
            ChdbConnection b = engine.connect();
            long parallel = elapsedMillis(a, b);
            long serial = elapsedMillis(a, a);
            assertTrue(parallel < 1_800, "two connections took " + parallel + " ms for two 1 s sleeps");
            assertTrue(serial >= 2_000, "one connection took " + serial + " ms for two 1 s sleeps");
            engine.close(a);
            engine.close(b);
        }
    }

    private static long elapsedMillis(ChdbConnection first, ChdbConnection second) {
        long start = System.nanoTime();
        CompletableFuture<String> x = CompletableFuture.supplyAsync(() -> text(first, "SELECT sleep(1)"));
        CompletableFuture<String> y = CompletableFuture.supplyAsync(() -> text(second, "SELECT sleep(1)"));
        assertEquals("0\n", x.join());
        assertEquals("0\n", y.join());
        return (System.nanoTime() - start) / 1_000_000;
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
