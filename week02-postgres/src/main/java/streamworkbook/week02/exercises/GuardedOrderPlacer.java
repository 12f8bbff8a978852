package streamworkbook.week02.exercises;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week02.OrderLine;
import streamworkbook.week02.OrderPlacer;
import streamworkbook.week02.OutOfStockException;

/**
 * Exercise 2.3 — Place orders atomically. See {@link OrderPlacer} for the contract and
 * week02-postgres/README.md#23-place-orders-atomically for the walk-through.
 */
public class GuardedOrderPlacer implements OrderPlacer {

    @Override
    public long placeOrder(Connection db, long userId, List<OrderLine> lines) throws SQLException, OutOfStockException {
        // TODO 2.3: one transaction for the whole order.
        //  1. db.setAutoCommit(false); and in a finally block db.setAutoCommit(true).
        //  2. INSERT INTO orders (user_id, status) VALUES (?, 'placed') RETURNING id
        //  3. For each line, sorted by product id (why sorted? see the README on deadlocks):
        //     - UPDATE inventory SET quantity = quantity - ? WHERE product_id = ? AND quantity >= ?
        //       executeUpdate() returns 0 when the stock is too low: throw new OutOfStockException(…).
        //     - INSERT INTO order_items (…) SELECT ?, id, ?, price FROM products WHERE id = ?
        //  4. UPDATE orders SET total = (SELECT sum(quantity * unit_price) FROM order_items …) WHERE id = ?
        //  5. db.commit() and return the id. On ANY exception: db.rollback(), then rethrow it.
        throw new NotImplementedYet("2.3");
    }
}
