package streamworkbook.chdb.sql;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static streamworkbook.chdb.sql.SqlLexer.Type;

/**
 * What the HTTP layer must know about one statement before the engine sees it.
 *
 * <ul>
 *   <li>{@link #multiStatementAt()} — a second statement after {@code ;}, which a server refuses
 *       (chDB would run both, like its command-line client).</li>
 *   <li>For {@code INSERT … VALUES} / {@code INSERT … FORMAT x}: where the inline data begins
 *       and where {@code FROM INFILE} can be spliced in — chDB splits query text like a command
 *       line client does, so inline data is spooled to a file instead of passed as SQL.</li>
 *   <li>{@link #outputFormat()} — the query's FORMAT clause, which wins over headers and
 *       parameters.</li>
 * </ul>
 *
 * The analysis is lexical, not a parse: it finds keywords at bracket depth 0 and leaves every
 * judgement about validity to the engine.
 */
public final class Statement {

    private final byte[] text;
    private final int length;

    private String keyword = "";
    private boolean empty = true;
    private boolean incomplete;
    private int multiStatementAt = -1;
    private int outfileAt = -1;
    private String outputFormat;
    private boolean temporaryTable;

    private int insertionPoint = -1;
    private int dataClauseStart = -1;
    private int dataStart = -1;
    private String inputFormat;

    private Statement(byte[] text, int length) {
        this.text = text;
        this.length = length;
    }

    /**
     * Analyses {@code text[0, length)}. {@code complete} says whether that is all the input there
     * is; when it is not, {@link #incomplete()} reports whether more is needed to decide.
     */
    public static Statement analyze(byte[] text, int length, boolean complete) {
        Statement s = new Statement(text, length);
        s.scan(new SqlLexer(text, length), complete);
        return s;
    }

    public static Statement analyze(String sql) {
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
        return analyze(bytes, bytes.length, true);
    }

    private void scan(SqlLexer lexer, boolean complete) {
        Type t = lexer.next();
        while (t == Type.SYMBOL && lexer.isSymbol('(')) {
            t = lexer.next();
        }
        if (t == Type.END) {
            incomplete = !complete;
            return;
        }
        empty = false;
        if (t == Type.WORD) {
            keyword = lexer.text().toUpperCase(Locale.ROOT);
        }
        boolean insert = keyword.equals("INSERT");
        if (insert) {
            t = skipInsertTarget(lexer);
        } else if (keyword.equals("CREATE")) {
            t = lexer.next();
            temporaryTable = lexer.isWord("TEMPORARY");
        }
        int depth = 0;
        while (t != Type.END) {
            if (t == Type.UNTERMINATED) {
                incomplete = !complete;
                return;
            }
            if (lexer.isSymbol(';')) {
                int semicolon = lexer.start();
                if (lexer.next() != Type.END) {
                    multiStatementAt = semicolon;
                    return;
                }
                break;
            }
            if (lexer.isSymbol('(') || lexer.isSymbol('[') || lexer.isSymbol('{')) {
                depth++;
            } else if (lexer.isSymbol(')') || lexer.isSymbol(']') || lexer.isSymbol('}')) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && t == Type.WORD) {
                if (insert && (lexer.isWord("SELECT") || lexer.isWord("WITH") || lexer.isWord("FROM"))) {
                    insert = false; // INSERT … SELECT, or a client's own FROM INFILE: no inline data
                } else if (insert && lexer.isWord("SETTINGS") && insertionPoint < 0) {
                    insertionPoint = lexer.start();
                } else if (insert && lexer.isWord("VALUES")) {
                    markData(lexer.start(), lexer.end(), "Values");
                    // "VALUES" at the very end of what was read could still be the start of a longer word
                    incomplete = !complete && lexer.end() >= length;
                    return;
                } else if (insert && lexer.isWord("FORMAT")) {
                    int clause = lexer.start();
                    Type name = lexer.next();
                    if (name != Type.WORD && name != Type.QUOTED_IDENTIFIER) {
                        incomplete = !complete && (name == Type.END || name == Type.UNTERMINATED);
                        return; // no format name: the engine reports the syntax error
                    }
                    int nameEnd = lexer.end();
                    markData(clause, dataStartAfterFormatName(nameEnd), raw(lexer));
                    // the name, or the whitespace and newline after it, may continue beyond what was read
                    incomplete = !complete && (nameEnd >= length
                            || (dataStart >= length && text[length - 1] != '\n'));
                    return;
                } else if (!insert && lexer.isWord("FORMAT")) {
                    t = lexer.next();
                    if (t == Type.WORD || t == Type.QUOTED_IDENTIFIER) {
                        String name = lexer.text();
                        t = lexer.next();
                        if (t == Type.END || lexer.isSymbol(';') || lexer.isWord("SETTINGS")) {
                            outputFormat = name;
                        }
                    }
                    continue;
                } else if (!insert && lexer.isWord("INTO")) {
                    int into = lexer.start();
                    t = lexer.next();
                    if (lexer.isWord("OUTFILE")) {
                        outfileAt = into;
                    }
                    continue;
                }
            }
            t = lexer.next();
        }
        incomplete = !complete;
    }

    /** Skips {@code INTO [TABLE] name[.name]} or {@code INTO [TABLE] FUNCTION f(…)}; returns the next token. */
    private Type skipInsertTarget(SqlLexer lexer) {
        Type t = lexer.next();
        if (lexer.isWord("INTO")) {
            t = lexer.next();
        }
        if (lexer.isWord("TABLE")) {
            t = lexer.next();
        }
        if (lexer.isWord("FUNCTION")) {
            lexer.next(); // function name
            t = lexer.next();
            if (lexer.isSymbol('(')) {
                int depth = 1;
                while (depth > 0 && (t = lexer.next()) != Type.END && t != Type.UNTERMINATED) {
                    if (lexer.isSymbol('(')) {
                        depth++;
                    } else if (lexer.isSymbol(')')) {
                        depth--;
                    }
                }
                t = lexer.next();
            }
            return t;
        }
        if (t == Type.WORD || t == Type.QUOTED_IDENTIFIER) {
            t = lexer.next();
            if (lexer.isSymbol('.')) {
                lexer.next();
                t = lexer.next();
            }
        }
        return t;
    }

    /** ClickHouse's rule: data starts after the first newline following the format name, or after spaces. */
    private int dataStartAfterFormatName(int nameEnd) {
        int p = nameEnd;
        while (p < length && (text[p] == ' ' || text[p] == '\t' || text[p] == '\f')) {
            p++;
        }
        if (p < length && text[p] == '\r') {
            p++;
        }
        if (p < length && text[p] == '\n') {
            p++;
        }
        return p;
    }

    private void markData(int clauseStart, int start, String format) {
        if (insertionPoint < 0) {
            insertionPoint = clauseStart;
        }
        dataClauseStart = clauseStart;
        dataStart = start;
        inputFormat = format;
    }

    private String raw(SqlLexer lexer) {
        return new String(text, lexer.start(), lexer.end() - lexer.start(), StandardCharsets.UTF_8);
    }

    /** True if there is no statement at all (only whitespace and comments). */
    public boolean isEmpty() {
        return empty;
    }

    /** The first keyword in upper case ({@code SELECT}, {@code INSERT}, {@code SET} …), or "". */
    public String keyword() {
        return keyword;
    }

    /** More input is needed before the answers above are final. */
    public boolean incomplete() {
        return incomplete;
    }

    /** Offset of a {@code ;} that is followed by another statement, or -1. */
    public int multiStatementAt() {
        return multiStatementAt;
    }

    /** Offset of an {@code INTO OUTFILE} clause, or -1. */
    public int outfileAt() {
        return outfileAt;
    }

    /** The name in a trailing {@code FORMAT name} clause of a query, or null. */
    public String outputFormat() {
        return outputFormat;
    }

    /**
     * True if the statement leaves state in the engine session that a server would drop at the end
     * of the request ({@code SET}, {@code CREATE TEMPORARY TABLE}): such a session is replaced.
     */
    public boolean leavesSessionState() {
        return keyword.equals("SET") || temporaryTable;
    }

    /** True for {@code INSERT … VALUES} and {@code INSERT … FORMAT x}: data follows the SQL. */
    public boolean hasInlineData() {
        return dataStart >= 0;
    }

    /** Offset where the inline data begins (may equal the input length: the data is all in the body). */
    public int dataStart() {
        return dataStart;
    }

    /** {@code Values} for {@code INSERT … VALUES}, else the name after FORMAT as written. */
    public String inputFormat() {
        return inputFormat;
    }

    /**
     * The INSERT rewritten to read its data from {@code file}: {@code INSERT INTO t (…) FROM INFILE
     * 'file' [SETTINGS …] FORMAT x} — the grammar wants FROM INFILE before SETTINGS and FORMAT.
     */
    public String insertFromFile(String file) {
        if (!hasInlineData()) {
            throw new IllegalStateException("not an INSERT with inline data");
        }
        String head = new String(text, 0, insertionPoint, StandardCharsets.UTF_8).stripTrailing();
        String settings = new String(text, insertionPoint, dataClauseStart - insertionPoint, StandardCharsets.UTF_8).strip();
        return head + " FROM INFILE " + Sql.string(file) + (settings.isEmpty() ? "" : " " + settings)
                + " FORMAT " + inputFormat;
    }
}
