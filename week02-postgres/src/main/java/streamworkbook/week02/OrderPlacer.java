package streamworkbook.week02;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Exercise 2.3: places an order as one transaction, so stock is never oversold, even when many
 * shoppers order the last units at the same moment.
 */
public interface OrderPlacer {

    /**
     * In one transaction on {@code db}: inserts an {@code orders} row for the user (status
     * {@code placed}), one {@code order_items} row per line with the product's current price as
     * {@code unit_price}, takes each line's quantity off {@code inventory}, and sets the order's
     * {@code total} to the sum of quantity × unit price; then commits.
     *
     * <p>If any product has fewer units in stock than its line asks for, nothing of the order is kept
     * (no order, no items, no stock change) and {@link OutOfStockException} names that product.
     * Any other failure also leaves nothing behind and is rethrown. The connection is left in
     * auto-commit mode, as it was received, whatever happens.
     *
     * <p>Many threads call this at once, each with its own connection: orders for the last units of a
     * product must never take stock below zero, and two orders for the same products listed in a
     * different order must not deadlock.
     *
     * @return the new order's id
     */
    long placeOrder(Connection db, long userId, List<OrderLine> lines) throws SQLException, OutOfStockException;
}
