package streamworkbook.week09;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana files, without Grafana: every panel queries a data source that is provisioned, with a query that is
 * there; every PromQL query parses (promtool checks each as a recording rule); the dashboards have unique uids. Whether
 * the queries return data is {@link DashboardQueriesTest}'s question.
 */
class DashboardFilesTest {

    private static final Path DATASOURCES = RuleFiles.MODULE.resolve("monitoring/grafana/provisioning/datasources/workbook.yml");

    @TempDir
    Path work;

    @Test
    void everyPanelQueriesAProvisionedDataSource() {
        Map<String, String> provisioned = new LinkedHashMap<>();
        RuleFiles.read(DATASOURCES).path("datasources").forEach(ds -> provisioned.put(ds.path("uid").asText(), ds.path("type").asText()));
        assertEquals(Map.of("prometheus", Dashboards.PROMETHEUS, "clickhouse", Dashboards.CLICKHOUSE), provisioned,
                "data sources of " + RuleFiles.MODULE.relativize(DATASOURCES));
        List<Dashboards.Query> queries = Dashboards.queries();
        assertTrue(queries.size() >= 30, "queries in the dashboards: " + queries.size());
        for (Dashboards.Query q : queries) {
            assertEquals(provisioned.get(q.datasourceUid()), q.datasourceType(), q + ": data source " + q.datasourceUid());
            assertTrue(!q.text().isBlank(), q + " has no query");
        }
        Set<String> uids = new TreeSet<>();
        for (Path file : Dashboards.files()) {
            JsonNode dashboard = RuleFiles.read(file); // JSON is YAML
            assertTrue(uids.add(dashboard.path("uid").asText()), "dashboard uid used twice: " + dashboard.path("uid").asText());
        }
        assertEquals(Set.of("shop-business", "shop-kafka", "shop-pipeline"), uids, "dashboards");
    }

    @Test
    void everyPromQlQueryParses() throws Exception {
        List<Map<String, String>> rules = new ArrayList<>();
        int i = 0;
        for (Dashboards.Query q : Dashboards.queries()) {
            if (q.datasourceType().equals(Dashboards.PROMETHEUS)) {
                rules.add(Map.of("record", "dashboard:query:" + i++, "expr", Dashboards.promql(q.text())));
            }
        }
        Path file = work.resolve("dashboard-queries.yml");
        RuleFiles.YAML.writeValue(file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules))));
        Promtool.Result result = Promtool.checkRules(file);
        assertTrue(result.ok(), "a dashboard's PromQL does not parse:\n" + result.output());
    }
}
