package streamworkbook.week02.exercises;

import java.sql.SQLException;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.week02.Catalog;
import streamworkbook.week02.LoadReport;
import streamworkbook.week02.SeedLoader;

/**
 * Exercise 2.2 — Load seed data fast. See {@link SeedLoader} for the contract and
 * week02-postgres/README.md#22-load-seed-data-fast for the walk-through.
 */
public class BulkSeedLoader implements SeedLoader {

    @Override
    public LoadReport load(PostgresEndpoint db, Catalog catalog) throws SQLException {
        // TODO 2.2: load the whole catalogue in one transaction, fast.
        //  1. Open a connection with DriverManager.getConnection(db.jdbcUrl(), properties), where the
        //     properties hold user, password and reWriteBatchedInserts=true; setAutoCommit(false).
        //  2. Load categories first (their parents come first in the list), then products, users,
        //     inventory: a foreign key is checked as each statement runs, not at commit.
        //  3. Per table, either a PreparedStatement with addBatch() per row and executeBatch() every
        //     ~1,000 rows (jsonb: bind the text and write ?::jsonb; text[]: connection.createArrayOf),
        //     or COPY … FROM STDIN (FORMAT csv) through
        //     connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, reader).
        //  4. When PostgreSQL rejects a row: roll back, and throw new SeedRejectedException(table,
        //     message, e). For a BatchUpdateException the server's own message (constraint, failing
        //     row) is e.getNextException().getMessage().
        //  5. Optional but right: the rows brought their own ids, so move each identity sequence on:
        //     SELECT setval(pg_get_serial_sequence('products', 'id'), max(id)) FROM products
        //  6. Commit, and return the row counts.
        throw new NotImplementedYet("2.2");
    }
}
