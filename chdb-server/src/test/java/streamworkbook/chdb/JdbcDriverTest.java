package streamworkbook.chdb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official clickhouse-jdbc driver, with its defaults, against the server. */
class JdbcDriverTest {

    private static final String ROW_BINARY = "beta.row_binary_for_simple_insert";

    /** Every type the workbook uses, with the values that break naive implementations. */
    private record Row(int id, LocalDateTime ts, String category, BigDecimal price, BigInteger big, String note,
                       List<String> tags, String text) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(1, LocalDateTime.of(2026, 1, 2, 3, 4, 5, 678_000_000), "books", new BigDecimal("19.99"),
                    new BigInteger("18446744073709551615"), null, List.of("a", "b"),
                    "plain"),
            new Row(2, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_000_000), "toys", new BigDecimal("-0.01"),
                    BigInteger.ZERO, "it's \"quoted\"", List.of(),
                    "tab\there, newline\nthere,\n\nblank line above, back\\slash, semi;colon"),
            new Row(3, LocalDateTime.of(2026, 6, 30, 12, 0, 0, 1_000_000), "books", new BigDecimal("9999999999.99"),
                    new BigInteger("9223372036854775808"), "", List.of("with 'quote'", "with\ttab", "", "ünï©ødé"),
                    "unicode: 日本語, emoji 🚀, RTL שלום, zero-width\u200bjoiner"),
            new Row(4, LocalDateTime.of(2026, 1, 1, 0, 0, 0), "", new BigDecimal("0.00"),
                    BigInteger.ONE, "\n\n", List.of("\n\n"),
                    "INSERT INTO t VALUES (1); -- not SQL, just text\n\nFORMAT CSV\n"));

    private static String db;

    @BeforeAll
    static void database() throws SQLException {
        db = TestServer.newDatabase("jdbc");
    }

    @ParameterizedTest(name = "row_binary_for_simple_insert={0}")
    @ValueSource(booleans = {false, true})
    void batchInsertOfEveryWorkbookTypeReadsBackExactly(boolean rowBinary) throws SQLException {
        String table = db + ".types_" + (rowBinary ? "rowbinary" : "values");
        Properties properties = new Properties();
        properties.setProperty(ROW_BINARY, Boolean.toString(rowBinary));
        try (Connection c = TestServer.jdbc(properties)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id UInt32, ts DateTime64(3), category LowCardinality(String),"
                        + " price Decimal(12, 2), big UInt64, note Nullable(String), tags Array(String), text String)"
                        + " ENGINE = MergeTree ORDER BY id");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (id, ts, category, price, big, note, tags, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Row row : ROWS) {
                    ps.setInt(1, row.id());
                    ps.setObject(2, row.ts());
                    ps.setString(3, row.category());
                    ps.setBigDecimal(4, row.price());
                    ps.setObject(5, row.big());
                    ps.setString(6, row.note());
                    ps.setArray(7, c.createArrayOf("String", row.tags().toArray()));
                    ps.setString(8, row.text());
                    ps.addBatch();
                }
                // counts come from written_rows in X-ClickHouse-Summary; without it the driver reports -2 (no info)
                assertArrayEquals(new int[] {1, 1, 1, 1}, ps.executeBatch());
            }
            List<Row> read = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, ts, category, price, big, note, tags, text FROM " + table
                         + " ORDER BY id")) {
                while (rs.next()) {
                    Array tags = rs.getArray(7);
                    read.add(new Row(rs.getInt(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
                            rs.getBigDecimal(4), rs.getObject(5, BigInteger.class), rs.getString(6),
                            Arrays.asList((String[]) tags.getArray()), rs.getString(8)));
                }
            }
            assertEquals(ROWS, read);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT toTypeName(category), toString(big), isNull(note)"
                         + " FROM " + table + " WHERE id = 1")) {
                assertTrue(rs.next());
                assertEquals("LowCardinality(String)", rs.getString(1));
                assertEquals("18446744073709551615", rs.getString(2));
                assertEquals(1, rs.getInt(3));
            }
        }
    }

    @Test
    void preparedSelectsBindParameters() throws SQLException {
        try (Connection c = TestServer.jdbc()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + db + ".orders (id UInt32, customer String, amount Decimal(12, 2),"
                        + " at DateTime64(3)) ENGINE = MergeTree ORDER BY id");
                s.execute("INSERT INTO " + db + ".orders VALUES (1, 'ann', 10.50, '2026-01-01 10:00:00.000'),"
                        + " (2, 'bob''s', 20.00, '2026-01-01 11:00:00.000'), (3, 'ann', 5.25, '2026-01-02 09:30:00.000')");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, amount FROM " + db + ".orders"
                    + " WHERE customer = ? AND amount > ? AND at < ? ORDER BY id")) {
                ps.setString(1, "ann");
                ps.setBigDecimal(2, new BigDecimal("1.00"));
                ps.setObject(3, LocalDateTime.of(2026, 1, 3, 0, 0));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                    assertEquals(new BigDecimal("10.50"), rs.getBigDecimal(2));
                    assertTrue(rs.next());
                    assertEquals(3, rs.getInt(1));
                    assertEquals(new BigDecimal("5.25"), rs.getBigDecimal(2));
                    assertFalse(rs.next());
                }
                ps.setString(1, "bob's");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt(1));
                    assertFalse(rs.next());
                }
            }
        }
    }

    @Test
    void updateCountsAreTheRowsTheServerWrote() throws SQLException {
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + db + ".counted (n UInt64) ENGINE = MergeTree ORDER BY n");
            assertEquals(1234, s.executeUpdate("INSERT INTO " + db + ".counted SELECT number FROM numbers(1234)"));
            assertEquals(3, s.executeUpdate("INSERT INTO " + db + ".counted VALUES (1), (2), (3)"));
            try (ResultSet rs = s.executeQuery("SELECT count() FROM " + db + ".counted")) {
                assertTrue(rs.next());
                assertEquals(1237, rs.getLong(1));
            }
        }
    }

    @Test
    void badSqlAndUnknownTablesSurfaceWithClickHouseCodeAndText() throws SQLException {
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement()) {
            SQLException syntax = assertThrows(SQLException.class, () -> s.executeQuery("SELEC 1"));
            assertEquals(62, syntax.getErrorCode());
            assertTrue(syntax.getMessage().startsWith("Code: 62. DB::Exception: Syntax error: failed at position 7"),
                    syntax.getMessage());
            assertTrue(syntax.getMessage().contains("(SYNTAX_ERROR)"), syntax.getMessage());

            SQLException unknown = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT * FROM " + db + ".no_such_table"));
            assertEquals(60, unknown.getErrorCode());
            assertTrue(unknown.getMessage().startsWith("Code: 60. DB::Exception: Unknown table expression identifier '"
                    + db + ".no_such_table'"), unknown.getMessage());

            SQLException database = assertThrows(SQLException.class, () -> s.execute("SELECT * FROM nope_db.t"));
            assertEquals(81, database.getErrorCode());

            // the connection stays usable after errors
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void connectionMetadataAndValidity() throws SQLException {
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version()")) {
            assertTrue(c.isValid(5));
            assertTrue(rs.next());
            assertEquals(rs.getString(1), c.getMetaData().getDatabaseProductVersion());
            assertTrue(rs.getString(1).startsWith("26.5."), rs.getString(1));
        }
    }

    @Test
    void credentialsAreChecked() throws SQLException {
        Properties alice = new Properties();
        alice.setProperty("user", "alice");
        alice.setProperty("password", "s3cret");
        try (Connection c = TestServer.jdbc(alice); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 'ok'")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
        Properties wrong = new Properties();
        wrong.setProperty("user", "alice");
        wrong.setProperty("password", "wrong");
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = TestServer.jdbc(wrong); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1");
            }
        });
        assertTrue(e.getMessage().startsWith("Code: 516. DB::Exception: alice: Authentication failed: password is"
                + " incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)"), e.getMessage());
    }

    @Test
    void nullsAndEmptyResults() throws SQLException {
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(NULL AS Nullable(String)), number FROM numbers(0)")) {
            assertFalse(rs.next());
        }
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(NULL AS Nullable(String)) AS n")) {
            assertTrue(rs.next());
            assertNull(rs.getString("n"));
            assertTrue(rs.wasNull());
        }
    }
}
