package streamworkbook.week04;

import java.math.BigDecimal;

/**
 * What the catalog in PostgreSQL says about a product. Never null downstream: a product the catalog
 * does not know becomes {@link #unknown(String)}.
 */
public record ProductInfo(String productId, String name, String category, BigDecimal listPrice) {

    /** The name and category given to products the catalog does not have. */
    public static final String UNKNOWN = "UNKNOWN";

    /** A product the catalog does not know (or an event without a product: id ""). */
    public static ProductInfo unknown(String productId) {
        return new ProductInfo(productId == null ? "" : productId, UNKNOWN, UNKNOWN, BigDecimal.ZERO);
    }
}
