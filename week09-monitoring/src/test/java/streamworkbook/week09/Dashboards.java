package streamworkbook.week09;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The provisioned Grafana dashboards, read as Grafana reads them: their panels, each panel's data source and queries. */
final class Dashboards {

    static final Path DIR = RuleFiles.MODULE.resolve("monitoring/grafana/dashboards");
    static final String PROMETHEUS = "prometheus";
    static final String CLICKHOUSE = "grafana-clickhouse-datasource";

    /** One query of one panel. */
    record Query(String dashboard, String panel, String datasourceType, String datasourceUid, String text) {
        @Override
        public String toString() {
            return "panel \"" + panel + "\" of " + dashboard;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");

    private Dashboards() {
    }

    static List<Path> files() {
        try (var files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every query of every panel (rows' nested panels included) of every dashboard. */
    static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : files()) {
            JsonNode dashboard;
            try {
                dashboard = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + file, e);
            }
            List<JsonNode> panels = new ArrayList<>();
            dashboard.path("panels").forEach(p -> {
                panels.add(p);
                p.path("panels").forEach(panels::add);
            });
            for (JsonNode panel : panels) {
                for (JsonNode target : panel.path("targets")) {
                    JsonNode ds = target.has("datasource") ? target.path("datasource") : panel.path("datasource");
                    String type = ds.path("type").asText();
                    String text = PROMETHEUS.equals(type) ? target.path("expr").asText() : target.path("rawSql").asText();
                    queries.add(new Query(file.getFileName().toString(), panel.path("title").asText(), type,
                            ds.path("uid").asText(), text));
                }
            }
        }
        return queries;
    }

    /** A panel's PromQL with Grafana's own variables replaced as Grafana would for a 1 s scrape interval. */
    static String promql(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__interval", "5s").replace("$__range", "5m");
    }

    /** A panel's SQL with the ClickHouse plugin's macros expanded as the plugin does, for the range [from, to]. */
    static String clickhouseSql(String sql, Instant from, Instant to) {
        Matcher m = TIME_FILTER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String column = m.group(1).strip();
            m.appendReplacement(out, Matcher.quoteReplacement(column + " >= toDateTime(" + from.getEpochSecond() + ") AND "
                    + column + " <= toDateTime(" + to.getEpochSecond() + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
