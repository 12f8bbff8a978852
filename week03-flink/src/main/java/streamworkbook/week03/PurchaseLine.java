package streamworkbook.week03;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One purchased product, typed: what {@link FirstJob#purchases} makes of a {@code PURCHASE} event.
 * A record of basic types, so Flink serializes it as a POJO (no Kryo).
 *
 * @param total unitPrice × quantity
 */
public record PurchaseLine(String orderId, String userId, String productId, int quantity,
                           BigDecimal unitPrice, BigDecimal total, Instant eventTime) {
}
