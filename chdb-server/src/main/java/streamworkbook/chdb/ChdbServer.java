package streamworkbook.chdb;

import streamworkbook.chdb.engine.ChdbEngine;
import streamworkbook.chdb.engine.ChdbUnavailableException;
import streamworkbook.chdb.http.HttpService;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A ClickHouse-compatible HTTP server over chDB, in this JVM.
 *
 * <pre>{@code
 * try (ChdbServer server = ChdbServer.builder().port(0).dataPath(dir).build().start()) {
 *     String jdbcUrl = server.jdbcUrl();   // jdbc:clickhouse://127.0.0.1:<port>/default
 * }
 * }</pre>
 *
 * chDB keeps one data directory per process, so one JVM runs at most one server data directory
 * at a time. The data directory survives restarts (and {@code kill -9}): MergeTree parts are on disk.
 */
public final class ChdbServer implements AutoCloseable {

    private final Builder config;
    private FileChannel lockChannel;
    private FileLock lock;
    private ChdbEngine engine;
    private HttpService http;

    private ChdbServer(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads chDB (fetching it on first use, see {@link streamworkbook.chdb.engine.ChdbLibrary}), opens
     * the data directory and starts serving. Throws {@link ChdbUnavailableException} with one clear
     * message if it cannot.
     */
    public synchronized ChdbServer start() {
        if (http != null) {
            throw new IllegalStateException("already started");
        }
        Path dataPath = config.dataPath.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataPath);
            lockDataDirectory(dataPath);
            engine = ChdbEngine.open(dataPath);
            http = HttpService.start(engine, new InetSocketAddress(config.host, config.port), config.users,
                    config.maxConcurrentQueries, config.maxSessions, config.httpThreads());
            return this;
        } catch (BindException e) {
            close();
            throw new ChdbUnavailableException("cannot listen on " + config.host + ":" + config.port + ": "
                    + e.getMessage() + " (is another server using the port?)", e);
        } catch (IOException e) {
            close();
            throw new ChdbUnavailableException("cannot start chdb-server on " + dataPath + ": " + e, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * A lock file of our own in the data directory: a second server on the same directory fails
     * here with a clear message (chDB's own lock only prints to stderr).
     */
    private void lockDataDirectory(Path dataPath) throws IOException {
        lockChannel = FileChannel.open(dataPath.resolve("chdb-server.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new ChdbUnavailableException("the data directory " + dataPath
                    + " is in use by another chdb-server; stop it or choose another --path");
        }
    }

    /** The port listened on (the actual one when 0 was asked for). */
    public int port() {
        return http().port();
    }

    /** The address listened on. */
    public String host() {
        return config.host;
    }

    /** {@code http://<host>:<port>} — what curl, a browser or {@code CLICKHOUSE_URL} take. */
    public String url() {
        return "http://" + config.host + ":" + port();
    }

    /** {@code jdbc:clickhouse://<host>:<port>/default} for clickhouse-jdbc. */
    public String jdbcUrl() {
        return "jdbc:clickhouse://" + config.host + ":" + port() + "/default";
    }

    public Path dataPath() {
        return config.dataPath.toAbsolutePath().normalize();
    }

    private HttpService http() {
        if (http == null) {
            throw new IllegalStateException("not started");
        }
        return http;
    }

    /** Stops serving, closes every chDB connection and releases the data directory. */
    @Override
    public synchronized void close() {
        try {
            if (http != null) {
                http.close();
            }
        } finally {
            http = null;
            if (engine != null) {
                engine.close();
                engine = null;
            }
            try {
                if (lock != null) {
                    lock.release();
                }
                if (lockChannel != null) {
                    lockChannel.close();
                }
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
            lock = null;
            lockChannel = null;
        }
    }

    /** Settings of a server; {@link #build()} makes one, {@link ChdbServer#start()} starts it. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8123;
        private Path dataPath;
        private final Map<String, String> users = new LinkedHashMap<>(Map.of("default", ""));
        private int maxConcurrentQueries = defaultMaxConcurrentQueries();
        private int maxSessions = 256;
        private int httpThreads;

        private Builder() {
        }

        /** Address to listen on; 127.0.0.1 by default (the server has no TLS: keep it local). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Port to listen on; 0 picks a free one. 8123 by default, like ClickHouse. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** The data directory (created if missing); required. */
        public Builder dataPath(Path dataPath) {
            this.dataPath = Objects.requireNonNull(dataPath);
            return this;
        }

        /** Adds a user, or sets the password of one (user {@code default} has an empty password unless set). */
        public Builder user(String name, String password) {
            users.put(Objects.requireNonNull(name), Objects.requireNonNull(password));
            return this;
        }

        /**
         * How many statements run at once, reads and writes alike (default: 8 per core, at least 16).
         * chDB runs statements of different connections in parallel; a query that waits (sleep, a
         * slow client reading a stream) holds a slot but no core, so the default is well above the
         * core count. More requests wait for a free slot.
         */
        public Builder maxConcurrentQueries(int maxConcurrentQueries) {
            if (maxConcurrentQueries < 1) {
                throw new IllegalArgumentException("need at least one concurrent query");
            }
            this.maxConcurrentQueries = maxConcurrentQueries;
            return this;
        }

        /** How many HTTP sessions ({@code session_id}) exist at once, each with a connection (default 256). */
        public Builder maxSessions(int maxSessions) {
            if (maxSessions < 1) {
                throw new IllegalArgumentException("need at least one session");
            }
            this.maxSessions = maxSessions;
            return this;
        }

        /** Threads handling HTTP exchanges (default: twice the concurrent queries, so waiting requests never starve running ones). */
        public Builder httpThreads(int httpThreads) {
            if (httpThreads < 1) {
                throw new IllegalArgumentException("need at least one HTTP thread");
            }
            this.httpThreads = httpThreads;
            return this;
        }

        private int httpThreads() {
            return httpThreads > 0 ? httpThreads : 2 * maxConcurrentQueries;
        }

        private static int defaultMaxConcurrentQueries() {
            return Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
        }

        public ChdbServer build() {
            if (dataPath == null) {
                throw new IllegalStateException("dataPath is required");
            }
            Builder copy = new Builder();
            copy.host = host;
            copy.port = port;
            copy.dataPath = dataPath;
            copy.users.putAll(users);
            copy.maxConcurrentQueries = maxConcurrentQueries;
            copy.maxSessions = maxSessions;
            copy.httpThreads = httpThreads;
            return new ChdbServer(copy);
        }
    }
}
