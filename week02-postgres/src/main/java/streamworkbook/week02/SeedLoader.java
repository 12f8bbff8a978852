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
     * <ul>
     *   <li>Bulk, not row by row: each table's rows reach PostgreSQL in COPY or multi-row INSERT statements.
     *       A table receives at most one INSERT or COPY statement per ten rows (a JDBC batch that the driver
     *       does not rewrite counts as one statement per row: it is still parsed and executed row by row).</li>
     *   <li>Afterwards the identity columns ({@code categories}, {@code products}, {@code users}) continue after
     *       the largest loaded id: the next row inserted without an id gets a new one.</li>
     *   <li>Opens its own connection from {@code db} (so it can choose the connection's properties) and closes
     *       it before returning.</li>
     * </ul>
     *
     * @return how many rows were written to each table
     * @throws SeedRejectedException when PostgreSQL rejects a row: {@code table} is the table being
     *         loaded, and the message includes PostgreSQL's own error message with its detail (which
     *         names the constraint and the offending row or key). Nothing stays loaded.
     */
    LoadReport load(PostgresEndpoint db, Catalog catalog) throws SQLException;
}
