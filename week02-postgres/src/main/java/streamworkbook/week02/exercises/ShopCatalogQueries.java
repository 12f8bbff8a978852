package streamworkbook.week02.exercises;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week02.CatalogQueries;
import streamworkbook.week02.Product;

/**
 * Exercise 2.1 — ask the catalogue the shop's questions (a category's whole subtree, products by attributes,
 * products by tags) in SQL the planner can answer from the schema's indexes, and read a product back whole.
 *
 * @see CatalogQueries the contract
 * @see "week02-postgres/README.md#21-query-the-catalogue (hints: ./workbook hint 2.1)"
 */
public class ShopCatalogQueries implements CatalogQueries {

    @Override
    public String productsInCategoryTree() {
        throw new NotImplementedYet("2.1");
    }

    @Override
    public String productsWithAttributes() {
        throw new NotImplementedYet("2.1");
    }

    @Override
    public String productsWithAnyTag() {
        throw new NotImplementedYet("2.1");
    }

    @Override
    public Optional<Product> findProduct(Connection db, long productId) throws SQLException {
        throw new NotImplementedYet("2.1");
    }
}
