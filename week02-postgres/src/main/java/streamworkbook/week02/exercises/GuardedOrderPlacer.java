package streamworkbook.week02.exercises;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week02.OrderLine;
import streamworkbook.week02.OrderPlacer;
import streamworkbook.week02.OutOfStockException;

/**
 * Exercise 2.3 — place an order as one all-or-nothing transaction that never sells a unit twice, however many
 * shoppers race for the last ones, and never deadlocks with another order for the same products.
 *
 * @see OrderPlacer the contract
 * @see "week02-postgres/README.md#23-place-orders-atomically (hints: ./workbook hint 2.3)"
 */
public class GuardedOrderPlacer implements OrderPlacer {

    @Override
    public long placeOrder(Connection db, long userId, List<OrderLine> lines) throws SQLException, OutOfStockException {
        throw new NotImplementedYet("2.3");
    }
}
