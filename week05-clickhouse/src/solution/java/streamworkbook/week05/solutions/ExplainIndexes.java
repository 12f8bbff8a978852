package streamworkbook.week05.solutions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import streamworkbook.week05.IndexStep;
import streamworkbook.week05.IndexUsage;

/** Reference solution of exercise 5.4. */
public class ExplainIndexes implements IndexUsage {

    private static final Pattern FRACTION = Pattern.compile("(Parts|Granules): (\\d+)/(\\d+)");

    @Override
    public List<IndexStep> explainIndexes(Connection connection, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN indexes = 1 " + query)) {
            while (rs.next()) {
                lines.add(rs.getString(1)); // one row per line of the plan
            }
        }
        // Below "Indexes:", each index is a line with its name, then indented lines:
        // "Keys:" and one line per key, "Condition: …", "Parts: a/b", "Granules: c/d".
        List<IndexStep> steps = new ArrayList<>();
        int indexesIndent = -1;
        String name = null;
        List<String> keys = new ArrayList<>();
        boolean inKeys = false;
        long parts = -1;
        long partsTotal = -1;
        for (String line : lines) {
            String text = line.strip();
            int indent = line.indexOf(text);
            if (text.equals("Indexes:")) {
                indexesIndent = indent;
                continue;
            }
            if (indexesIndent < 0) {
                continue;
            }
            if (indent <= indexesIndent) { // the Indexes block has ended
                indexesIndent = -1;
                continue;
            }
            if (indent == indexesIndent + 2) { // an index's name, or "Ranges: n" after the last one
                name = text;
                keys = new ArrayList<>();
                inKeys = false;
                continue;
            }
            if (text.equals("Keys:")) {
                inKeys = true;
                continue;
            }
            Matcher m = FRACTION.matcher(text);
            if (m.matches()) {
                inKeys = false;
                long selected = Long.parseLong(m.group(2));
                long total = Long.parseLong(m.group(3));
                if (m.group(1).equals("Parts")) {
                    parts = selected;
                    partsTotal = total;
                } else {
                    steps.add(new IndexStep(name, List.copyOf(keys), parts, partsTotal, selected, total));
                }
            } else if (inKeys && !text.contains(":")) {
                keys.add(text);
            } else {
                inKeys = false;
            }
        }
        return steps;
    }

    @Override
    public String purchasesOnOneDay() {
        // a condition on the key prefix (event_type) and the next key column (event_time) as a range:
        // the index narrows the read to the granules of that day's purchases.
        // (toDate(event_time) = '2026-11-24' would work too — ClickHouse can use monotonic functions of a
        // key column — but a plain range on the column is the form that always works.)
        return """
                SELECT count()
                FROM events
                WHERE event_type = 'purchase'
                  AND event_time >= toDateTime64('2026-11-24 00:00:00', 3, 'UTC')
                  AND event_time <  toDateTime64('2026-11-25 00:00:00', 3, 'UTC')
                """;
    }
}
