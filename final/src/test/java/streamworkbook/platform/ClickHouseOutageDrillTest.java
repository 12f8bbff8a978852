package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import streamworkbook.week12.ApiServer;

/**
 * Drill (c): ClickHouse is killed ({@code kill -9}) for 20 s — several times the sink's retries (1 s + 2 s) — while
 * the generator and the platform job run. The job fails and restarts until ClickHouse is back, then catches up from
 * its last checkpoint; the API answers 503 during the outage and 200 after it. Rejects: a sink that drops a batch it
 * could not write (rows missing), a job without checkpoints or restarts (it stays failed), a table that is not
 * idempotent (replayed rows doubled in {@code FINAL} or in the rollups), an API that hangs or answers 500 instead of
 * 503, or stays broken once ClickHouse is back.
 */
@Tag(DrillTestSupport.TAG)
class ClickHouseOutageDrillTest {

    @Test
    // as the broker drill, with a 20 s outage and the job's restart back-off (up to 10 s) on top
    @Timeout(420)
    void theJobCatchesUpAfterAnOutageLongerThanTheSinksRetries() throws Exception {
        PlatformServers servers = SharedServers.get();
        PlatformRun run = PlatformRun.prepare(servers, 13, 2, false, DrillTestSupport.out());
        // 1,000 events a second, event time at 20× speed: a one-minute drill spans 20 minutes of rollups to compare
        TrafficPublisher traffic = run.publisher(1_000, 20, 0.01, Long.MAX_VALUE, null);
        Thread generator = new Thread(traffic, "generator");
        try (InProcessJob job = InProcessJob.start(run.job(), 0);
             ApiServer api = ApiServer.builder(run.clickhouse()).port(0).queryTimeout(Duration.ofSeconds(3)).build().start()) {
            generator.start();
            ClickHouseOutageDrill drill = new ClickHouseOutageDrill(servers.clickhouseServer(), Duration.ofSeconds(20), api.url());
            DrillRunner.Result result = new DrillRunner(run, traffic, job::state, job::watermarks, DrillTestSupport.out()).run(drill, Duration.ofSeconds(10));
            traffic.stop();
            generator.join(60_000);

            DrillTestSupport.assertExact(result, traffic);
            long during503 = result.observations().stream().filter(o -> !o.startsWith("after:") && o.endsWith("→ 503")).count();
            assertTrue(during503 >= 5, "the API answered 503 while ClickHouse was down: " + result.observations());
            assertTrue(result.observations().stream().anyMatch(o -> o.contains("job RESTARTING") || o.contains("job INITIALIZING")
                    || o.contains("job CREATED")), "the job failed and restarted: " + result.observations());
            assertEquals(200, drill.apiStatus(), "the API recovered by itself");
        } finally {
            traffic.stop();
        }
    }
}
