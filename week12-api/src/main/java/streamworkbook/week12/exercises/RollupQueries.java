package streamworkbook.week12.exercises;

import java.time.Instant;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week12.BoundQuery;
import streamworkbook.week12.RankedQueries;

/**
 * Exercise 12.3 — the top products from this week's rollup, and the conversion funnel with {@code windowFunnel}.
 *
 * @see RankedQueries the contract
 * @see <a href="../../../../../../README.md#123-top-products-and-the-funnel">README §12.3</a>
 */
public class RollupQueries implements RankedQueries {

    @Override
    public BoundQuery topProducts(Instant from, Instant to, int n) {
        throw new NotImplementedYet("12.3");
    }

    @Override
    public BoundQuery funnel(Instant from, Instant to) {
        throw new NotImplementedYet("12.3");
    }
}
