package streamworkbook.kit.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import streamworkbook.chdb.engine.SignalChaining;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.InfraUnavailable;

/**
 * ClickHouse without Docker: the real ClickHouse engine (chDB, {@code libchdb.so}) behind the
 * ClickHouse-compatible HTTP server of the {@code chdb-server} module, in its own process so that
 * the tests' JVM never loads the native library, and so that it can be killed and restarted on
 * the same data.
 */
public final class LocalClickHouse implements AutoCloseable {

    static final String MAIN_CLASS = "streamworkbook.chdb.ChdbServerMain";

    private final int port;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final ServiceProcess process;

    private LocalClickHouse(int port, Path dataDir, boolean deleteOnClose) {
        this.port = port;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.process = ServiceProcess.java("ClickHouse (chDB server)", MAIN_CLASS,
                List.of("--port", String.valueOf(port), "--path", dataDir.resolve("data").toString()),
                dataDir.resolve("server.log"), port, "-Xmx1g",
                // chDB is called through JNA: Java 22+ warns on stderr about native access unless it is allowed
                // (Java 17 accepts the flag too)
                "--enable-native-access=ALL-UNNAMED")
                // the JDK's libjsig: without it a chDB connect can crash the server's JVM (chdb-server's SignalChaining)
                .withEnvironment(SignalChaining.launchEnvironment());
    }

    public static LocalClickHouse temporary() {
        try {
            return new LocalClickHouse(FreePorts.pick(), Files.createTempDirectory("workbook-clickhouse-"), true).start();
        } catch (IOException e) {
            throw new InfraUnavailable("cannot create a temporary directory for ClickHouse", e);
        }
    }

    /** A server on a fixed port whose data outlives it; fault tests kill and restart it. */
    public static LocalClickHouse persistent(int port, Path dataDir) {
        return new LocalClickHouse(port, dataDir, false).start();
    }

    private LocalClickHouse start() {
        try {
            Class.forName(MAIN_CLASS, false, LocalClickHouse.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new InfraUnavailable("the chdb-server module is not on the classpath: add a dependency on "
                    + "streamworkbook:chdb-server to use the local ClickHouse provider", e);
        }
        long started = System.nanoTime();
        // the first start may download chDB with npm (~170 MB): allow for it
        process.start(Duration.ofMinutes(10));
        System.err.printf("[workbook] ClickHouse (chDB) ready on %s in %d ms%n", httpUrl(),
                (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ClickHouseEndpoint endpoint() {
        return ClickHouseEndpoint.of(httpUrl(), "default", "");
    }

    /** {@code kill -9} of the server process: nothing flushed, nothing closed. */
    public void kill() {
        process.kill();
    }

    public void restart() {
        process.start(Duration.ofMinutes(2));
    }

    @Override
    public void close() {
        process.stop();
        if (deleteOnClose) {
            Directories.deleteQuietly(dataDir);
        }
    }
}
