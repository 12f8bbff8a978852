package streamworkbook.week12.exercises;

import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week12.BoundQuery;
import streamworkbook.week12.QueryParams;
import streamworkbook.week12.SeriesEndpoint;
import streamworkbook.week12.SeriesRequest;

/**
 * Exercise 12.1 — a validated, parameterised time-series endpoint: every parameter typed and bounded, and a query
 * whose text no request can change.
 *
 * @see SeriesEndpoint the contract
 * @see <a href="../../../../../../README.md#121-a-validated-parameterised-time-series">README §12.1</a>
 */
public class TimeSeriesEndpoint implements SeriesEndpoint {

    @Override
    public SeriesRequest parse(QueryParams params) {
        throw new NotImplementedYet("12.1");
    }

    @Override
    public BoundQuery query(SeriesRequest request) {
        throw new NotImplementedYet("12.1");
    }
}
