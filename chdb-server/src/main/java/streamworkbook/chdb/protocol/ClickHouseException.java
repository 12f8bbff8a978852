package streamworkbook.chdb.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error as ClickHouse reports it: a numeric code and {@code Code: N. DB::Exception: … (NAME)}.
 *
 * <p>Errors come from two places: the engine (its text already has this shape and is passed on
 * unchanged) and this server (multi-statements, authentication, compression framing), which
 * words them the way ClickHouse does so clients parse both alike.
 */
public final class ClickHouseException extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("^Code: (\\d+)\\.");

    private final int code;
    private final String text;

    private ClickHouseException(int code, String text) {
        super(text);
        this.code = code;
        this.text = text;
    }

    /** An error raised by this server, worded like ClickHouse: the name is looked up from the code. */
    public static ClickHouseException of(int code, String message) {
        String name = ErrorCodes.NAMES.getOrDefault(code, "UNKNOWN_EXCEPTION");
        return new ClickHouseException(code, "Code: " + code + ". DB::Exception: " + message + ". (" + name + ")");
    }

    /** An error text produced by the engine; the code is read from its {@code Code: N.} prefix. */
    public static ClickHouseException fromEngine(String text) {
        Matcher m = CODE.matcher(text);
        int code = m.find() ? Integer.parseInt(m.group(1)) : ErrorCodes.LOGICAL_ERROR;
        return new ClickHouseException(code, m.find(0) ? text : "Code: " + code + ". DB::Exception: " + text);
    }

    public int code() {
        return code;
    }

    /** The complete text, {@code Code: N. DB::Exception: …}, as sent in the response body. */
    public String text() {
        return text;
    }

    public int httpStatus() {
        return ErrorCodes.httpStatus(code);
    }
}
