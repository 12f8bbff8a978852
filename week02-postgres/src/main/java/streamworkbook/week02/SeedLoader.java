package streamworkbook.week02;

import java.sql.SQLException;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Exercise 2.2: loads a whole {@link Catalog} into the (migrated, empty) shop schema, fast.
 */
public interface SeedLoader {

    /**
     * Writes every category, product, user and inventory row of the catalogue, keeping their ids,
     * in ONE transaction: either all of it is loaded, or — when PostgreSQL rejects any row — none of it.
     *
     * <p>Open your own connection from {@code db} (so you can choose connection properties such as
     * {@code reWriteBatchedInserts=true}), and close it before returning. Send rows in batches
     * ({@code addBatch}/{@code executeBatch}) or stream them with {@code COPY … FROM STDIN}; never one
     * round trip per row.
     *
     * @return how many rows were written to each table
     * @throws SeedRejectedException when PostgreSQL rejects a row: {@code table} is the table being
     *         loaded, and the message includes PostgreSQL's own error message with its detail (which
     *         names the constraint and the offending row or key). Nothing stays loaded.
     */
    LoadReport load(PostgresEndpoint db, Catalog catalog) throws SQLException;
}
