package streamworkbook.chdb;

import com.clickhouse.data.ClickHouseCityHash;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamworkbook.chdb.Http.header;
import static streamworkbook.chdb.Http.text;

/** ClickHouse's HTTP interface as curl and browsers use it, request by request. */
@SuppressWarnings("deprecation") // the driver's ClickHouseCityHash is the independent reference
class HttpInterfaceTest {

    private static String db;

    @BeforeAll
    static void database() throws Exception {
        db = TestServer.newDatabase("http");
        assertEquals(200, Http.query().post("CREATE TABLE " + db + ".events (id UInt32, name String)"
                + " ENGINE = MergeTree ORDER BY id").statusCode());
        assertEquals(200, Http.query().post("INSERT INTO " + db + ".events VALUES (1, 'a'), (2, 'b'), (3, 'c')")
                .statusCode());
    }

    @Test
    void pingAndBareGetAnswerOk() {
        HttpResponse<byte[]> ping = Http.to("/ping").get();
        assertEquals(200, ping.statusCode());
        assertEquals("Ok.\n", text(ping));
        assertEquals("Ok.\n", text(Http.query().get()));
        HttpResponse<byte[]> nowhere = Http.to("/nowhere").get();
        assertEquals(404, nowhere.statusCode());
        assertTrue(text(nowhere).startsWith("There is no handle /nowhere\n"), text(nowhere));
    }

    @Test
    void getWithQueryParameterAnswersTabSeparatedByDefault() {
        HttpResponse<byte[]> r = Http.query().param("query", "SELECT 1, 'x y', [1, 2]").get();
        assertEquals(200, r.statusCode());
        assertEquals("1\tx y\t[1,2]\n", text(r));
        assertEquals("TabSeparated", header(r, "X-ClickHouse-Format"));
        assertEquals("text/tab-separated-values; charset=UTF-8", header(r, "Content-Type"));
        assertEquals("Etc/UTC", header(r, "X-ClickHouse-Timezone"));
        assertTrue(header(r, "X-ClickHouse-Query-Id").matches("[0-9a-f-]{36}"));
        assertFalse(header(r, "X-ClickHouse-Server-Display-Name").isEmpty());
    }

    @Test
    void postBodyIsTheQueryAndQueryParameterPlusBodyAreJoinedByANewline() {
        assertEquals("3\n", text(Http.query().post("SELECT count() FROM " + db + ".events")));
        assertEquals("6\n", text(Http.query().param("query", "SELECT sum(id)").post("FROM " + db + ".events")));
        HttpResponse<byte[]> withId = Http.query().param("query_id", "my-query-1").post("SELECT 1");
        assertEquals("my-query-1", header(withId, "X-ClickHouse-Query-Id"));
    }

    @Test
    void formatClauseWinsOverHeaderWhichWinsOverParameter() {
        HttpResponse<byte[]> header = Http.query().header("X-ClickHouse-Format", "JSONEachRow")
                .param("default_format", "CSV").post("SELECT 1 AS x, 'q' AS y");
        assertEquals("{\"x\":1,\"y\":\"q\"}\n", text(header));
        assertEquals("JSONEachRow", Http.header(header, "X-ClickHouse-Format"));

        HttpResponse<byte[]> parameter = Http.query().param("default_format", "CSVWithNames").post("SELECT 1 AS x");
        assertEquals("\"x\"\n1\n", text(parameter));
        assertEquals("text/csv; charset=UTF-8; header=present", Http.header(parameter, "Content-Type"));

        HttpResponse<byte[]> clause = Http.query().header("X-ClickHouse-Format", "JSONEachRow")
                .post("SELECT 1 AS x FORMAT TabSeparatedWithNamesAndTypes");
        assertEquals("x\nUInt8\n1\n", text(clause));
        assertEquals("TabSeparatedWithNamesAndTypes", Http.header(clause, "X-ClickHouse-Format"));
    }

    @Test
    void formatsArePassedThroughAsTheEngineWritesThem() {
        String sql = "SELECT id, name FROM " + db + ".events ORDER BY id LIMIT 2 FORMAT ";
        assertEquals("1,\"a\"\n2,\"b\"\n", text(Http.query().post(sql + "CSV")));
        assertEquals("[1, \"a\"]\n[2, \"b\"]\n", text(Http.query().post(sql + "JSONCompactEachRow")));
        String json = text(Http.query().post(sql + "JSON"));
        assertTrue(json.contains("\"data\":\n\t[\n\t\t{\n\t\t\t\"id\": 1,\n\t\t\t\"name\": \"a\"\n\t\t},"), json);
        assertTrue(json.contains("\"rows\": 2,"), json);
        byte[] rowBinary = Http.query().post(sql + "RowBinary").body();
        assertArrayEquals(new byte[] {1, 0, 0, 0, 1, 'a', 2, 0, 0, 0, 1, 'b'}, rowBinary);
        HttpResponse<byte[]> native_ = Http.query().post("SELECT 7::UInt8 AS n FORMAT Native");
        // Native: 1 column, 1 row, name "n", type "UInt8", value 7
        assertArrayEquals(new byte[] {1, 1, 1, 'n', 5, 'U', 'I', 'n', 't', '8', 7}, native_.body());
        assertEquals("application/octet-stream", Http.header(native_, "Content-Type"));
    }

    @Test
    void settingsParametersApplyToThatRequestOnly() {
        HttpResponse<byte[]> limited = Http.query().param("max_result_rows", "2").param("result_overflow_mode", "throw")
                .post("SELECT number FROM numbers(10)");
        assertEquals(500, limited.statusCode());
        assertEquals("396", header(limited, "X-ClickHouse-Exception-Code"));
        HttpResponse<byte[]> iso = Http.query().param("date_time_output_format", "iso")
                .post("SELECT toDateTime('2026-01-02 03:04:05', 'UTC')");
        assertEquals("2026-01-02T03:04:05Z\n", text(iso));
        // the server has several engine sessions: every one of them must be back at the defaults
        for (int i = 0; i < 4; i++) {
            assertEquals("10\n", text(Http.query().post("SELECT count() FROM (SELECT number FROM numbers(10))")));
            assertEquals("2026-01-02 03:04:05\n", text(Http.query().post("SELECT toDateTime('2026-01-02 03:04:05', 'UTC')")));
        }
        HttpResponse<byte[]> unknown = Http.query().param("no_such_setting", "1").post("SELECT 1");
        assertEquals(404, unknown.statusCode());
        assertEquals("115", header(unknown, "X-ClickHouse-Exception-Code"));
        assertEquals("1\n", text(Http.query().post("SELECT 1")));
    }

    @Test
    void aReadOnlyPostDoesNotLeaveTheServerReadOnly() {
        HttpResponse<byte[]> refused = Http.query().param("readonly", "1")
                .post("CREATE TABLE " + db + ".readonly_probe (a UInt8) ENGINE = Memory");
        assertEquals("164", header(refused, "X-ClickHouse-Exception-Code"));
        assertEquals("1\n", text(Http.query().param("readonly", "1").post("SELECT 1")));
        for (int i = 0; i < 4; i++) {
            HttpResponse<byte[]> write = Http.query().post("CREATE TABLE IF NOT EXISTS " + db
                    + ".readonly_probe (a UInt8) ENGINE = Memory");
            assertEquals(200, write.statusCode(), text(write));
        }
    }

    @Test
    void setStatementsDoNotOutliveTheirRequest() {
        assertEquals(200, Http.query().post("SET max_result_rows = 1, result_overflow_mode = 'throw'").statusCode());
        assertEquals(200, Http.query().post("SET param_leak = 5").statusCode());
        for (int i = 0; i < 4; i++) {
            assertEquals("3\n", text(Http.query().post("SELECT count() FROM (SELECT number FROM numbers(3))")));
            assertEquals("456", header(Http.query().post("SELECT {leak:UInt8}"), "X-ClickHouse-Exception-Code"));
        }
    }

    @Test
    void databaseComesFromHeaderThenParameter() {
        assertEquals(db + "\t3\n", text(Http.query().header("X-ClickHouse-Database", db)
                .post("SELECT currentDatabase(), count() FROM events")));
        assertEquals(db + "\t3\n", text(Http.query().param("database", db)
                .post("SELECT currentDatabase(), count() FROM events")));
        assertEquals(db + "\n", text(Http.query().header("X-ClickHouse-Database", db).param("database", "nope")
                .post("SELECT currentDatabase()")));
        assertEquals("default\n", text(Http.query().post("SELECT currentDatabase()")));
        HttpResponse<byte[]> missing = Http.query().header("X-ClickHouse-Database", "no_such_db").post("SELECT 1");
        assertEquals(404, missing.statusCode());
        assertEquals("81", header(missing, "X-ClickHouse-Exception-Code"));
        // USE inside a request does not change the next request's database
        assertEquals(200, Http.query().post("USE " + db).statusCode());
        for (int i = 0; i < 4; i++) {
            assertEquals("default\n", text(Http.query().post("SELECT currentDatabase()")));
        }
    }

    @Test
    void errorsCarryCodeHeaderStatusAndClickHouseText() {
        HttpResponse<byte[]> unknown = Http.query().post("SELECT * FROM " + db + ".no_such_table");
        assertEquals(404, unknown.statusCode());
        assertEquals("60", header(unknown, "X-ClickHouse-Exception-Code"));
        assertTrue(text(unknown).startsWith("Code: 60. DB::Exception: Unknown table expression identifier '"
                + db + ".no_such_table'"), text(unknown));
        assertTrue(text(unknown).endsWith("(UNKNOWN_TABLE)\n"), text(unknown));
        assertNull(header(unknown, "X-ClickHouse-Format"));

        HttpResponse<byte[]> syntax = Http.query().post("SELEC 1");
        assertEquals(400, syntax.statusCode());
        assertEquals("62", header(syntax, "X-ClickHouse-Exception-Code"));
        assertTrue(text(syntax).startsWith("Code: 62. DB::Exception: Syntax error: failed at position 7 (1): 1. Expected one of: "),
                text(syntax));

        HttpResponse<byte[]> empty = Http.query().post("  ");
        assertEquals("Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR)\n", text(empty));
    }

    @Test
    void multiStatementsAreRefusedLikeAServerDoes() {
        HttpResponse<byte[]> r = Http.query().post("SELECT 1; SELECT 2");
        assertEquals(400, r.statusCode());
        assertEquals("62", header(r, "X-ClickHouse-Exception-Code"));
        assertEquals("Code: 62. DB::Exception: Syntax error (Multi-statements are not allowed): failed at position 9"
                + " (;): ; SELECT 2. (SYNTAX_ERROR)\n", text(r));
        HttpResponse<byte[]> drop = Http.query().post("SELECT 1; DROP TABLE " + db + ".events");
        assertEquals(400, drop.statusCode());
        assertEquals("3\n", text(Http.query().post("SELECT count() FROM " + db + ".events")));
        assertEquals("a;b\n", text(Http.query().post("SELECT 'a;b';")));
    }

    @Test
    void summaryHeaderCountsWrittenAndReadRows() {
        Http.query().post("CREATE TABLE " + db + ".numbers (n UInt64) ENGINE = MergeTree ORDER BY n");
        HttpResponse<byte[]> insert = Http.query().post("INSERT INTO " + db + ".numbers SELECT number FROM numbers(1000)");
        assertEquals(200, insert.statusCode());
        assertTrue(header(insert, "X-ClickHouse-Summary").contains("\"written_rows\":\"1000\","),
                header(insert, "X-ClickHouse-Summary"));
        HttpResponse<byte[]> inline = Http.query().param("query", "INSERT INTO " + db + ".numbers FORMAT TSV")
                .post("1\n2\n3\n");
        assertTrue(header(inline, "X-ClickHouse-Summary").contains("\"written_rows\":\"3\","));
        HttpResponse<byte[]> select = Http.query().post("SELECT n FROM " + db + ".numbers WHERE n < 10 ORDER BY n");
        String summary = header(select, "X-ClickHouse-Summary");
        assertTrue(summary.contains("\"written_rows\":\"0\","), summary);
        assertTrue(summary.contains("\"result_rows\":\"13\","), summary);
        assertTrue(summary.matches("\\{\"read_rows\":\"\\d+\",\"read_bytes\":\"\\d+\",\"written_rows\":\"0\","
                + "\"written_bytes\":\"0\",\"total_rows_to_read\":\"\\d+\",\"result_rows\":\"13\","
                + "\"result_bytes\":\"\\d+\",\"elapsed_ns\":\"\\d+\"}"), summary);
    }

    @Test
    void insertDataWithBlankLinesAndSemicolonsArrivesIntact() {
        Http.query().post("CREATE TABLE " + db + ".texts (id UInt8, s String) ENGINE = MergeTree ORDER BY id");
        String tsv = "1\tline one\\n\\nline three; DROP TABLE x\n2\t\n";
        assertEquals(200, Http.query().param("query", "INSERT INTO " + db + ".texts FORMAT TabSeparated").post(tsv)
                .statusCode());
        assertEquals(200, Http.query().post("INSERT INTO " + db + ".texts VALUES (3, 'a\n\n\nb'), (4, ';\\'')")
                .statusCode());
        assertEquals("{\"id\":1,\"s\":\"line one\\n\\nline three; DROP TABLE x\"}\n{\"id\":2,\"s\":\"\"}\n"
                        + "{\"id\":3,\"s\":\"a\\n\\n\\nb\"}\n{\"id\":4,\"s\":\";'\"}\n",
                text(Http.query().post("SELECT * FROM " + db + ".texts ORDER BY id FORMAT JSONEachRow")));
    }

    @Test
    void badInsertDataIsReportedAboutTheRequestNotAboutASpoolFile() {
        Http.query().post("CREATE TABLE " + db + ".typed (n UInt32) ENGINE = MergeTree ORDER BY n");
        HttpResponse<byte[]> r = Http.query().param("query", "INSERT INTO " + db + ".typed FORMAT TSV").post("1\nxyz\n");
        assertEquals(400, r.statusCode());
        assertEquals("27", header(r, "X-ClickHouse-Exception-Code"));
        String body = text(r);
        assertTrue(body.startsWith("Code: 27. DB::Exception: Cannot parse input: "), body);
        assertTrue(body.endsWith("(CANNOT_PARSE_INPUT_ASSERTION_FAILED)\n"), body);
        assertFalse(body.contains("http-spool"), body);
        assertFalse(body.contains("Code: 27. DB::Exception: Code: 27."), body);
        assertEquals("0\n", text(Http.query().post("SELECT count() FROM " + db + ".typed")));
    }

    @Test
    void getIsReadOnly() {
        HttpResponse<byte[]> create = Http.query().param("query", "CREATE TABLE " + db + ".via_get (a UInt8) ENGINE = Memory")
                .get();
        assertEquals(500, create.statusCode());
        assertEquals("164", header(create, "X-ClickHouse-Exception-Code"));
        assertEquals("Code: 164. DB::Exception: default: Cannot execute query in readonly mode. For queries over HTTP,"
                + " method GET implies readonly. You should use method POST for modifying queries. (READONLY)\n",
                text(create));
        HttpResponse<byte[]> insert = Http.query().param("query", "INSERT INTO " + db + ".events VALUES (9, 'z')").get();
        assertEquals("164", header(insert, "X-ClickHouse-Exception-Code"));
        assertEquals("3\n", text(Http.query().param("query", "SELECT count() FROM " + db + ".events").get()));
        assertEquals("0\n", text(Http.query().post("EXISTS TABLE " + db + ".via_get")));
        // settings may still be changed on GET (readonly = 2), and only for that request
        HttpResponse<byte[]> limited = Http.query().param("query", "SELECT number FROM numbers(10)")
                .param("max_result_rows", "5").param("result_overflow_mode", "throw").get();
        assertEquals("396", header(limited, "X-ClickHouse-Exception-Code"));
        assertEquals("10\n", text(Http.query().param("query", "SELECT count() FROM (SELECT number FROM numbers(10))").get()));
    }

    @Test
    void queryParametersAreBoundByTheEngine() {
        HttpResponse<byte[]> r = Http.query().param("param_x", "41").param("param_s", "it's\\ta")
                .post("SELECT {x:UInt32} + 1, {s:String}, length({s:String})");
        assertEquals("42\tit\\'s\\ta\t6\n", text(r)); // TabSeparated output escapes ' and the tab
        HttpResponse<byte[]> missing = Http.query().post("SELECT {x:UInt32}");
        assertEquals("456", header(missing, "X-ClickHouse-Exception-Code"));
    }

    @Test
    void credentialsAreCheckedEveryWayClickHouseAcceptsThem() {
        assertEquals("alice\n", text(Http.query().header("X-ClickHouse-User", "alice").header("X-ClickHouse-Key", "s3cret")
                .post("SELECT 'alice'")));
        assertEquals(200, Http.query().param("user", "alice").param("password", "s3cret").post("SELECT 1").statusCode());
        String basic = java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, Http.query().header("Authorization", "Basic " + basic).post("SELECT 1").statusCode());

        HttpResponse<byte[]> wrong = Http.query().header("X-ClickHouse-User", "alice").header("X-ClickHouse-Key", "nope")
                .param("compress", "1").post("SELECT 1");
        assertEquals(403, wrong.statusCode());
        assertEquals("516", header(wrong, "X-ClickHouse-Exception-Code"));
        // an authentication error is plain text even when compress=1 was asked for
        assertEquals("Code: 516. DB::Exception: alice: Authentication failed: password is incorrect, or there is no"
                + " user with such name. (AUTHENTICATION_FAILED)\n", text(wrong));
        HttpResponse<byte[]> unknownUser = Http.query().param("user", "mallory").post("SELECT 1");
        assertEquals("516", header(unknownUser, "X-ClickHouse-Exception-Code"));
        HttpResponse<byte[]> mixed = Http.query().header("Authorization", "Basic " + basic).param("user", "alice")
                .post("SELECT 1");
        assertEquals("516", header(mixed, "X-ClickHouse-Exception-Code"));
    }

    @Test
    void compressedResponsesAreNativeBlocksWithCityHashChecksums() {
        HttpResponse<byte[]> r = Http.query().param("compress", "1")
                .post("SELECT number, toString(number) FROM numbers(200000) FORMAT TSV");
        assertEquals(200, r.statusCode());
        String plain = text(Http.query().post("SELECT number, toString(number) FROM numbers(200000) FORMAT TSV"));
        // decoded independently of this module: the driver's CityHash and lz4-java
        ByteBuffer in = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        int blocks = 0;
        while (in.hasRemaining()) {
            long low = in.getLong();
            long high = in.getLong();
            int start = in.position();
            assertEquals(0x82, in.get() & 0xff);
            int compressedSize = in.getInt();
            int size = in.getInt();
            long[] expected = ClickHouseCityHash.cityHash128(r.body(), start, compressedSize);
            assertEquals(expected[0], low);
            assertEquals(expected[1], high);
            byte[] block = new byte[size];
            LZ4Factory.safeInstance().fastDecompressor().decompress(r.body(), start + 9, block, 0, size);
            decoded.writeBytes(block);
            in.position(start + compressedSize);
            blocks++;
        }
        assertEquals(plain, decoded.toString(StandardCharsets.UTF_8));
        assertEquals((plain.length() + (1 << 20) - 1) / (1 << 20), blocks);

        HttpResponse<byte[]> error = Http.query().param("compress", "1").post("SELECT * FROM no_such_table");
        assertEquals("60", header(error, "X-ClickHouse-Exception-Code"));
        assertEquals(0x82, error.body()[16] & 0xff); // errors after authentication are compressed too
    }

    @Test
    void compressedRequestBodiesAreDecodedAndChecked() throws IOException {
        Http.query().post("CREATE TABLE " + db + ".from_compressed (n UInt32, s String) ENGINE = MergeTree ORDER BY n");
        byte[] csv = "1,\"one\"\n2,\"two\n\nlines\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] framed = frame(csv);
        HttpResponse<byte[]> r = Http.query().param("decompress", "1")
                .param("query", "INSERT INTO " + db + ".from_compressed FORMAT CSV").post(framed);
        assertEquals(200, r.statusCode(), text(r));
        assertEquals("2\t13\n", text(Http.query().post("SELECT count(), sum(length(s)) FROM " + db + ".from_compressed")));

        HttpResponse<byte[]> sqlInBody = Http.query().param("decompress", "1")
                .post(frame("SELECT 40 + 2".getBytes(StandardCharsets.UTF_8)));
        assertEquals("42\n", text(sqlInBody));

        framed[framed.length - 1] ^= 1; // corrupt the payload: the checksum no longer matches
        HttpResponse<byte[]> corrupt = Http.query().param("decompress", "1")
                .param("query", "INSERT INTO " + db + ".from_compressed FORMAT CSV").post(framed);
        assertEquals("40", header(corrupt, "X-ClickHouse-Exception-Code"));
        assertTrue(text(corrupt).startsWith("Code: 40. DB::Exception: Checksum doesn't match: corrupted data."),
                text(corrupt));
        assertEquals("2\n", text(Http.query().post("SELECT count() FROM " + db + ".from_compressed")));
    }

    @Test
    void httpCompressionWhenEnabledAndAccepted() throws IOException {
        HttpResponse<byte[]> r = Http.query().param("enable_http_compression", "1").header("Accept-Encoding", "gzip")
                .post("SELECT repeat('ab', 1000)");
        assertEquals("gzip", header(r, "Content-Encoding"));
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
        assertEquals("ab".repeat(1000) + "\n", new String(plain, StandardCharsets.UTF_8));
        assertNull(header(Http.query().header("Accept-Encoding", "gzip").post("SELECT 1"), "Content-Encoding"));
    }

    @Test
    void intoOutfileIsNotAllowedOverHttp() {
        HttpResponse<byte[]> r = Http.query().post("SELECT 1 INTO OUTFILE '/tmp/chdb-server-test-outfile.tsv'");
        assertEquals("358", header(r, "X-ClickHouse-Exception-Code"));
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/chdb-server-test-outfile.tsv")));
    }

    /** One LZ4 block in ClickHouse's framing, built with the driver's CityHash and lz4-java. */
    private static byte[] frame(byte[] data) {
        var compressor = LZ4Factory.safeInstance().fastCompressor();
        byte[] out = new byte[16 + 9 + compressor.maxCompressedLength(data.length)];
        int n = compressor.compress(data, 0, data.length, out, 25, out.length - 25);
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.position(16);
        b.put((byte) 0x82).putInt(9 + n).putInt(data.length);
        long[] checksum = ClickHouseCityHash.cityHash128(out, 16, 9 + n);
        b.position(0);
        b.putLong(checksum[0]).putLong(checksum[1]);
        return java.util.Arrays.copyOf(out, 25 + n);
    }
}
