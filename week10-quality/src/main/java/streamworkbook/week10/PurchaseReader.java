package streamworkbook.week10;

/**
 * Exercise 10.2 — a tolerant reader of purchases: it reads every version of the purchase contract that exists
 * (1 and 2) and the ones that will (fields it does not know are ignored), taking only what it needs.
 *
 * <p>See week10-quality/README.md, section 10.2.
 */
public interface PurchaseReader {

    /**
     * The purchase in a JSON record. Exactly:
     * <ul>
     *   <li>{@code type} must be {@code purchase};</li>
     *   <li>needed: {@code event_id}, {@code event_time} (an ISO-8601 instant), {@code user_id}, {@code order_id},
     *       {@code product_id} (text), {@code quantity} and the unit price (JSON numbers);</li>
     *   <li>the unit price is {@code unit_price}, or, in records written before version 2, {@code price} (its alias);
     *       when a record has both, {@code unit_price} counts;</li>
     *   <li>{@code quantity} and the unit price keep the value written, digit for digit ({@code 0.25} stays 0.25,
     *       {@code 3} stays 3; compare with {@code compareTo});</li>
     *   <li>optional: {@code session_id} and {@code coupon_code} (null when absent);</li>
     *   <li>any other field is ignored, whatever it holds.</li>
     * </ul>
     *
     * @throws UnreadableEventException when the record is not a JSON object ({@code $}), is not a purchase
     *         ({@code $.type}), or lacks a needed field or holds one of the wrong kind — naming that field
     *         ({@code $.order_id}, {@code $.quantity}, {@code $.unit_price} when neither name is there), in
     *         {@link UnreadableEventException#field()} and in the message
     */
    Purchase read(byte[] json);
}
