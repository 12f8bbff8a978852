package streamworkbook.week09;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The week's Prometheus files as a whole, whatever the learner has done (it credits no exercise): the given alerts
 * pass their unit tests, annotations included; the reference rules pass the exercises' unit tests; every alert rule
 * has a unit test in which it fires and one in which it stays quiet; every recording rule has a unit test; the
 * Prometheus configurations are valid.
 */
class GivenRulesTest {

    private static final Path REFERENCE_ALERTS = RuleFiles.REFERENCE.resolve("shop-alerts.yml");
    private static final Path REFERENCE_RECORDING = RuleFiles.REFERENCE.resolve("shop-recording-rules.yml");

    @TempDir
    Path work;

    @Test
    void theGivenPipelineAlertsPassTheirUnitTestsAnnotationsIncluded() {
        Promtool.Result result = Promtool.testRules(RuleFiles.testFileExactly(
                RuleFiles.TESTS.resolve("pipeline-alerts.test.yml"), RuleFiles.GIVEN_ALERTS, work));
        assertTrue(result.ok(), result.output());
    }

    @Test
    void theReferenceRulesPassTheExercisesUnitTests() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Path test : RuleFiles.testFiles()) {
            String name = test.getFileName().toString();
            Path rules = name.startsWith("shop-alerts") ? REFERENCE_ALERTS : name.startsWith("shop-recording-rules") ? REFERENCE_RECORDING : null;
            if (rules != null) {
                Path dir = java.nio.file.Files.createDirectories(work.resolve(name + ".d"));
                Promtool.Result result = Promtool.testRules(RuleFiles.testFileFor(test, rules, dir));
                if (!result.ok()) {
                    failures.add(name + ":\n" + result.output());
                }
            }
        }
        assertEquals(List.of(), failures, "unit tests the reference rules fail");
    }

    @Test
    void everyAlertRuleHasAUnitTestInWhichItFiresAndOneInWhichItStaysQuiet() {
        Set<String> fires = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (Path test : RuleFiles.testFiles()) {
            for (JsonNode group : RuleFiles.read(test).path("tests")) {
                for (JsonNode alertTest : group.path("alert_rule_test")) {
                    String alert = alertTest.path("alertname").asText();
                    (alertTest.path("exp_alerts").isEmpty() ? quiet : fires).add(alert);
                }
            }
        }
        Set<String> alerts = new TreeSet<>(RuleFiles.names(RuleFiles.GIVEN_ALERTS, "alert"));
        alerts.addAll(RuleFiles.names(REFERENCE_ALERTS, "alert"));
        assertEquals(6, alerts.size(), "alert rules, given and reference: " + alerts);
        for (String alert : alerts) {
            assertTrue(fires.contains(alert), alert + " has no unit test in src/test/prometheus in which it fires");
            assertTrue(quiet.contains(alert), alert + " has no unit test in src/test/prometheus in which it stays quiet");
        }
    }

    @Test
    void everyRecordingRuleHasAUnitTest() {
        Set<String> tested = new HashSet<>();
        for (Path test : RuleFiles.testFiles()) {
            for (JsonNode group : RuleFiles.read(test).path("tests")) {
                group.path("promql_expr_test").forEach(t -> tested.add(t.path("expr").asText().strip()));
            }
        }
        List<String> records = RuleFiles.names(REFERENCE_RECORDING, "record");
        assertEquals(6, records.size(), "recording rules of the reference: " + records);
        for (String record : records) {
            assertTrue(tested.contains(record), record + " has no promql_expr_test in src/test/prometheus");
        }
    }

    @Test
    void thePrometheusConfigurationsAreValid() {
        Path dir = RuleFiles.MODULE.resolve("monitoring/prometheus");
        // the local one completely, rule files included; compose's by syntax (its rule files are container paths)
        Promtool.Result local = Promtool.checkConfig(dir.resolve("prometheus.yml"), false);
        if (!local.ok()) {
            fail("promtool check config prometheus.yml:\n" + local.output());
        }
        Promtool.Result compose = Promtool.checkConfig(dir.resolve("prometheus-compose.yml"), true);
        if (!compose.ok()) {
            fail("promtool check config --syntax-only prometheus-compose.yml:\n" + compose.output());
        }
        Set<String> jobs = new TreeSet<>();
        RuleFiles.read(dir.resolve("prometheus.yml")).path("scrape_configs").forEach(s -> jobs.add(s.path("job_name").asText()));
        assertEquals(new TreeSet<>(List.of("flink", "kafka", "kafka-lag", "prometheus")), jobs, "scrape jobs of prometheus.yml");
    }
}
