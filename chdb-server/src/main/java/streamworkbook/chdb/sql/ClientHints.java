package streamworkbook.chdb.sql;

/**
 * Keeps clickhouse-client's test hints away from the engine.
 *
 * <p>chDB runs statements through ClickHouse's client code, which reads comments such as
 * {@code -- { serverError 395 }} (swallow that error), {@code -- { echo }} (print the query to
 * stdout) or {@code -- { clientError FOO }} (fails with Code 597). A server never looks inside
 * comments, so this server blanks every <em>opening brace inside a comment</em> before the engine
 * sees the text: a hint needs one, nothing else in a comment means anything, and replacing one
 * byte by a space keeps every offset, so error positions still point at the client's text.
 * Braces in strings, identifiers and {@code {name:Type}} placeholders are untouched.
 */
public final class ClientHints {

    private ClientHints() {
    }

    /** {@code sql} with the opening braces inside its comments replaced by spaces (the same array if none). */
    public static byte[] neutralize(byte[] sql) {
        byte[][] copy = {sql};
        SqlLexer lexer = new SqlLexer(sql, sql.length, (start, end) -> {
            for (int i = start; i < end; i++) {
                if (copy[0][i] == '{') {
                    if (copy[0] == sql) {
                        copy[0] = sql.clone();
                    }
                    copy[0][i] = ' ';
                }
            }
        });
        SqlLexer.Type type;
        do {
            type = lexer.next();
        } while (type != SqlLexer.Type.END && type != SqlLexer.Type.UNTERMINATED);
        return copy[0];
    }
}
