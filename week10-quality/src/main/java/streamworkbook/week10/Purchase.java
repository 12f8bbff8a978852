package streamworkbook.week10;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A purchase as the shop's consumers need it, whichever version of the contract it was written with: version 1
 * (week 7: {@code price}, an integer {@code quantity}) or version 2 ({@code unit_price}, a decimal {@code quantity},
 * an optional {@code coupon_code}) — see {@code contracts/v2/purchase.schema.json}.
 *
 * @param sessionId  null when the record has none (it is not needed to read a purchase)
 * @param quantity   as written: {@code 3} or {@code 0.25} (kilograms of coffee)
 * @param unitPrice  the price of one unit, as written
 * @param couponCode null when the record has none (every version 1 record)
 */
public record Purchase(String eventId, Instant eventTime, String userId, String sessionId, String orderId, String productId,
                       BigDecimal quantity, BigDecimal unitPrice, String couponCode) {
}
