package streamworkbook.chdb.http;

import com.sun.net.httpserver.HttpServer;
import streamworkbook.chdb.engine.ChdbEngine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The HTTP side of the server: the JDK's {@link HttpServer} on a fixed thread pool, with
 * {@link QueryHandler} answering every path, over pooled connections and HTTP sessions on one engine.
 */
public final class HttpService implements AutoCloseable {

    /** Upper bound for SQL held in memory per request (INSERT data is streamed to disk instead). */
    private static final int MAX_QUERY_BYTES = 64 << 20;

    private final HttpServer server;
    private final ExecutorService threads;
    private final ConnectionPool pool;
    private final NamedSessions sessions;
    private final Path spoolDir;

    private HttpService(HttpServer server, ExecutorService threads, ConnectionPool pool, NamedSessions sessions,
                        Path spoolDir) {
        this.server = server;
        this.threads = threads;
        this.pool = pool;
        this.sessions = sessions;
        this.spoolDir = spoolDir;
    }

    /**
     * Binds {@code address} and starts serving.
     *
     * @param users                user name to password; requests must authenticate as one of them
     * @param maxConcurrentQueries statements the engine runs at once; more requests wait for a slot
     * @param maxSessions          HTTP sessions ({@code session_id}) kept at once
     * @param httpThreads          threads reading requests and writing responses
     */
    public static HttpService start(ChdbEngine engine, InetSocketAddress address, Map<String, String> users,
                                    int maxConcurrentQueries, int maxSessions, int httpThreads) throws IOException {
        Path spoolDir = engine.dataPath().resolve("http-spool");
        clearSpool(spoolDir);
        Files.createDirectories(spoolDir);
        ConnectionPool pool = new ConnectionPool(engine);
        NamedSessions sessions = new NamedSessions(engine, maxSessions);
        HttpServer server = null;
        ExecutorService threads = null;
        try {
            String timezone = pool.queryText("SELECT timezone()").strip();
            // The JDK server leaves Nagle's algorithm on by default: a response written in two parts (headers,
            // then body) then waits for the client's delayed ACK, ~40 ms per request. The switch is a JDK
            // system property read once, when the first HttpServer of the JVM is created.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            server = HttpServer.create(address, 128);
            threads = Executors.newFixedThreadPool(httpThreads, new NamedThreads("chdb-http"));
            server.setExecutor(threads);
            server.createContext("/", new QueryHandler(pool, sessions, new QuerySlots(maxConcurrentQueries),
                    new Authenticator(users), spoolDir, displayName(), timezone, MAX_QUERY_BYTES));
            server.start();
            return new HttpService(server, threads, pool, sessions, spoolDir);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.stop(0);
            }
            if (threads != null) {
                threads.shutdownNow();
            }
            sessions.close();
            pool.close(0);
            throw e;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests, lets running ones finish (up to 5 s), then closes every connection. */
    @Override
    public void close() {
        server.stop(5);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sessions.close();
        pool.close();
        clearSpool(spoolDir);
    }

    /** Removes spool files, including those a killed process left behind. */
    private static void clearSpool(Path spoolDir) {
        if (!Files.isDirectory(spoolDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(spoolDir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(spoolDir)).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover spool file only costs disk space
        }
    }

    /** What a server sends as X-ClickHouse-Server-Display-Name: the host name. */
    private static String displayName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
