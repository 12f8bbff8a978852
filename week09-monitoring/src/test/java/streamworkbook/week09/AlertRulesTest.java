package streamworkbook.week09;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 9.3: the shop's alert rules ({@code src/main/prometheus/shop-alerts.yml}) checked by promtool — first
 * {@code promtool check rules}, then the unit tests of {@code src/test/prometheus/shop-alerts-*.test.yml}, which feed
 * fixed series through the rules and say which alerts must be firing (with exactly which labels) at which times.
 * Annotations are free text: they are left out of the comparison.
 *
 * <p>Rejects:
 * <ul>
 *   <li>an alert without {@code for:} (or with a shorter one): it fires on one scrape's spike, and on a lag that
 *       recovers within two minutes;</li>
 *   <li>an aggregation without {@code by (group)} / {@code by (job_name)}: the alert loses the label that says which
 *       group or job is in trouble (or, with too many labels, fires once per partition or subtask);</li>
 *   <li>the average or the sum of partitions' lag in seconds instead of the worst partition;</li>
 *   <li>{@code rate()} over a gauge — the meter {@code shop_events_per_second} — for "no events": a constant rate has a
 *       rate of change of 0, so it fires while events flow;</li>
 *   <li>"no events" that fires before five minutes (an {@code increase[5m] == 0} without {@code for:} fires a minute
 *       after a job starts), or long after (an {@code increase[5m]} with {@code for: 5m} waits ten);</li>
 *   <li>one idle subtask taken for a job without events (no sum over subtasks);</li>
 *   <li>the ratio of the counters (since the job started) instead of the ratio of their rates: an hour of clean
 *       traffic hides 5 % broken records; and a threshold of 1 where the ratio is a fraction (0.01).</li>
 * </ul>
 */
@Exercise("9.3")
class AlertRulesTest {

    @TempDir
    Path work;

    @Test
    void consumerLagHighFiresOnTheWorstPartitionAfterTwoMinutes() {
        runUnitTests("ShopConsumerLagHigh", "shop-alerts-lag.test.yml");
    }

    @Test
    void noEventsFiresAfterFiveMinutesWithoutEvents() {
        runUnitTests("ShopNoEvents", "shop-alerts-no-events.test.yml");
    }

    @Test
    void invalidEventsHighFiresOnTheShareOfRecentRecords() {
        runUnitTests("ShopInvalidEventsHigh", "shop-alerts-invalid.test.yml");
    }

    private void runUnitTests(String alert, String testFile) {
        Path rules = RuleFiles.alerts();
        RuleFiles.requireWritten(rules, "9.3");
        Promtool.Result check = Promtool.checkRules(rules);
        if (!check.ok()) {
            fail("promtool check rules " + RuleFiles.MODULE.relativize(rules) + " failed:\n" + check.output());
        }
        List<String> alerts = RuleFiles.names(rules, "alert");
        assertTrue(alerts.contains(alert), RuleFiles.MODULE.relativize(rules) + " has no alert named " + alert
                + " (its alerts: " + alerts + ")");
        Promtool.Result result = Promtool.testRules(RuleFiles.testFileFor(RuleFiles.TESTS.resolve(testFile), rules, work));
        if (!result.ok()) {
            fail(alert + " does not behave as src/test/prometheus/" + testFile + " expects (annotations are not compared):\n"
                    + result.output());
        }
    }
}
