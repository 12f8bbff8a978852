package streamworkbook.week05;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Exercise 5.4 — read {@code EXPLAIN indexes = 1} to see what the primary index saved. */
public interface IndexUsage {

    /**
     * Runs {@code EXPLAIN indexes = 1 <query>} on the connection and returns one {@link IndexStep} per
     * index section of the output, in the order printed (for {@code events}: {@code Min-Max},
     * {@code Partition}, {@code PrimaryKey}).
     */
    List<IndexStep> explainIndexes(Connection connection, String query) throws SQLException;

    /**
     * A query on {@code events} (5.1) that counts the {@code purchase} events of the UTC day
     * 2026-11-24, written so that the primary key can skip most granules: one column, the count.
     */
    String purchasesOnOneDay();
}
