package streamworkbook.week02.exercises;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week02.CatalogQueries;
import streamworkbook.week02.Product;

/**
 * Exercise 2.1 — Query the catalogue. See {@link CatalogQueries} for the contract and
 * week02-postgres/README.md#21-query-the-catalogue for the walk-through.
 */
public class ShopCatalogQueries implements CatalogQueries {

    @Override
    public String productsInCategoryTree() {
        // TODO 2.1: return SQL selecting the ids of products in category ? or anywhere below it.
        //  - A recursive CTE: WITH RECURSIVE subtree (id) AS (<the category itself> UNION ALL
        //    <categories whose parent_id is in subtree>) SELECT … FROM products JOIN subtree …
        //  - One column, id, ORDER BY id. Try it in psql (or any SQL client) first.
        throw new NotImplementedYet("2.1");
    }

    @Override
    public String productsWithAttributes() {
        // TODO 2.1: return SQL selecting the ids of products whose attributes contain the JSON object ?.
        //  - The parameter is bound with setString, so write ?::jsonb to make it a jsonb value.
        //  - Use the containment operator @>: it is what the GIN index products_attributes_idx
        //    (jsonb_path_ops) can answer. attributes->>'color' = … would not use it.
        throw new NotImplementedYet("2.1");
    }

    @Override
    public String productsWithAnyTag() {
        // TODO 2.1: return SQL selecting the ids of products that have at least one of the tags in ?.
        //  - The parameter is a text[] (bound with setArray). Arrays have their own operators:
        //    @> (contains all), <@ (is contained by), && (overlaps = has any in common).
        //  - 'sale' = ANY(tags) reads nicely but cannot use a GIN index: the EXPLAIN check will tell.
        throw new NotImplementedYet("2.1");
    }

    @Override
    public Optional<Product> findProduct(Connection db, long productId) throws SQLException {
        // TODO 2.1: read one product with a PreparedStatement (… WHERE id = ?, then setLong).
        //  - jsonb: rs.getString("attributes") gives the JSON text; Product.parseAttributes turns it into a map.
        //  - text[]: rs.getArray("tags").getArray() is a String[].
        //  - timestamptz: rs.getObject("created_at", OffsetDateTime.class).toInstant().
        //  - Close the statement and result set (try-with-resources); Optional.empty() when no row.
        throw new NotImplementedYet("2.1");
    }
}
