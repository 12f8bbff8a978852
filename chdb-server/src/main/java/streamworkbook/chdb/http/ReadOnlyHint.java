package streamworkbook.chdb.http;

/**
 * The hint a ClickHouse server adds when a GET request tries to write: GET implies readonly,
 * which surprises people typing a CREATE TABLE into a browser's address bar.
 */
final class ReadOnlyHint {

    private static final String READONLY_SUFFIX = " (READONLY)";
    static final String GET_IMPLIES_READONLY = " For queries over HTTP, method GET implies readonly."
            + " You should use method POST for modifying queries";
    private static final String HINT = GET_IMPLIES_READONLY + ".";

    private ReadOnlyHint() {
    }

    static String add(String error) {
        if (error.startsWith("Code: 164.") && error.endsWith(READONLY_SUFFIX)) {
            return error.substring(0, error.length() - READONLY_SUFFIX.length()) + HINT + READONLY_SUFFIX;
        }
        return error;
    }
}
