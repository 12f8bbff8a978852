package streamworkbook.chdb.sql;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ClientHintsTest {

    private static String neutralize(String sql) {
        return new String(ClientHints.neutralize(sql.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void bracesInCommentsBecomeSpacesAndNothingElseChanges() {
        assertEquals("SELECT throwIf(1) --   serverError 395 }", neutralize("SELECT throwIf(1) -- { serverError 395 }"));
        assertEquals("/*   echo } */ SELECT 1", neutralize("/* { echo } */ SELECT 1"));
        assertEquals("SELECT 1 #   echo }\n, 2", neutralize("SELECT 1 # { echo }\n, 2"));
        assertEquals("SELECT '-- { x }', `{y}`, {p:String}, $$ -- { z } $$ --  ",
                neutralize("SELECT '-- { x }', `{y}`, {p:String}, $$ -- { z } $$ -- {"));
        assertEquals("SELECT 1 /*   unclosed", neutralize("SELECT 1 /* { unclosed"));
    }

    @Test
    void textWithoutHintsIsNotCopied() {
        byte[] sql = "SELECT {n:UInt8} -- a comment".getBytes(StandardCharsets.UTF_8);
        assertSame(sql, ClientHints.neutralize(sql));
    }
}
