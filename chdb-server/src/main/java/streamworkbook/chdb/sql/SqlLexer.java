package streamworkbook.chdb.sql;

/**
 * Splits ClickHouse SQL into tokens, only as far as this server needs: where statements end,
 * where an INSERT's inline data starts, which FORMAT a query names.
 *
 * <p>It works on UTF-8 bytes (a request body may carry binary data after the SQL) and knows the
 * lexical rules that decide what is code and what is not: {@code 'strings'} with backslash and
 * doubled-quote escapes, {@code `identifiers`} and {@code "identifiers"}, {@code $tag$heredocs$tag$},
 * {@code -- line}, {@code # line} and nested {@code /* block *}{@code /} comments. Everything else is
 * a word (letters, digits, {@code _}, {@code $}, non-ASCII bytes) or a one-byte symbol.
 */
public final class SqlLexer {

    public enum Type {
        /** Keyword, identifier or number. */
        WORD,
        /** {@code `name`} or {@code "name"}. */
        QUOTED_IDENTIFIER,
        /** {@code 'text'} or a heredoc. */
        STRING,
        /** Any other single byte: parentheses, commas, operators, {@code ;}. */
        SYMBOL,
        /** A string, quoted identifier or comment that the input ends inside. */
        UNTERMINATED,
        END
    }

    private final byte[] text;
    private final int length;
    private int position;

    private Type type;
    private int start;
    private int end;

    /** Told the byte range of every comment the lexer skips. */
    @FunctionalInterface
    public interface CommentListener {
        void comment(int start, int end);
    }

    private final CommentListener comments;

    public SqlLexer(byte[] text, int length) {
        this(text, length, (start, end) -> { });
    }

    public SqlLexer(byte[] text, int length, CommentListener comments) {
        this.text = text;
        this.length = length;
        this.comments = comments;
    }

    /** Moves to the next token, skipping whitespace and comments; returns its type. */
    public Type next() {
        int openComment = skipSpaceAndComments();
        if (openComment >= 0) {
            start = openComment;
            end = length;
            return type = Type.UNTERMINATED;
        }
        start = position;
        if (position >= length) {
            end = position;
            return type = Type.END;
        }
        int c = text[position] & 0xff;
        if (c == '\'') {
            return quoted('\'', Type.STRING);
        }
        if (c == '`' || c == '"') {
            return quoted(c, Type.QUOTED_IDENTIFIER);
        }
        if (c == '$' && heredoc()) {
            return type;
        }
        if (isWordByte(c)) {
            while (position < length && isWordByte(text[position] & 0xff)) {
                position++;
            }
            end = position;
            return type = Type.WORD;
        }
        position++;
        end = position;
        return type = Type.SYMBOL;
    }

    /** Offset of the current token's first byte. */
    public int start() {
        return start;
    }

    /** Offset just past the current token. */
    public int end() {
        return end;
    }

    /** True if the current token is the word {@code keyword}, compared case-insensitively. */
    public boolean isWord(String keyword) {
        if (type != Type.WORD || end - start != keyword.length()) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (Character.toUpperCase((char) (text[start + i] & 0xff)) != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True if the current token is the one-byte symbol {@code c}. */
    public boolean isSymbol(char c) {
        return type == Type.SYMBOL && text[start] == (byte) c;
    }

    /** The current token's text; for a quoted identifier, without quotes (escapes are not needed here). */
    public String text() {
        if (type == Type.QUOTED_IDENTIFIER && end - start >= 2) {
            return new String(text, start + 1, end - start - 2, java.nio.charset.StandardCharsets.UTF_8);
        }
        return new String(text, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Type quoted(int quote, Type kind) {
        position++;
        while (position < length) {
            int c = text[position] & 0xff;
            if (c == '\\') {
                position += 2;
            } else if (c == quote) {
                if (position + 1 < length && (text[position + 1] & 0xff) == quote) {
                    position += 2; // doubled quote: an escaped quote character
                } else {
                    position++;
                    end = position;
                    return type = kind;
                }
            } else {
                position++;
            }
        }
        position = length;
        end = length;
        return type = Type.UNTERMINATED;
    }

    /** {@code $tag$ … $tag$} (tag may be empty); false if the {@code $} does not open one. */
    private boolean heredoc() {
        int tagEnd = position + 1;
        while (tagEnd < length && isTagByte(text[tagEnd] & 0xff)) {
            tagEnd++;
        }
        if (tagEnd >= length || text[tagEnd] != '$') {
            return false;
        }
        int tagLength = tagEnd + 1 - position;
        for (int i = tagEnd + 1; i + tagLength <= length; i++) {
            if (regionMatches(i, position, tagLength)) {
                position = i + tagLength;
                end = position;
                type = Type.STRING;
                return true;
            }
        }
        position = length;
        end = length;
        type = Type.UNTERMINATED;
        return true;
    }

    private boolean regionMatches(int a, int b, int n) {
        for (int i = 0; i < n; i++) {
            if (text[a + i] != text[b + i]) {
                return false;
            }
        }
        return true;
    }

    /** Skips whitespace and comments; returns -1, or where a comment starts that the input ends inside. */
    private int skipSpaceAndComments() {
        while (position < length) {
            int c = text[position] & 0xff;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
                position++;
            } else if ((c == '-' && at(position + 1) == '-')
                    || (c == '#' && (at(position + 1) == ' ' || at(position + 1) == '!'))) {
                int commentStart = position;
                skipLine();
                comments.comment(commentStart, position);
            } else if (c == '/' && at(position + 1) == '*') {
                int commentStart = position;
                boolean closed = skipBlockComment();
                comments.comment(commentStart, position);
                if (!closed) {
                    return commentStart;
                }
            } else {
                return -1;
            }
        }
        return -1;
    }

    private void skipLine() {
        while (position < length && text[position] != '\n') {
            position++;
        }
    }

    /** Skips a (possibly nested) block comment; false if it never closes. */
    private boolean skipBlockComment() {
        int depth = 0;
        int p = position;
        while (p < length) {
            if (text[p] == '/' && at(p + 1) == '*') {
                depth++;
                p += 2;
            } else if (text[p] == '*' && at(p + 1) == '/') {
                depth--;
                p += 2;
                if (depth == 0) {
                    position = p;
                    return true;
                }
            } else {
                p++;
            }
        }
        position = length;
        return false;
    }

    private int at(int p) {
        return p < length ? text[p] & 0xff : -1;
    }

    private static boolean isWordByte(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '$' || c >= 0x80;
    }

    private static boolean isTagByte(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
