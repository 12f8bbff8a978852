package streamworkbook.week02.solutions;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.week02.Catalog;
import streamworkbook.week02.Category;
import streamworkbook.week02.LoadReport;
import streamworkbook.week02.Product;
import streamworkbook.week02.SeedLoader;
import streamworkbook.week02.SeedRejectedException;
import streamworkbook.week02.StockLevel;
import streamworkbook.week02.User;

/**
 * Reference solution of exercise 2.2: batched inserts for categories and products, COPY for users
 * and inventory, all in one transaction.
 */
public class BulkSeedLoader implements SeedLoader {

    private static final int BATCH_SIZE = 1_000;

    @Override
    public LoadReport load(PostgresEndpoint db, Catalog catalog) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        properties.setProperty("password", db.password());
        // the driver turns a batch of single-row INSERTs into multi-row INSERTs: far fewer statements
        properties.setProperty("reWriteBatchedInserts", "true");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), properties)) {
            connection.setAutoCommit(false);   // one transaction: all tables or nothing
            try {
                // referenced rows first: a foreign key is checked when each statement ends, not at commit
                int categories = loading("categories", () -> insertCategories(connection, catalog.categories()));
                int products = loading("products", () -> insertProducts(connection, catalog.products()));
                int users = loading("users", () -> copyUsers(connection, catalog.users()));
                int inventory = loading("inventory", () -> copyInventory(connection, catalog.inventory()));
                // rows came with their own ids: move each identity past them, so the next INSERT
                // without an id does not collide with a loaded one
                for (String table : List.of("categories", "products", "users")) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), max(id)) FROM " + table);
                    }
                }
                connection.commit();
                return new LoadReport(categories, products, users, inventory);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static int insertCategories(Connection connection, List<Category> categories) throws SQLException {
        String sql = "INSERT INTO categories (id, parent_id, name) VALUES (?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Category category : categories) {
                insert.setLong(1, category.id());
                if (category.parentId() == null) {
                    insert.setNull(2, Types.BIGINT);
                } else {
                    insert.setLong(2, category.parentId());
                }
                insert.setString(3, category.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return categories.size();
    }

    private static int insertProducts(Connection connection, List<Product> products) throws SQLException {
        String sql = """
                INSERT INTO products (id, sku, name, category_id, price, attributes, tags, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                """;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Product p : products) {
                insert.setLong(1, p.id());
                insert.setString(2, p.sku());
                insert.setString(3, p.name());
                insert.setLong(4, p.categoryId());
                insert.setBigDecimal(5, p.price());
                insert.setString(6, p.attributesJson());                              // cast to jsonb in the SQL
                insert.setArray(7, connection.createArrayOf("text", p.tags().toArray())); // a real text[]
                insert.setObject(8, OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC));
                insert.setObject(9, OffsetDateTime.ofInstant(p.updatedAt(), ZoneOffset.UTC));
                insert.addBatch();
                if (++pending == BATCH_SIZE) {   // bounded memory: send every thousand rows
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
        return products.size();
    }

    private static int copyUsers(Connection connection, List<User> users) throws SQLException {
        StringBuilder csv = new StringBuilder();
        for (User u : users) {
            csv.append(u.id()).append(',').append(csvText(u.email())).append(',').append(csvText(u.name()))
                    .append(',').append(csvText(u.country())).append(',').append(u.createdAt()).append('\n');
        }
        return copy(connection, "COPY users (id, email, name, country, created_at) FROM STDIN (FORMAT csv)", csv);
    }

    private static int copyInventory(Connection connection, List<StockLevel> inventory) throws SQLException {
        StringBuilder csv = new StringBuilder();
        for (StockLevel s : inventory) {
            csv.append(s.productId()).append(',').append(s.quantity()).append('\n');
        }
        return copy(connection, "COPY inventory (product_id, quantity) FROM STDIN (FORMAT csv)", csv);
    }

    /** COPY streams all rows in one statement: the fastest way into PostgreSQL. */
    private static int copy(Connection connection, String sql, CharSequence csv) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
            return Math.toIntExact(copy.copyIn(sql, new StringReader(csv.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // reading a StringReader cannot fail
        }
    }

    /** A CSV field in double quotes, inner quotes doubled: safe for commas, quotes and newlines. */
    private static String csvText(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private interface Step {
        int run() throws SQLException;
    }

    /** Runs one table's load; a rejected row becomes a SeedRejectedException naming the table. */
    private static int loading(String table, Step step) throws SQLException {
        try {
            return step.run();
        } catch (SQLException e) {
            // A failed batch says "Batch entry 3 <the whole multi-row INSERT> was aborted…";
            // the server's own error (constraint and failing row) is the next exception.
            SQLException server = e.getNextException() != null ? e.getNextException() : e;
            throw new SeedRejectedException(table, server.getMessage(), e);
        }
    }
}
