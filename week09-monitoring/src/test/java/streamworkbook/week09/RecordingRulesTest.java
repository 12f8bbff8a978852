package streamworkbook.week09;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 9.4: the recording rules ({@code src/main/prometheus/shop-recording-rules.yml}) checked by promtool:
 * {@code promtool check rules}, then the unit tests of {@code src/test/prometheus/shop-recording-rules-*.test.yml},
 * which compare each recorded series — labels and value, exactly — at fixed times over fixed input series.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a missing or extra {@code by (…)}: the recorded series carry other labels than the dashboards group by;</li>
 *   <li>{@code rate(sum(…))} instead of {@code sum(rate(…))}: a subtask's counter that restarts from 0 makes the sum
 *       drop, which rate() reads as a reset of the whole sum;</li>
 *   <li>quantiles averaged (or summed) over subtasks instead of the worst one, the median instead of the p99, and
 *       milliseconds left where the name says seconds;</li>
 *   <li>lag in seconds summed over partitions, lag in records averaged;</li>
 *   <li>{@code rate()} over a gauge (back-pressured milliseconds per second are a gauge, already per second);</li>
 *   <li>messages per second from the wrong metric or without the per-topic label.</li>
 * </ul>
 */
@Exercise("9.4")
class RecordingRulesTest {

    @TempDir
    Path work;

    @Test
    void throughputOfTheJobAndOfKafkaPerSecond() {
        runUnitTests("shop-recording-rules-throughput.test.yml",
                "job_name:shop_events_in:rate1m", "topic:kafka_server_brokertopicmetrics_messagesin:rate1m");
    }

    @Test
    void latencyP99OfTheWorstSubtaskInSeconds() {
        runUnitTests("shop-recording-rules-latency.test.yml", "job_name:shop_event_time_lag_seconds:p99_max");
    }

    @Test
    void consumerLagInRecordsAndSecondsPerGroup() {
        runUnitTests("shop-recording-rules-lag.test.yml",
                "group:kafka_consumergroup_group_lag:sum", "group:kafka_consumergroup_group_lag_seconds:max");
    }

    @Test
    void backPressuredShareOfTheWorstSubtask() {
        runUnitTests("shop-recording-rules-backpressure.test.yml", "job_name_task_name:flink_backpressured_time:ratio_max");
    }

    private void runUnitTests(String testFile, String... records) {
        Path rules = RuleFiles.recordingRules();
        RuleFiles.requireWritten(rules, "9.4");
        Promtool.Result check = Promtool.checkRules(rules);
        if (!check.ok()) {
            fail("promtool check rules " + RuleFiles.MODULE.relativize(rules) + " failed:\n" + check.output());
        }
        List<String> recorded = RuleFiles.names(rules, "record");
        for (String record : records) {
            assertTrue(recorded.contains(record), RuleFiles.MODULE.relativize(rules) + " records no series named " + record
                    + " (it records: " + recorded + ")");
        }
        Promtool.Result result = Promtool.testRules(RuleFiles.testFileFor(RuleFiles.TESTS.resolve(testFile), rules, work));
        if (!result.ok()) {
            fail("the recorded series differ from what src/test/prometheus/" + testFile + " expects:\n" + result.output());
        }
    }
}
