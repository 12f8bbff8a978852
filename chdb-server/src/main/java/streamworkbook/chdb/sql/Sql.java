package streamworkbook.chdb.sql;

/** Quoting for the SQL this server writes itself ({@code USE}, {@code SET}, {@code FROM INFILE}). */
public final class Sql {

    private Sql() {
    }

    /** A back-quoted identifier: any name (even one with quotes or spaces) stays one identifier. */
    public static String identifier(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** A string literal. */
    public static String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
