package streamworkbook.chdb;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamworkbook.chdb.Http.header;
import static streamworkbook.chdb.Http.text;

/**
 * The statement reaches the engine as sent: clickhouse-client's test hints in comments change
 * nothing (a server never reads comments), and an error's text comes once.
 */
class QueryTextTest {

    @Test
    void anExpectedErrorHintDoesNotHideTheError() {
        HttpResponse<byte[]> select = Http.query().post("SELECT throwIf(1) -- { serverError 395 }");
        assertEquals(500, select.statusCode());
        assertEquals("395", header(select, "X-ClickHouse-Exception-Code"));
        assertTrue(text(select).startsWith("Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero"),
                text(select));

        // statements that do not stream went through the engine's hint handling before
        HttpResponse<byte[]> show = Http.query().post("SHOW TABLES FROM no_such_db /* { serverError 81 } */");
        assertEquals(404, show.statusCode());
        assertEquals("81", header(show, "X-ClickHouse-Exception-Code"));
        HttpResponse<byte[]> create = Http.query().post("CREATE TABLE no_such_db.t (x UInt8) ENGINE = Memory"
                + " -- { serverError UNKNOWN_DATABASE }");
        assertEquals("81", header(create, "X-ClickHouse-Exception-Code"));
    }

    @Test
    void hintsTheEngineCannotParseAreJustComments() {
        assertEquals("1\n", text(Http.query().post("SELECT 1 -- { serverError NO_SUCH_NAME }")));
        assertEquals("default\n", text(Http.query().post("SHOW DATABASES LIKE 'default' -- { clientError FOO }")));
        assertEquals("default\n", text(Http.query().post("SHOW DATABASES LIKE 'default' -- { retry 3 until }")));
    }

    @Test
    void bracesInStringsAndPlaceholdersAreKept() {
        assertEquals("-- { serverError 395 }\t7\n", text(Http.query().param("param_n", "7")
                .post("SELECT '-- { serverError 395 }', {n:UInt8} -- { echo }")));
    }

    @Test
    void theDriverSeesTheErrorToo() throws SQLException {
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> {
                try (ResultSet rs = s.executeQuery("SELECT throwIf(1) -- { serverError 395 }")) {
                    rs.next();
                }
            });
            assertTrue(e.getMessage().contains("Code: 395. DB::Exception: Value passed to 'throwIf'"), e.getMessage());
        }
    }

    @Test
    void anUnknownFormatIsReportedOnce() {
        for (HttpResponse<byte[]> r : new HttpResponse[] {
                Http.query().post("SELECT 1 FORMAT Nope"),
                Http.query().param("default_format", "Nope").post("SELECT 1"),
                Http.query().post("SHOW DATABASES FORMAT Nope")}) {
            assertEquals(404, r.statusCode());
            assertEquals("73", header(r, "X-ClickHouse-Exception-Code"));
            String body = text(r);
            assertTrue(body.startsWith("Code: 73. DB::Exception: Unknown format Nope."), body);
            assertTrue(body.endsWith(". (UNKNOWN_FORMAT)\n"), body);
            assertEquals(1, body.split("DB::Exception", -1).length - 1, body);
            assertEquals(1, body.split("UNKNOWN_FORMAT", -1).length - 1, body);
        }
    }
}
