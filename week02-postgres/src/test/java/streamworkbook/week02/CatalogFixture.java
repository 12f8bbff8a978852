package streamworkbook.week02;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Loads a catalogue for the tests that need data but do not test loading (2.1, 2.3, 2.4), so they
 * do not depend on exercise 2.2. One INSERT … SELECT FROM unnest(arrays) per table: each column's
 * values travel as one text[] parameter.
 */
final class CatalogFixture {

    private CatalogFixture() {
    }

    static void insert(PostgresEndpoint db, Catalog catalog) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            insert(c, "categories", catalog.categories(), List.of(
                    column("id", "bigint", Category::id),
                    column("parent_id", "bigint", Category::parentId),
                    column("name", "text", Category::name)));
            insert(c, "products", catalog.products(), List.of(
                    column("id", "bigint", Product::id),
                    column("sku", "text", Product::sku),
                    column("name", "text", Product::name),
                    column("category_id", "bigint", Product::categoryId),
                    column("price", "numeric", Product::price),
                    column("attributes", "jsonb", Product::attributesJson),
                    column("tags", "text[]", p -> p.tags().stream().map(t -> '"' + t + '"')
                            .collect(Collectors.joining(",", "{", "}"))),
                    column("created_at", "timestamptz", Product::createdAt),
                    column("updated_at", "timestamptz", Product::updatedAt)));
            insert(c, "users", catalog.users(), List.of(
                    column("id", "bigint", User::id),
                    column("email", "text", User::email),
                    column("name", "text", User::name),
                    column("country", "text", User::country),
                    column("created_at", "timestamptz", User::createdAt)));
            insert(c, "inventory", catalog.inventory(), List.of(
                    column("product_id", "bigint", StockLevel::productId),
                    column("quantity", "integer", StockLevel::quantity)));
            try (Statement s = c.createStatement()) {
                for (String table : List.of("categories", "products", "users")) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), max(id)) FROM " + table);
                }
            }
            c.commit();
        }
    }

    record Column<T>(String name, String type, Function<T, Object> value) {
    }

    static <T> Column<T> column(String name, String type, Function<T, Object> value) {
        return new Column<>(name, type, value);
    }

    private static <T> void insert(Connection c, String table, List<T> rows, List<Column<T>> columns) throws SQLException {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String casts = columns.stream().map(col -> "t." + col.name() + "::" + col.type()).collect(Collectors.joining(", "));
        String arrays = columns.stream().map(col -> "?::text[]").collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + names + ") SELECT " + casts
                + " FROM unnest(" + arrays + ") AS t(" + names + ")";
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                Function<T, Object> value = columns.get(i).value();
                String[] texts = rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
                statement.setArray(i + 1, c.createArrayOf("text", texts));
            }
            statement.executeUpdate();
        }
    }
}
