package streamworkbook.week05.exercises;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week05.IndexStep;
import streamworkbook.week05.IndexUsage;

/**
 * Exercise 5.4 — make ClickHouse show which parts and granules its indexes let a query skip, and write a
 * query that the primary key of {@code events} answers by reading almost nothing.
 *
 * @see IndexUsage the contract
 * @see <a href="../../../../../../README.md#54-read-the-primary-index-with-explain">week05-clickhouse/README.md#54-read-the-primary-index-with-explain</a>
 */
public class ExplainIndexes implements IndexUsage {

    @Override
    public List<IndexStep> explainIndexes(Connection connection, String query) throws SQLException {
        throw new NotImplementedYet("5.4");
    }

    @Override
    public String purchasesOnOneDay() {
        throw new NotImplementedYet("5.4");
    }
}
