package streamworkbook.week02;

/**
 * PostgreSQL rejected a row of the seed data, so nothing was loaded.
 * The message reads {@code cannot load <table>: <PostgreSQL's error and its detail>}, for example
 * {@code cannot load products: ERROR: new row for relation "products" violates check constraint
 * "products_price_positive"  Detail: Failing row contains (4242, SKU-004242, …)}.
 */
public class SeedRejectedException extends RuntimeException {

    private final String table;

    public SeedRejectedException(String table, String reason, Throwable cause) {
        super("cannot load " + table + ": " + reason, cause);
        this.table = table;
    }

    /** The table whose rows were being loaded. */
    public String table() {
        return table;
    }
}
