package streamworkbook.week03;

/**
 * The given mapping from product to category for weeks 3's jobs (week 4 looks it up in PostgreSQL).
 * Products are {@code p-001} … {@code p-200}, forty per category, in this order:
 * books, electronics, home, sports, toys. Anything else is {@value #UNKNOWN}.
 */
public final class Catalog {

    public static final String UNKNOWN = "unknown";

    private static final String[] CATEGORIES = {"books", "electronics", "home", "sports", "toys"};

    private Catalog() {
    }

    /** {@code p-001}…{@code p-040} → books, {@code p-041}…{@code p-080} → electronics, … ; else {@value #UNKNOWN}. */
    public static String categoryOf(String productId) {
        if (productId == null || !productId.matches("p-\\d{3}")) {
            return UNKNOWN;
        }
        int n = Integer.parseInt(productId.substring(2));
        return n >= 1 && n <= 200 ? CATEGORIES[(n - 1) / 40] : UNKNOWN;
    }
}
