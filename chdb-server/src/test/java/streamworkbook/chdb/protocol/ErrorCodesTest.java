package streamworkbook.chdb.protocol;

import org.junit.jupiter.api.Test;
import streamworkbook.chdb.TestServer;
import streamworkbook.chdb.engine.ChdbConnection;
import streamworkbook.chdb.engine.ChdbEngine;
import streamworkbook.chdb.engine.ChdbResult;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorCodesTest {

    /** Every code constant is the engine's own number for that name, and so is every name used in messages. */
    @Test
    void constantsMatchTheEnginesErrorCodes() throws Exception {
        List<String> checked = new ArrayList<>();
        try (ChdbEngine engine = ChdbEngine.open(TestServer.get().dataPath())) {
            ChdbConnection c = engine.connect();
            for (Field field : ErrorCodes.class.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                    assertEquals(field.getName(), nameOf(c, field.getInt(null)));
                    checked.add(field.getName());
                }
            }
            for (Map.Entry<Integer, String> e : ErrorCodes.NAMES.entrySet()) {
                assertEquals(e.getValue(), nameOf(c, e.getKey()));
            }
            engine.close(c);
        }
        assertEquals(61, checked.size());
    }

    @Test
    void httpStatusesFollowClickHousesTable() {
        assertEquals(400, ErrorCodes.httpStatus(ErrorCodes.SYNTAX_ERROR));
        assertEquals(404, ErrorCodes.httpStatus(ErrorCodes.UNKNOWN_TABLE));
        assertEquals(404, ErrorCodes.httpStatus(ErrorCodes.UNKNOWN_DATABASE));
        assertEquals(403, ErrorCodes.httpStatus(ErrorCodes.AUTHENTICATION_FAILED));
        assertEquals(401, ErrorCodes.httpStatus(ErrorCodes.REQUIRED_PASSWORD));
        assertEquals(413, ErrorCodes.httpStatus(ErrorCodes.QUERY_IS_TOO_LARGE));
        assertEquals(501, ErrorCodes.httpStatus(ErrorCodes.NOT_IMPLEMENTED));
        assertEquals(500, ErrorCodes.httpStatus(ErrorCodes.READONLY));
        assertEquals(500, ErrorCodes.httpStatus(ErrorCodes.CHECKSUM_DOESNT_MATCH));
    }

    private static String nameOf(ChdbConnection c, int code) {
        try (ChdbResult r = c.query("SELECT errorCodeToName(" + code + ")", "TabSeparated")) {
            return r.text().strip();
        }
    }
}
