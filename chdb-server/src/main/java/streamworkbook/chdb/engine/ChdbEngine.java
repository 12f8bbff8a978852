package streamworkbook.chdb.engine;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * chDB loaded into this process, serving one data directory.
 *
 * <p>ClickHouse keeps one storage path per process: connections may be opened and closed freely
 * on that path, but another path needs every connection closed first. Engines on the same path
 * may coexist (a server and a benchmark in one JVM); a different path is refused with a clear
 * message instead of chDB's undefined behaviour.
 */
public final class ChdbEngine implements AutoCloseable {

    private static final Object PROCESS = new Object();
    private static ChdbNative library;
    private static Path activeDataPath;
    private static int activeEngines;
    private static boolean booted;

    private final ChdbNative chdb;
    private final Path dataPath;
    private final Set<ChdbConnection> connections = ConcurrentHashMap.newKeySet();
    private boolean closed;

    private ChdbEngine(ChdbNative chdb, Path dataPath) {
        this.chdb = chdb;
        this.dataPath = dataPath;
    }

    /** Loads chDB (resolving the library with {@link ChdbLibrary}) for {@code dataPath}, created if missing. */
    public static ChdbEngine open(Path dataPath) {
        Path path = dataPath.toAbsolutePath().normalize();
        synchronized (PROCESS) {
            if (activeEngines > 0 && !activeDataPath.equals(path)) {
                throw new IllegalStateException("chDB serves one data directory per process: " + activeDataPath
                        + " is open, so " + path + " cannot be opened in this JVM");
            }
            try {
                Files.createDirectories(path);
            } catch (IOException e) {
                throw new ChdbUnavailableException("cannot create the data directory " + path + ": " + e, e);
            }
            ChdbNative chdb = load();
            activeDataPath = path;
            activeEngines++;
            return new ChdbEngine(chdb, path);
        }
    }

    private static ChdbNative load() {
        if (library == null) {
            Path lib = ChdbLibrary.resolve();
            try {
                library = Native.load(lib.toString(), ChdbNative.class);
            } catch (UnsatisfiedLinkError e) {
                throw new ChdbUnavailableException("cannot load " + lib + ": " + e.getMessage()
                        + " (a glibc-based Linux or macOS is required; set CHDB_LIB to a libchdb built for this system)", e);
            }
        }
        return library;
    }

    public Path dataPath() {
        return dataPath;
    }

    /**
     * Opens a new connection (session) on this engine's data directory.
     *
     * <p>The JVM's signal handlers are saved before and restored after {@code chdb_connect}: the
     * first connect boots ClickHouse, and every connect installs its own handlers for signals the JVM needs. That
     * restores the JVM's handlers after the connect; {@link SignalChaining} (libjsig) protects the JVM during it.
     */
    public ChdbConnection connect() {
        synchronized (PROCESS) {
            if (closed) {
                throw new IllegalStateException("chDB engine for " + dataPath + " is closed");
            }
            String[] argv = {"clickhouse", "--path=" + dataPath};
            StringArray nativeArgv = new StringArray(argv, StandardCharsets.UTF_8.name());
            SignalHandlers jvmHandlers = SignalHandlers.save();
            Pointer handle;
            try {
                chdb.chdb_set_signal_handlers_enabled(0);
                // the first connect boots ClickHouse, which is when libjsig prints its notice (see SignalChaining)
                handle = booted ? chdb.chdb_connect(argv.length, nativeArgv)
                        : SignalChaining.withoutDeprecationNotice(() -> chdb.chdb_connect(argv.length, nativeArgv));
                booted = true;
            } finally {
                jvmHandlers.restore();
            }
            if (handle == null || handle.getPointer(0) == null) {
                throw new ChdbUnavailableException("chDB could not open the data directory " + dataPath
                        + " (is another process using it?)");
            }
            ChdbConnection connection = new ChdbConnection(chdb, handle);
            connections.add(connection);
            return connection;
        }
    }

    /** Closes a connection opened by {@link #connect()}. */
    public void close(ChdbConnection connection) {
        synchronized (PROCESS) {
            if (connections.remove(connection)) {
                connection.close();
            }
        }
    }

    /** Closes every connection this engine opened; the library stays loaded for the life of the JVM. */
    @Override
    public void close() {
        synchronized (PROCESS) {
            if (closed) {
                return;
            }
            closed = true;
            for (ChdbConnection connection : connections) {
                connection.close();
            }
            connections.clear();
            activeEngines--;
        }
    }
}
