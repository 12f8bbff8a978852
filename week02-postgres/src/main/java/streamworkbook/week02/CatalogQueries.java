package streamworkbook.week02;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Exercise 2.1: questions the shop asks its catalogue, answered with PostgreSQL's tree, JSONB and
 * array features so that the indexes of {@code V1__catalog.sql} can serve them.
 *
 * <p>The first three methods return SQL text with {@code ?} placeholders. The test prepares it,
 * binds the parameters exactly as each method's documentation says, runs it, and also runs
 * {@code EXPLAIN (FORMAT JSON)} on it to see which indexes the planner chose. Each query returns
 * one column, the product {@code id}, ordered by id ascending, each product once.
 */
public interface CatalogQueries {

    /**
     * Products in a category or in any category below it, at any depth of the tree that
     * {@code categories.parent_id} forms (a leaf category: only its own products).
     * Parameter 1: the category id, bound with {@code setLong}.
     */
    String productsInCategoryTree();

    /**
     * Products whose {@code attributes} contain the given JSON object, such as
     * {@code {"color":"red","size":"M"}} (every key present with that value; other keys don't matter).
     * Parameter 1: the JSON text, bound with {@code setString}.
     * The planner must be able to answer it from the GIN index {@code products_attributes_idx}.
     */
    String productsWithAttributes();

    /**
     * Products carrying at least one of the given tags.
     * Parameter 1: a {@code text[]}, bound with {@code setArray(1, connection.createArrayOf("text", tags))}.
     * The planner must be able to answer it from the GIN index {@code products_tags_idx}.
     */
    String productsWithAnyTag();

    /**
     * One product by id, read with a parameterised query, every column as it was written: {@code attributes}
     * as a map (see {@link Product#parseAttributes}), {@code tags} as a list in stored order, the timestamps as
     * the same instants; empty when no product has that id.
     */
    Optional<Product> findProduct(Connection db, long productId) throws SQLException;
}
