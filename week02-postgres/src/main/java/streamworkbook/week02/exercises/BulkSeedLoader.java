package streamworkbook.week02.exercises;

import java.sql.SQLException;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.week02.Catalog;
import streamworkbook.week02.LoadReport;
import streamworkbook.week02.SeedLoader;

/**
 * Exercise 2.2 — load a whole catalogue in seconds, in bulk statements and one transaction, and report a row
 * PostgreSQL rejects so clearly that the reader knows which table, which constraint and which row.
 *
 * @see SeedLoader the contract
 * @see "week02-postgres/README.md#22-load-seed-data-fast (hints: ./workbook hint 2.2)"
 */
public class BulkSeedLoader implements SeedLoader {

    @Override
    public LoadReport load(PostgresEndpoint db, Catalog catalog) throws SQLException {
        throw new NotImplementedYet("2.2");
    }
}
