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
        if (!m.find()) {
            return new ClickHouseException(ErrorCodes.LOGICAL_ERROR,
                    "Code: " + ErrorCodes.LOGICAL_ERROR + ". DB::Exception: " + text);
        }
        int code = Integer.parseInt(m.group(1));
        return new ClickHouseException(code, unwrap(text, code));
    }

    /**
     * chDB rethrows some errors wrapped in themselves, e.g. an unknown format comes out as
     * {@code Code: 73. DB::Exception: Code: 73. DB::Exception: Code: 73. DB::Exception: Unknown format …
     * (UNKNOWN_FORMAT) (version …). (UNKNOWN_FORMAT) (version …). (UNKNOWN_FORMAT)}. A server reports
     * the innermost exception once: each wrapping layer added the prefix in front and
     * {@code " (version …). (NAME)"} behind, so both are peeled off together.
     */
    static String unwrap(String text, int code) {
        String prefix = "Code: " + code + ". DB::Exception: ";
        while (text.startsWith(prefix + prefix)) {
            String inner = text.substring(prefix.length());
            int nameSuffix = inner.lastIndexOf(". (");
            if (nameSuffix < 0) {
                break;
            }
            inner = inner.substring(0, nameSuffix);
            int version = inner.lastIndexOf(" (version ");
            if (version >= 0 && inner.endsWith(")")) {
                inner = inner.substring(0, version);
            }
            text = inner;
        }
        return text;
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
