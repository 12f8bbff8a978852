package streamworkbook.week12;

import java.time.Instant;

/**
 * What an endpoint computed: the JSON body, and the newest event time behind it (its freshness).
 *
 * @param body      the response body, JSON
 * @param freshness the time of the newest event the data held when this was computed
 */
public record Answer(byte[] body, Instant freshness) {
}
