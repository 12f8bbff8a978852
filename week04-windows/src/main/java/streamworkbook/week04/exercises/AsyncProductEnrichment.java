package streamworkbook.week04.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.EnrichedEvent;
import streamworkbook.week04.Enrichment;
import streamworkbook.week04.JdbcSettings;

/**
 * Exercise 4.5 — add each event's product from PostgreSQL without making the stream wait on the database:
 * several lookups at once, off the task thread, and each product looked up once per {@code cacheExpiry}.
 *
 * <p>The contract is {@link Enrichment}; the goal and graded hints are in
 * {@code week04-windows/README.md#45-enrichment-from-postgresql} ({@code ./workbook hint 4.5}).
 */
public class AsyncProductEnrichment implements Enrichment {

    @Override
    public DataStream<EnrichedEvent> enrich(DataStream<ShopEvent> events, JdbcSettings catalog, Duration cacheExpiry) {
        throw new NotImplementedYet("4.5");
    }
}
