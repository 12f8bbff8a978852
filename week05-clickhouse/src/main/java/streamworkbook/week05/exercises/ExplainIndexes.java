package streamworkbook.week05.exercises;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week05.IndexStep;
import streamworkbook.week05.IndexUsage;

/** Exercise 5.4 — your code. The contract is in {@link IndexUsage}; the steps in week05-clickhouse/README.md. */
public class ExplainIndexes implements IndexUsage {

    @Override
    public List<IndexStep> explainIndexes(Connection connection, String query) throws SQLException {
        // TODO 5.4:
        //  1. executeQuery("EXPLAIN indexes = 1 " + query): each row is one line of the plan (column 1).
        //  2. Find the line "Indexes:". Each index below it is a line with its name (Min-Max, Partition,
        //     PrimaryKey), followed by more deeply indented lines: "Keys:" with one key per line,
        //     "Condition: ...", "Parts: 1/3", "Granules: 42/98".
        //  3. Make one IndexStep per index from its name, keys and the two fractions.
        //  Hint: print the lines first. Compare indentation (line.indexOf(line.strip())) to know where you are.
        throw new NotImplementedYet("5.4");
    }

    @Override
    public String purchasesOnOneDay() {
        // TODO 5.4: SELECT count() FROM events WHERE <purchases of 2026-11-24, UTC>, written so that the
        //  primary key (event_type, event_time) can be used: a condition on event_type and a range on event_time.
        throw new NotImplementedYet("5.4");
    }
}
