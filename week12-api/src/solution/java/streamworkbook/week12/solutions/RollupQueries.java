package streamworkbook.week12.solutions;

import java.time.Instant;
import streamworkbook.week12.BoundQuery;
import streamworkbook.week12.RankedQueries;

/** Reference solution of exercise 12.3. */
public class RollupQueries implements RankedQueries {

    @Override
    public BoundQuery topProducts(Instant from, Instant to, int n) {
        // product_hours has a row per hour and product: a range of hours reads a few thousand rows where raw events
        // would be millions. FINAL keeps the newest row of a recomputed hour. product_id breaks ties, so the order
        // is the same on every run and every server.
        return BoundQuery.of("""
                        SELECT product_id, sum(revenue) AS revenue, sum(units) AS units, sum(purchases) AS purchases
                        FROM product_hours FINAL
                        WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}
                        GROUP BY product_id
                        HAVING revenue > 0
                        ORDER BY revenue DESC, product_id ASC
                        LIMIT {n:UInt16}
                        """)
                .with("from", from.getEpochSecond()).with("to", to.getEpochSecond()).with("n", n);
    }

    @Override
    public BoundQuery funnel(Instant from, Instant to) {
        // windowFunnel takes a DateTime or a number, not a DateTime64: toDateTime makes whole seconds, so the window
        // is in seconds. Only the funnel's event types are read (the sort key starts with event_type); a duplicate
        // event cannot raise a session's level, so no FINAL is needed.
        return BoundQuery.of("""
                        SELECT countIf(level >= 1) AS viewed, countIf(level >= 2) AS carted, countIf(level >= 3) AS purchased
                        FROM (
                            SELECT session_id,
                                   windowFunnel({window:UInt32})(toDateTime(event_time),
                                       event_type = 'page_view' AND product_id != '',
                                       event_type = 'add_to_cart',
                                       event_type = 'purchase') AS level
                            FROM events
                            WHERE event_type IN ('page_view', 'add_to_cart', 'purchase')
                              AND event_time >= {from:DateTime64(3, 'UTC')} AND event_time < {to:DateTime64(3, 'UTC')}
                            GROUP BY session_id
                        )
                        """)
                .with("window", FUNNEL_WINDOW_SECONDS).with("from", from).with("to", to);
    }
}
