package streamworkbook.chdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The one server every test in this JVM shares (chDB serves one data directory per process).
 * Started on first use on a free port, closed at JVM exit; tests isolate themselves with
 * databases of their own ({@link #newDatabase}).
 */
public final class TestServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static ChdbServer server;
    private static Path dataPath;

    private TestServer() {
    }

    public static synchronized ChdbServer get() {
        if (server == null) {
            try {
                Path root = Files.createDirectories(Path.of("target", "chdb-test-data"));
                dataPath = Files.createTempDirectory(root.toAbsolutePath(), "shared-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = ChdbServer.builder().port(0).dataPath(dataPath).user("alice", "s3cret").build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteTree(dataPath);
            }));
        }
        return server;
    }

    /** A JDBC connection with the driver's defaults: the URL carries no extra parameters. */
    public static Connection jdbc() throws SQLException {
        return jdbc(new Properties());
    }

    public static Connection jdbc(Properties properties) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "default");
        p.setProperty("password", "");
        p.putAll(properties);
        return DriverManager.getConnection(get().jdbcUrl(), p);
    }

    /** Creates a database no other test uses and returns its name. */
    public static String newDatabase(String purpose) throws SQLException {
        String name = purpose + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // test data under target/ goes with the next clean
        }
    }
}
