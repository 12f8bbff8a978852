package streamworkbook.chdb.sql;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementTest {

    @Test
    void secondStatementIsFoundButSemicolonsInStringsCommentsAndTrailingOnesAreNot() {
        assertEquals(8, Statement.analyze("SELECT 1; SELECT 2").multiStatementAt());
        assertEquals(8, Statement.analyze("SELECT 1;;").multiStatementAt());
        assertEquals(-1, Statement.analyze("SELECT 1;").multiStatementAt());
        assertEquals(-1, Statement.analyze("SELECT 1;  -- done\n").multiStatementAt());
        assertEquals(-1, Statement.analyze("SELECT 'a;b', \"c;d\", `e;f` -- ;x\n /* ; /* nested ; */ */").multiStatementAt());
        assertEquals(-1, Statement.analyze("SELECT $$;$$, $tag$ ; $tag$").multiStatementAt());
        assertEquals(-1, Statement.analyze("SELECT 'it''s; \\' ;'").multiStatementAt());
        assertEquals(16, Statement.analyze("SELECT 'x' # c;\n; DROP TABLE t").multiStatementAt());
    }

    @Test
    void emptyQueriesAreRecognised() {
        assertTrue(Statement.analyze("").isEmpty());
        assertTrue(Statement.analyze("  -- nothing\n /* here */ ").isEmpty());
        assertFalse(Statement.analyze("SELECT 1").isEmpty());
    }

    @Test
    void aTrailingFormatClauseIsTheOutputFormat() {
        assertEquals("JSONEachRow", Statement.analyze("SELECT 1 FORMAT JSONEachRow").outputFormat());
        assertEquals("CSV", Statement.analyze("select 1 format CSV;").outputFormat());
        assertEquals("TSV", Statement.analyze("SELECT 1 FORMAT TSV SETTINGS max_threads = 1").outputFormat());
        assertEquals("JSON", Statement.analyze("SELECT 1 FORMAT `JSON`").outputFormat());
        assertNull(Statement.analyze("SELECT format('{}', 'x')").outputFormat());
        assertNull(Statement.analyze("SELECT 1 AS format").outputFormat());
        assertNull(Statement.analyze("SELECT 'FORMAT CSV'").outputFormat());
        assertNull(Statement.analyze("SELECT * FROM (SELECT 1 FORMAT CSV)").outputFormat());
    }

    @Test
    void insertValuesDataStartsRightAfterTheKeyword() {
        String sql = "INSERT INTO db.t (a, b) VALUES (1, 'x\n\ny'), (2, ';')";
        Statement s = Statement.analyze(sql);
        assertTrue(s.hasInlineData());
        assertEquals("Values", s.inputFormat());
        assertEquals(" (1, 'x\n\ny'), (2, ';')", sql.substring(s.dataStart()));
        assertEquals(-1, s.multiStatementAt());
        assertEquals("INSERT INTO db.t (a, b) FROM INFILE '/tmp/f' FORMAT Values", s.insertFromFile("/tmp/f"));
    }

    @Test
    void insertFormatDataStartsAfterTheFirstNewlineOrTheSpaces() {
        String sql = "INSERT INTO t FORMAT TabSeparated  \n1\tx\n";
        Statement s = Statement.analyze(sql);
        assertEquals("TabSeparated", s.inputFormat());
        assertEquals("1\tx\n", sql.substring(s.dataStart()));

        String inline = "insert into t format CSV 1,2";
        assertEquals("1,2", inline.substring(Statement.analyze(inline).dataStart()));

        String crlf = "INSERT INTO t FORMAT CSV\r\n\n1,2";
        assertEquals("\n1,2", crlf.substring(Statement.analyze(crlf).dataStart()));
    }

    @Test
    void fromInfileGoesBeforeSettingsAndFormat() {
        Statement s = Statement.analyze("INSERT INTO `my db`.t SETTINGS async_insert = 0 FORMAT RowBinary\n");
        assertEquals("INSERT INTO `my db`.t FROM INFILE '/s/it''s' SETTINGS async_insert = 0 FORMAT RowBinary"
                .replace("it''s", "it\\'s"), s.insertFromFile("/s/it's"));
    }

    @Test
    void tableNamesThatLookLikeKeywordsAreNotMistakenForTheDataClause() {
        Statement s = Statement.analyze("INSERT INTO values VALUES (1)");
        assertEquals(" (1)", "INSERT INTO values VALUES (1)".substring(s.dataStart()));
        Statement f = Statement.analyze("INSERT INTO format (format) FORMAT CSV\n1");
        assertEquals("CSV", f.inputFormat());
    }

    @Test
    void insertSelectAndClientInfileHaveNoInlineData() {
        assertFalse(Statement.analyze("INSERT INTO t SELECT * FROM values('a Int8', 1)").hasInlineData());
        assertFalse(Statement.analyze("INSERT INTO t WITH 1 AS x SELECT x").hasInlineData());
        assertFalse(Statement.analyze("INSERT INTO t FROM INFILE 'f' FORMAT CSV").hasInlineData());
        assertFalse(Statement.analyze("INSERT INTO t SETTINGS a = 1 SELECT 1").hasInlineData());
        assertTrue(Statement.analyze("INSERT INTO FUNCTION file('x.csv', 'CSV', 'a Int8') VALUES (1)").hasInlineData());
    }

    @Test
    void partialInputAsksForMoreOnlyWhileTheAnswerCanStillChange() {
        byte[] cutInName = "INSERT INTO t FORMAT Row".getBytes(StandardCharsets.UTF_8);
        assertTrue(Statement.analyze(cutInName, cutInName.length, false).incomplete());
        assertFalse(Statement.analyze(cutInName, cutInName.length, true).incomplete());

        byte[] beforeNewline = "INSERT INTO t FORMAT RowBinary ".getBytes(StandardCharsets.UTF_8);
        assertTrue(Statement.analyze(beforeNewline, beforeNewline.length, false).incomplete());

        byte[] withData = "INSERT INTO t FORMAT RowBinary\n\u0001\u0002".getBytes(StandardCharsets.UTF_8);
        Statement s = Statement.analyze(withData, withData.length, false);
        assertFalse(s.incomplete());
        assertEquals(31, s.dataStart());

        byte[] inString = "SELECT 'abc".getBytes(StandardCharsets.UTF_8);
        assertTrue(Statement.analyze(inString, inString.length, false).incomplete());
        byte[] select = "SELECT 1".getBytes(StandardCharsets.UTF_8);
        assertTrue(Statement.analyze(select, select.length, false).incomplete());
    }

    @Test
    void statementsThatLeaveSessionStateAndOutfilesAreFlagged() {
        assertTrue(Statement.analyze("SET max_threads = 1").leavesSessionState());
        assertTrue(Statement.analyze("CREATE TEMPORARY TABLE x (a Int8)").leavesSessionState());
        assertFalse(Statement.analyze("CREATE TABLE x (a Int8) ENGINE = Memory").leavesSessionState());
        assertFalse(Statement.analyze("SELECT 1").leavesSessionState());
        assertEquals("USE", Statement.analyze("use db").keyword());
        assertEquals("SELECT", Statement.analyze("(SELECT 1) UNION ALL (SELECT 2)").keyword());
        assertEquals(9, Statement.analyze("SELECT 1 INTO OUTFILE 'x.csv'").outfileAt());
        assertEquals(-1, Statement.analyze("SELECT 'INTO OUTFILE'").outfileAt());
    }
}
