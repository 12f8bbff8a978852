package streamworkbook.week02.solutions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import streamworkbook.week02.OrderLine;
import streamworkbook.week02.OrderPlacer;
import streamworkbook.week02.OutOfStockException;

/** Reference solution of exercise 2.3. */
public class GuardedOrderPlacer implements OrderPlacer {

    @Override
    public long placeOrder(Connection db, long userId, List<OrderLine> lines) throws SQLException, OutOfStockException {
        // Every order locks its inventory rows in the same order (by product id). Two orders for
        // products A and B then queue one behind the other instead of each holding the lock the other
        // wants (a deadlock, which PostgreSQL would break by aborting one of them).
        List<OrderLine> byProduct = lines.stream().sorted(Comparator.comparingLong(OrderLine::productId)).toList();
        db.setAutoCommit(false);
        try {
            long orderId = insertOrder(db, userId);
            for (OrderLine line : byProduct) {
                takeFromStock(db, line);
                insertItem(db, orderId, line);
            }
            updateTotal(db, orderId);
            db.commit();
            return orderId;
        } catch (SQLException | OutOfStockException | RuntimeException e) {
            db.rollback();   // the order, its items and every stock change so far disappear together
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static long insertOrder(Connection db, long userId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO orders (user_id, status) VALUES (?, 'placed') RETURNING id")) {
            insert.setLong(1, userId);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * The guard is in the WHERE clause: check and decrement are one statement. A concurrent order
     * holding the row makes this one wait; PostgreSQL then re-checks the WHERE against the row as that
     * order left it, so two orders can never both take the last unit. (Reading the stock with SELECT
     * and updating afterwards would let both read "1" and both succeed.)
     */
    private static void takeFromStock(Connection db, OrderLine line) throws SQLException, OutOfStockException {
        try (PreparedStatement update = db.prepareStatement("""
                UPDATE inventory SET quantity = quantity - ?, updated_at = now()
                WHERE product_id = ? AND quantity >= ?
                """)) {
            update.setInt(1, line.quantity());
            update.setLong(2, line.productId());
            update.setInt(3, line.quantity());
            if (update.executeUpdate() == 0) {
                throw new OutOfStockException(line.productId(), line.quantity());
            }
        }
    }

    private static void insertItem(Connection db, long orderId, OrderLine line) throws SQLException {
        // the price is copied from products inside the same transaction: what the shopper pays now
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO order_items (order_id, product_id, quantity, unit_price)
                SELECT ?, id, ?, price FROM products WHERE id = ?
                """)) {
            insert.setLong(1, orderId);
            insert.setInt(2, line.quantity());
            insert.setLong(3, line.productId());
            insert.executeUpdate();
        }
    }

    private static void updateTotal(Connection db, long orderId) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("""
                UPDATE orders SET total = (SELECT sum(quantity * unit_price) FROM order_items WHERE order_id = ?)
                WHERE id = ?
                """)) {
            update.setLong(1, orderId);
            update.setLong(2, orderId);
            update.executeUpdate();
        }
    }
}
