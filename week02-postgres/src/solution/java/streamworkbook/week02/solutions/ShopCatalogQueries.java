package streamworkbook.week02.solutions;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import streamworkbook.week02.CatalogQueries;
import streamworkbook.week02.Product;

/** Reference solution of exercise 2.1. */
public class ShopCatalogQueries implements CatalogQueries {

    @Override
    public String productsInCategoryTree() {
        // The recursive CTE walks down the tree: start at the given category, then repeatedly add the
        // children of what was found so far. The join then uses products_category_id_idx.
        return """
                WITH RECURSIVE subtree (id) AS (
                    SELECT id FROM categories WHERE id = ?
                    UNION ALL
                    SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id
                )
                SELECT p.id
                FROM products p
                JOIN subtree s ON p.category_id = s.id
                ORDER BY p.id
                """;
    }

    @Override
    public String productsWithAttributes() {
        // @> (contains) is the operator a jsonb_path_ops GIN index serves. The equivalent
        // attributes->>'color' = 'red' AND … would need one expression index per key instead.
        return "SELECT id FROM products WHERE attributes @> ?::jsonb ORDER BY id";
    }

    @Override
    public String productsWithAnyTag() {
        // && (overlaps) is served by the GIN index on tags; 'x' = ANY(tags) means the same for one
        // tag but the planner cannot use a GIN index for it, only a full scan.
        return "SELECT id FROM products WHERE tags && ? ORDER BY id";
    }

    @Override
    public Optional<Product> findProduct(Connection db, long productId) throws SQLException {
        String sql = """
                SELECT id, sku, name, category_id, price, attributes, tags, created_at, updated_at
                FROM products WHERE id = ?
                """;
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, productId);   // a parameter, never string concatenation: no SQL injection
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Array tags = row.getArray("tags");   // text[] arrives as a java.sql.Array of String
                return Optional.of(new Product(
                        row.getLong("id"),
                        row.getString("sku"),
                        row.getString("name"),
                        row.getLong("category_id"),
                        row.getBigDecimal("price"),
                        Product.parseAttributes(row.getString("attributes")),   // jsonb arrives as its text
                        List.copyOf(Arrays.asList((String[]) tags.getArray())),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant()));
            }
        }
    }
}
