package streamworkbook.week03;

import java.math.BigDecimal;

/** A category's running total: purchase lines seen so far and the sum of their totals. */
public record CategoryRevenue(String category, long purchases, BigDecimal revenue) {

    /** The total after one more line: counts and revenues add up. */
    public CategoryRevenue plus(CategoryRevenue other) {
        return new CategoryRevenue(category, purchases + other.purchases, revenue.add(other.revenue));
    }
}
