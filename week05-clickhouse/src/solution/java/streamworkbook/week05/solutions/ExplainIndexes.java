package streamworkbook.week05.solutions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import streamworkbook.week05.IndexStep;
import streamworkbook.week05.IndexUsage;

/** Reference solution of exercise 5.4. */
public class ExplainIndexes implements IndexUsage {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<IndexStep> explainIndexes(Connection connection, String query) throws SQLException {
        // json = 1: the plan as one JSON document, a tree of steps that nest their inputs under "Plans".
        // A program reads that, not the indented text form meant for people.
        String plan;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN json = 1, indexes = 1 " + query)) {
            rs.next();
            plan = rs.getString(1);
        }
        List<IndexStep> steps = new ArrayList<>();
        try {
            for (JsonNode root : JSON.readTree(plan)) { // an array: one element per statement explained
                collect(root.path("Plan"), steps);
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("EXPLAIN json = 1 did not return JSON: " + plan, e);
        }
        return steps;
    }

    /** Depth first, inputs in order: the order in which EXPLAIN prints the steps. */
    private static void collect(JsonNode step, List<IndexStep> steps) {
        // a ReadFromMergeTree step lists what each index left: "Initial …" it looked at, "Selected …" it kept
        for (JsonNode index : step.path("Indexes")) {
            List<String> keys = new ArrayList<>();
            index.path("Keys").forEach(key -> keys.add(key.asText()));
            steps.add(new IndexStep(index.path("Type").asText(), List.copyOf(keys),
                    index.path("Selected Parts").asLong(), index.path("Initial Parts").asLong(),
                    index.path("Selected Granules").asLong(), index.path("Initial Granules").asLong()));
        }
        for (JsonNode input : step.path("Plans")) {
            collect(input, steps);
        }
    }

    @Override
    public String purchasesOnOneDay() {
        // a condition on the key's first column (event_type) and a range on the next (event_time): the binary
        // search over the sparse index finds the few granules of that day's purchases.
        // (toDate(event_time) = '2026-11-24' works too — ClickHouse uses monotonic functions of a key column —
        // but a plain range on the column itself is the form that always works.)
        return """
                SELECT count()
                FROM events
                WHERE event_type = 'purchase'
                  AND event_time >= toDateTime64('2026-11-24 00:00:00', 3, 'UTC')
                  AND event_time <  toDateTime64('2026-11-25 00:00:00', 3, 'UTC')
                """;
    }
}
