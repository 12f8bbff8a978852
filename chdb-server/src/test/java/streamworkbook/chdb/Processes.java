package streamworkbook.chdb;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * What the engine is running right now, read from {@code system.processes} (every connection's
 * statements are listed there): proof that statements run at the same time which does not depend
 * on how fast a loaded machine is.
 */
final class Processes {

    private Processes() {
    }

    /** How many running statements contain {@code marker} (the query asking is left out). */
    static int running(String marker) {
        String count = Http.text(Http.query().post("SELECT count() FROM system.processes WHERE query LIKE '%"
                + marker + "%' AND query NOT LIKE '%system.processes%'"));
        return Integer.parseInt(count.strip());
    }

    /** Waits (up to a minute) until exactly {@code expected} statements with {@code marker} run at once. */
    static void awaitRunning(String marker, int expected) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> running(marker) == expected);
    }
}
