package streamworkbook.chdb.protocol;

import java.util.Map;
import java.util.Set;

/**
 * ClickHouse error codes this server raises itself or maps to HTTP statuses.
 *
 * <p>The numbers are ClickHouse's; a test checks each against the engine's own
 * {@code errorCodeToName()}. The HTTP status of an error follows the table ClickHouse's HTTP
 * handler uses, so clients that branch on 400/403/404 see the same thing as with a real server.
 */
public final class ErrorCodes {

    public static final int UNSUPPORTED_METHOD = 1;
    public static final int CANNOT_PARSE_TEXT = 6;
    public static final int THERE_IS_NO_COLUMN = 8;
    public static final int DUPLICATE_COLUMN = 15;
    public static final int CANNOT_PARSE_ESCAPE_SEQUENCE = 25;
    public static final int CANNOT_PARSE_QUOTED_STRING = 26;
    public static final int CANNOT_PARSE_INPUT_ASSERTION_FAILED = 27;
    public static final int BAD_ARGUMENTS = 36;
    public static final int UNKNOWN_ELEMENT_IN_AST = 37;
    public static final int CANNOT_PARSE_DATE = 38;
    public static final int TOO_LARGE_SIZE_COMPRESSED = 39;
    public static final int CHECKSUM_DOESNT_MATCH = 40;
    public static final int CANNOT_PARSE_DATETIME = 41;
    public static final int ILLEGAL_COLUMN = 44;
    public static final int UNKNOWN_FUNCTION = 46;
    public static final int UNKNOWN_IDENTIFIER = 47;
    public static final int NOT_IMPLEMENTED = 48;
    public static final int LOGICAL_ERROR = 49;
    public static final int UNKNOWN_TYPE = 50;
    public static final int TYPE_MISMATCH = 53;
    public static final int UNKNOWN_STORAGE = 56;
    public static final int UNKNOWN_TABLE = 60;
    public static final int SYNTAX_ERROR = 62;
    public static final int UNKNOWN_AGGREGATE_FUNCTION = 63;
    public static final int CANNOT_PARSE_NUMBER = 72;
    public static final int UNKNOWN_FORMAT = 73;
    public static final int CANNOT_OPEN_FILE = 76;
    public static final int UNKNOWN_TYPE_OF_QUERY = 78;
    public static final int UNKNOWN_DATABASE = 81;
    public static final int UNKNOWN_COMPRESSION_METHOD = 89;
    public static final int UNKNOWN_SETTING = 115;
    public static final int INCORRECT_DATA = 117;
    public static final int UNKNOWN_TYPE_OF_AST_NODE = 123;
    public static final int UNKNOWN_DIRECTION_OF_SORTING = 152;
    public static final int TIMEOUT_EXCEEDED = 159;
    public static final int READONLY = 164;
    public static final int TOO_DEEP_AST = 167;
    public static final int TOO_BIG_AST = 168;
    public static final int UNKNOWN_USER = 192;
    public static final int WRONG_PASSWORD = 193;
    public static final int REQUIRED_PASSWORD = 194;
    public static final int SOCKET_TIMEOUT = 209;
    public static final int UNEXPECTED_AST_STRUCTURE = 223;
    public static final int QUERY_IS_TOO_LARGE = 229;
    public static final int CANNOT_DECOMPRESS = 271;
    public static final int VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE = 321;
    public static final int UNKNOWN_DATABASE_ENGINE = 336;
    public static final int INTO_OUTFILE_NOT_ALLOWED = 358;
    public static final int SESSION_NOT_FOUND = 372;
    public static final int SESSION_IS_LOCKED = 373;
    public static final int INVALID_SESSION_TIMEOUT = 374;
    public static final int CANNOT_PARSE_UUID = 376;
    public static final int HTTP_LENGTH_REQUIRED = 381;
    public static final int CANNOT_COMPILE_REGEXP = 427;
    public static final int CANNOT_SCHEDULE_TASK = 439;
    public static final int CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING = 441;
    public static final int AUTHENTICATION_FAILED = 516;
    public static final int CANNOT_PARSE_IPV4 = 675;
    public static final int CANNOT_PARSE_IPV6 = 676;
    public static final int USER_SESSION_LIMIT_EXCEEDED = 700;
    public static final int STD_EXCEPTION = 1001;

    /** Names of the codes this server raises itself (the suffix ClickHouse prints after a message). */
    static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(UNSUPPORTED_METHOD, "UNSUPPORTED_METHOD"),
            Map.entry(BAD_ARGUMENTS, "BAD_ARGUMENTS"),
            Map.entry(TOO_LARGE_SIZE_COMPRESSED, "TOO_LARGE_SIZE_COMPRESSED"),
            Map.entry(CHECKSUM_DOESNT_MATCH, "CHECKSUM_DOESNT_MATCH"),
            Map.entry(LOGICAL_ERROR, "LOGICAL_ERROR"),
            Map.entry(NOT_IMPLEMENTED, "NOT_IMPLEMENTED"),
            Map.entry(SYNTAX_ERROR, "SYNTAX_ERROR"),
            Map.entry(UNKNOWN_COMPRESSION_METHOD, "UNKNOWN_COMPRESSION_METHOD"),
            Map.entry(READONLY, "READONLY"),
            Map.entry(QUERY_IS_TOO_LARGE, "QUERY_IS_TOO_LARGE"),
            Map.entry(CANNOT_DECOMPRESS, "CANNOT_DECOMPRESS"),
            Map.entry(INTO_OUTFILE_NOT_ALLOWED, "INTO_OUTFILE_NOT_ALLOWED"),
            Map.entry(SESSION_NOT_FOUND, "SESSION_NOT_FOUND"),
            Map.entry(SESSION_IS_LOCKED, "SESSION_IS_LOCKED"),
            Map.entry(INVALID_SESSION_TIMEOUT, "INVALID_SESSION_TIMEOUT"),
            Map.entry(USER_SESSION_LIMIT_EXCEEDED, "USER_SESSION_LIMIT_EXCEEDED"),
            Map.entry(HTTP_LENGTH_REQUIRED, "HTTP_LENGTH_REQUIRED"),
            Map.entry(STD_EXCEPTION, "STD_EXCEPTION"),
            Map.entry(AUTHENTICATION_FAILED, "AUTHENTICATION_FAILED"));

    private static final Set<Integer> BAD_REQUEST = Set.of(
            BAD_ARGUMENTS, CANNOT_COMPILE_REGEXP, CANNOT_PARSE_TEXT, CANNOT_PARSE_ESCAPE_SEQUENCE,
            CANNOT_PARSE_QUOTED_STRING, CANNOT_PARSE_DATE, CANNOT_PARSE_DATETIME, CANNOT_PARSE_NUMBER,
            CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING, CANNOT_PARSE_IPV4, CANNOT_PARSE_IPV6,
            CANNOT_PARSE_INPUT_ASSERTION_FAILED, CANNOT_PARSE_UUID, DUPLICATE_COLUMN, ILLEGAL_COLUMN,
            UNKNOWN_ELEMENT_IN_AST, UNKNOWN_TYPE_OF_AST_NODE, THERE_IS_NO_COLUMN, TOO_DEEP_AST, TOO_BIG_AST,
            UNEXPECTED_AST_STRUCTURE, SYNTAX_ERROR, INCORRECT_DATA, TYPE_MISMATCH, VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE);

    private static final Set<Integer> NOT_FOUND = Set.of(
            UNKNOWN_TABLE, UNKNOWN_FUNCTION, UNKNOWN_IDENTIFIER, UNKNOWN_TYPE, UNKNOWN_STORAGE, UNKNOWN_DATABASE,
            UNKNOWN_SETTING, UNKNOWN_DIRECTION_OF_SORTING, UNKNOWN_AGGREGATE_FUNCTION, UNKNOWN_FORMAT,
            UNKNOWN_DATABASE_ENGINE, UNKNOWN_TYPE_OF_QUERY);

    private ErrorCodes() {
    }

    /** The HTTP status ClickHouse answers an error with this code. */
    public static int httpStatus(int code) {
        if (code == REQUIRED_PASSWORD) {
            return 401;
        }
        if (code == UNKNOWN_USER || code == WRONG_PASSWORD || code == AUTHENTICATION_FAILED) {
            return 403;
        }
        if (BAD_REQUEST.contains(code)) {
            return 400;
        }
        if (NOT_FOUND.contains(code)) {
            return 404;
        }
        if (code == QUERY_IS_TOO_LARGE) {
            return 413;
        }
        if (code == NOT_IMPLEMENTED) {
            return 501;
        }
        if (code == SOCKET_TIMEOUT || code == CANNOT_OPEN_FILE || code == CANNOT_SCHEDULE_TASK) {
            return 503;
        }
        if (code == HTTP_LENGTH_REQUIRED) {
            return 411;
        }
        if (code == TIMEOUT_EXCEEDED) {
            return 408;
        }
        return 500;
    }
}
