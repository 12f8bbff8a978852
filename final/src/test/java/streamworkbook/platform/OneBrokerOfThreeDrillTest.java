package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.kit.infra.local.cluster.KafkaCluster;

/**
 * Drill (d): one node of a three-broker KRaft cluster — the leader of the first partition of the shop's first topic —
 * is killed ({@code kill -9}) for 12 s while the generator (idempotent, {@code acks=all}) and the platform job run,
 * then restarted. Every topic has three replicas and {@code min.insync.replicas} 2.
 *
 * <p>Rejects: topics with one replica (the dead node's partitions accept no write until it is back: the test requires
 * acknowledged writes on them during the outage), {@code min.insync.replicas} 3 (no {@code acks=all} write succeeds
 * with a node down: the same check), a producer without idempotence or acks=all and a job that skips or re-reads
 * (the counts after the drill must be exact: acknowledged = rows FINAL = distinct events, dead letters = broken
 * records, rollups equal to the events).
 */
@Tag(DrillTestSupport.TAG)
class OneBrokerOfThreeDrillTest {

    @Test
    // three broker JVMs started, a catalogue seeded, a job started, 12 s of outage (the dead node is fenced after 6 s)
    // and 15 s after it, the counts awaited twice: two to three minutes on a loaded two-core machine
    @Timeout(420)
    void writesGoOnDuringTheOutageAndNothingAcknowledgedIsLost(@TempDir Path dir) throws Exception {
        try (PlatformServers servers = SharedServers.get().withKafkaCluster(KafkaCluster.start(dir, 3))) {
            KafkaCluster cluster = servers.kafkaCluster();
            PlatformRun run = PlatformRun.prepare(servers, 17, 2, false, DrillTestSupport.out());
            TrafficPublisher traffic = run.publisher(1_000, 20, 0.01, Long.MAX_VALUE, null);
            Thread generator = new Thread(traffic, "generator");
            try (InProcessJob job = InProcessJob.start(run.job(), 0)) {
                generator.start();
                OneBrokerOfThreeDrill drill = new OneBrokerOfThreeDrill(cluster, run.topics(), traffic, Duration.ofSeconds(12));
                DrillRunner.Result result = new DrillRunner(run, traffic, job::state, job::watermarks, DrillTestSupport.out())
                        .run(drill, Duration.ofSeconds(15));
                traffic.stop();
                generator.join(60_000);

                DrillTestSupport.assertExact(result, traffic);
                assertTrue(drill.led().size() > 0, "the killed node led partitions: " + drill.led());
                assertTrue(drill.ackedOnLedDuringOutage() > 0, "no record was acknowledged on the " + drill.led().size()
                        + " partitions node " + drill.victim() + " led while it was down: they got no new leader (one replica?) or "
                        + "acks=all found too few in-sync replicas (min.insync.replicas 3?)");
                assertEquals(3, cluster.liveBrokers().size(), "the restarted node is a broker of the cluster again");
            } finally {
                traffic.stop();
            }
        }
    }
}
