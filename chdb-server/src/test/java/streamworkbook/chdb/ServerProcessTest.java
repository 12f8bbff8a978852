package streamworkbook.chdb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ChdbServerMain as the kit runs it: its own process, killed, restarted, stopped. */
class ServerProcessTest {

    private static Path root;

    @BeforeAll
    static void directories() throws IOException {
        root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chdb-test-data")).toAbsolutePath(),
                "process-");
    }

    @AfterAll
    static void cleanUp() {
        TestServer.deleteTree(root);
    }

    @Test
    void dataSurvivesKill9AndRestart() throws Exception {
        Path data = root.resolve("kill9-data");
        try (ServerProcess first = ServerProcess.start(root.resolve("kill9-run1"), data)) {
            try (Connection c = connect(first, true); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE shop");
                s.execute("CREATE TABLE shop.orders (id UInt64, amount Decimal(12, 2), note String)"
                        + " ENGINE = MergeTree ORDER BY id");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO shop.orders (id, amount, note) VALUES (?, ?, ?)")) {
                    for (int i = 1; i <= 10_000; i++) {
                        ps.setLong(1, i);
                        ps.setBigDecimal(2, java.math.BigDecimal.valueOf(i, 2));
                        ps.setString(3, "order\n\n" + i);
                        ps.addBatch();
                    }
                    assertEquals(10_000, ps.executeBatch().length);
                }
                assertEquals(5, s.executeUpdate("INSERT INTO shop.orders SELECT 10000 + number, 1, 'x' FROM numbers(5)"));
            }
            first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertEquals(137, first.waitForExit());
        }
        try (ServerProcess second = ServerProcess.start(root.resolve("kill9-run2"), data)) {
            try (Connection c = connect(second, false); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(), sum(id), sum(amount), countIf(note LIKE 'order\\n\\n%')"
                         + " FROM shop.orders")) {
                assertTrue(rs.next());
                assertEquals(10_005, rs.getLong(1));
                assertEquals(10_000L * 10_001 / 2 + 5 * 10_000 + 10, rs.getLong(2));
                assertEquals(new java.math.BigDecimal("500055.00"), rs.getBigDecimal(3));
                assertEquals(10_000, rs.getLong(4));
                assertEquals(1, s.executeUpdate("INSERT INTO shop.orders VALUES (20000, 2, 'after restart')"));
            }
            second.process.destroy();
            assertEquals(0, second.waitForExit());
        }
    }

    @Test
    void sigtermStopsCleanlyWithExitZeroAndOneLineOnStdout() throws Exception {
        Path work = root.resolve("sigterm-run");
        Path data = root.resolve("sigterm-data");
        try (ServerProcess server = ServerProcess.start(work, data)) {
            try (Connection c = connect(server, false); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (n UInt64) ENGINE = MergeTree ORDER BY n");
                assertEquals(100_000, s.executeUpdate("INSERT INTO t SELECT number FROM numbers(100000)"));
            }
            server.process.destroy(); // SIGTERM
            assertEquals(0, server.waitForExit(), () -> "stderr: " + stderr(server));
            assertEquals("chdb-server listening on http://127.0.0.1:" + server.port() + "\n", server.stdoutText());
            assertEquals("", server.stderrText());
            assertEquals(List.of(), server.crashFiles());
            try (var spool = Files.list(data.resolve("http-spool"))) {
                assertEquals(0, spool.count());
            }
        }
        // the data directory is free again
        try (ServerProcess again = ServerProcess.start(root.resolve("sigterm-run2"), data)) {
            assertEquals("100000\n", Http.text(java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + again.port()
                            + "/?query=SELECT%20count()%20FROM%20t")).build(),
                    r -> java.net.http.HttpResponse.BodySubscribers.ofByteArray())));
            again.process.destroy();
            assertEquals(0, again.waitForExit());
            assertEquals(List.of(), again.crashFiles());
        }
    }

    @Test
    void refusesToStartWithOneClearMessage() throws Exception {
        Path data = root.resolve("busy-data");
        try (ServerProcess running = ServerProcess.start(root.resolve("busy-run"), data)) {
            ServerProcess sameData = ServerProcess.launch(root.resolve("busy-same-data"), "--port", "0",
                    "--path", data.toString());
            assertEquals(1, sameData.waitForExit());
            assertEquals("chdb-server: cannot start: the data directory " + data.toAbsolutePath().normalize()
                    + " is in use by another chdb-server; stop it or choose another --path\n", sameData.stderrText());
            assertEquals("", sameData.stdoutText());

            ServerProcess samePort = ServerProcess.launch(root.resolve("busy-same-port"), "--port",
                    Integer.toString(running.port()), "--path", root.resolve("other-data").toString());
            assertEquals(1, samePort.waitForExit());
            String message = samePort.stderrText();
            assertTrue(message.startsWith("chdb-server: cannot start: cannot listen on 127.0.0.1:" + running.port()
                    + ": "), message);
            assertEquals(1, message.lines().count(), message);
            assertEquals("", samePort.stdoutText());
            running.process.destroy();
            assertEquals(0, running.waitForExit());
        }
        ServerProcess noPath = ServerProcess.launch(root.resolve("no-path"), "--port", "0");
        assertEquals(2, noPath.waitForExit());
        assertTrue(noPath.stderrText().startsWith("chdb-server: --path is required"), noPath.stderrText());
        assertFalse(noPath.stderrText().contains("Exception"), noPath.stderrText());
    }

    private static Connection connect(ServerProcess server, boolean rowBinary) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "default");
        p.setProperty("password", "");
        p.setProperty("beta.row_binary_for_simple_insert", Boolean.toString(rowBinary));
        return DriverManager.getConnection(server.jdbcUrl(), p);
    }

    private static String stderr(ServerProcess server) {
        try {
            return server.stderrText();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
