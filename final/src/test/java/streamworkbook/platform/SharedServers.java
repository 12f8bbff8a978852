package streamworkbook.platform;

/**
 * One Kafka broker, PostgreSQL and ClickHouse for every test of this JVM, each its own process so that a drill can
 * kill and restart it; tests isolate themselves by names (every platform run has its own topic prefix, schema and
 * database). Stopped when the JVM exits.
 */
final class SharedServers {

    private static PlatformServers servers;

    private SharedServers() {
    }

    static synchronized PlatformServers get() {
        if (servers == null) {
            servers = PlatformServers.local();
            PlatformServers started = servers;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-platform-servers"));
        }
        return servers;
    }
}
