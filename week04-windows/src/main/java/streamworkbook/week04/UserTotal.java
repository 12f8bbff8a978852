package streamworkbook.week04;

import java.math.BigDecimal;

/** A user's running purchase totals, kept in keyed state. */
public record UserTotal(String userId, long purchases, BigDecimal revenue) {
}
