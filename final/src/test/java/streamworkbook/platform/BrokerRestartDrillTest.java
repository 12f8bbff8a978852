package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drill (b): the single Kafka broker is killed ({@code kill -9}) while the generator and the platform job run, and
 * restarted 10 s later. Rejects: a producer without idempotence or acks=all (records lost or doubled on the retry),
 * a job that skips to the latest offset on reconnecting, a sink that loses rows across the job's failover.
 */
@Tag(DrillTestSupport.TAG)
class BrokerRestartDrillTest {

    @Test
    // servers shared with other tests (started on first use), a catalogue seeded, a job started, 10 s of outage and 25 s
    // after it (the generator stalls with the broker: the rollups need event time to close windows in), the
    // counts awaited twice: two to three minutes on a loaded two-core machine
    @Timeout(420)
    void nothingAcknowledgedIsLostOrDoubledThroughABrokerRestart() throws Exception {
        PlatformServers servers = SharedServers.get();
        PlatformRun run = PlatformRun.prepare(servers, 11, 2, false, DrillTestSupport.out());
        // 1,000 events a second, event time at 20× speed: a one-minute drill spans 20 minutes of rollups to compare
        TrafficPublisher traffic = run.publisher(1_000, 20, 0.01, Long.MAX_VALUE, null);
        Thread generator = new Thread(traffic, "generator");
        try (InProcessJob job = InProcessJob.start(run.job(), 0)) {
            generator.start();
            DrillRunner.Result result = new DrillRunner(run, traffic, job::state, job::watermarks, DrillTestSupport.out())
                    .run(new BrokerRestartDrill(servers.broker(), Duration.ofSeconds(10)), Duration.ofSeconds(25));
            traffic.stop();
            generator.join(60_000);
            DrillTestSupport.assertExact(result, traffic);
            // what a drill prints when its counts differ: every task's input watermark, here the hour windows' two subtasks
            String watermarks = job.watermarks();
            assertTrue(watermarks.matches(".*per hour \\[\\d\\d:\\d\\d:\\d\\d, \\d\\d:\\d\\d:\\d\\d].*"), watermarks);
        } finally {
            traffic.stop();
        }
    }
}
