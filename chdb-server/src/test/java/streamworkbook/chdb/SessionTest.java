package streamworkbook.chdb;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamworkbook.chdb.Http.header;
import static streamworkbook.chdb.Http.text;

/** HTTP sessions ({@code session_id}) as ClickHouse's HTTP interface has them. */
class SessionTest {

    private static String newSession() {
        return "s-" + UUID.randomUUID();
    }

    private static HttpResponse<byte[]> inSession(String session, String sql) {
        return Http.query().param("session_id", session).post(sql);
    }

    @Test
    void setUseParametersAndTemporaryTablesStayWithTheSession() throws Exception {
        String db = TestServer.newDatabase("session_state");
        String s = newSession();
        assertEquals(200, inSession(s, "SET max_threads = 1").statusCode());
        assertEquals("1\n", text(inSession(s, "SELECT getSetting('max_threads')")));
        assertEquals(200, inSession(s, "SET param_who = 'learner'").statusCode());
        assertEquals("learner\n", text(inSession(s, "SELECT {who:String}")));
        assertEquals(200, inSession(s, "USE " + db).statusCode());
        assertEquals(db + "\n", text(inSession(s, "SELECT currentDatabase()")));
        assertEquals(200, inSession(s, "CREATE TEMPORARY TABLE scratch (x UInt8)").statusCode());
        assertEquals(200, inSession(s, "INSERT INTO scratch VALUES (7), (8)").statusCode());
        assertEquals("15\n", text(inSession(s, "SELECT sum(x) FROM scratch")));

        // none of it leaks: not to requests without a session, not to another session
        String other = newSession();
        assertEquals(text(Http.query().post("SELECT getSetting('max_threads')")),
                text(inSession(other, "SELECT getSetting('max_threads')")));
        assertTrue(!text(Http.query().post("SELECT getSetting('max_threads')")).equals("1\n"));
        assertEquals("default\n", text(Http.query().post("SELECT currentDatabase()")));
        HttpResponse<byte[]> missing = inSession(other, "SELECT sum(x) FROM scratch");
        assertEquals("60", header(missing, "X-ClickHouse-Exception-Code"));
    }

    @Test
    void requestParametersApplyToTheirRequestOnly() throws Exception {
        String db = TestServer.newDatabase("session_params");
        String s = newSession();
        assertEquals(200, inSession(s, "SET max_threads = 3").statusCode());
        assertEquals("5\n", text(Http.query().param("session_id", s).param("max_threads", "5")
                .post("SELECT getSetting('max_threads')")));
        assertEquals("3\n", text(inSession(s, "SELECT getSetting('max_threads')")));
        assertEquals(db + "\n", text(Http.query().param("session_id", s).param("database", db)
                .post("SELECT currentDatabase()")));
        assertEquals("default\n", text(inSession(s, "SELECT currentDatabase()")));
    }

    @Test
    void sessionCheckOnAnUnknownSessionIsCode372() {
        HttpResponse<byte[]> r = Http.query().param("session_id", "never-used").param("session_check", "1")
                .post("SELECT 1");
        assertEquals(500, r.statusCode());
        assertEquals("372", header(r, "X-ClickHouse-Exception-Code"));
        assertEquals("Code: 372. DB::Exception: Session never-used not found. (SESSION_NOT_FOUND)\n", text(r));

        String s = newSession();
        assertEquals("1\n", text(inSession(s, "SELECT 1")));
        assertEquals("2\n", text(Http.query().param("session_id", s).param("session_check", "1").post("SELECT 2")));
    }

    @Test
    void aSessionRunningAStatementIsLockedCode373() throws Exception {
        String s = newSession();
        String marker = "locked_" + System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(
                () -> inSession(s, "SELECT sleep(2) /* " + marker + " */"));
        Processes.awaitRunning(marker, 1);
        HttpResponse<byte[]> second = inSession(s, "SELECT 1");
        assertEquals(500, second.statusCode());
        assertEquals("373", header(second, "X-ClickHouse-Exception-Code"));
        assertEquals("Code: 373. DB::Exception: Session " + s + " is locked by a concurrent client."
                + " (SESSION_IS_LOCKED)\n", text(second));
        assertEquals("0\n", text(first.get(1, TimeUnit.MINUTES)));
        assertEquals("1\n", text(inSession(s, "SELECT 1")), "free again once the first request ended");
    }

    @Test
    void aSessionIsDroppedAtItsTimeoutWithItsState() {
        String s = newSession();
        assertEquals(200, Http.query().param("session_id", s).param("session_timeout", "1")
                .post("CREATE TEMPORARY TABLE gone (x UInt8)").statusCode());
        // each request on a session starts its timeout anew: poll less often than it runs out
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() ->
                "372".equals(header(Http.query().param("session_id", s).param("session_check", "1")
                        .param("session_timeout", "1").post("SELECT 1"), "X-ClickHouse-Exception-Code")));
        assertEquals("60", header(inSession(s, "SELECT * FROM gone"), "X-ClickHouse-Exception-Code"),
                "a new session of the same name starts empty");
    }

    @Test
    void closeSessionDropsIt() {
        String s = newSession();
        assertEquals(200, Http.query().param("session_id", s).param("close_session", "1").post("SELECT 1")
                .statusCode());
        assertEquals("372", header(Http.query().param("session_id", s).param("session_check", "1").post("SELECT 1"),
                "X-ClickHouse-Exception-Code"));
    }

    @Test
    void sessionTimeoutIsCheckedLikeAServer() {
        HttpResponse<byte[]> tooLong = Http.query().param("session_id", newSession()).param("session_timeout", "3601")
                .post("SELECT 1");
        assertEquals("374", header(tooLong, "X-ClickHouse-Exception-Code"));
        assertEquals("Code: 374. DB::Exception: Session timeout '3601' is larger than max_session_timeout: 3600."
                + " (INVALID_SESSION_TIMEOUT)\n", text(tooLong));
        HttpResponse<byte[]> notANumber = Http.query().param("session_id", newSession())
                .param("session_timeout", "soon").post("SELECT 1");
        assertEquals("Code: 374. DB::Exception: Invalid session timeout: 'soon'. (INVALID_SESSION_TIMEOUT)\n",
                text(notANumber));
    }

    @Test
    void getInASessionReadsButDoesNotWrite() {
        String s = newSession();
        assertEquals(200, inSession(s, "SET max_threads = 1").statusCode());
        HttpResponse<byte[]> read = Http.query().param("session_id", s).param("query", "SELECT getSetting('max_threads')")
                .get();
        assertEquals("1\n", text(read));
        HttpResponse<byte[]> write = Http.query().param("session_id", s)
                .param("query", "CREATE TEMPORARY TABLE t (x UInt8)").get();
        assertEquals("164", header(write, "X-ClickHouse-Exception-Code"));
        assertEquals("Code: 164. DB::Exception: Cannot execute query in readonly mode. For queries over HTTP,"
                + " method GET implies readonly. You should use method POST for modifying queries. (READONLY)\n",
                text(write));
    }

    @Test
    void sessionsOfTwoUsersNeverMix() {
        String s = newSession();
        assertEquals(200, inSession(s, "SET max_threads = 1").statusCode());
        HttpResponse<byte[]> alice = Http.query().param("session_id", s).param("user", "alice")
                .param("password", "s3cret").post("SELECT getSetting('max_threads')");
        assertTrue(!text(alice).equals("1\n"), text(alice));
    }
}
