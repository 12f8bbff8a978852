package streamworkbook.week04.solutions;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.EnrichedEvent;
import streamworkbook.week04.Enrichment;
import streamworkbook.week04.JdbcSettings;
import streamworkbook.week04.ProductInfo;

/** Reference solution of exercise 4.5: async I/O over a small pool of JDBC connections, with an expiring cache. */
public class AsyncProductEnrichment implements Enrichment {

    /** Events that may wait for their product at once, per parallel instance; then the operator backpressures. */
    private static final int CAPACITY = 100;

    @Override
    public DataStream<EnrichedEvent> enrich(DataStream<ShopEvent> events, JdbcSettings catalog, Duration cacheExpiry) {
        // unordered: an event whose product is cached leaves at once instead of waiting behind a slow lookup.
        // A lookup that takes 30 s fails the job: the database is down, and a restart is the honest answer.
        return AsyncDataStream.unorderedWait(events, new ProductLookup(catalog, cacheExpiry), 30, TimeUnit.SECONDS, CAPACITY)
                .name("enrich with product");
    }

    public static class ProductLookup extends RichAsyncFunction<ShopEvent, EnrichedEvent> {

        private static final String QUERY = "SELECT name, category, price FROM product_info(?)";

        private final JdbcSettings catalog;
        private final Duration cacheExpiry;
        // JDBC blocks its thread, and a Connection runs one query at a time: so a few threads, each query on a
        // connection of its own, and never the task thread
        private transient ExecutorService jdbcThreads;
        private transient Queue<Connection> connections;
        // a product's answer — or the future of it while its lookup runs, so that events arriving meanwhile
        // share that one lookup; a failed lookup is not kept, the next event tries again
        private transient AsyncLoadingCache<String, ProductInfo> cache;

        public ProductLookup(JdbcSettings catalog, Duration cacheExpiry) {
            this.catalog = catalog;
            this.cacheExpiry = cacheExpiry;
        }

        @Override
        public void open(OpenContext context) throws SQLException {
            connections = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < CONCURRENT_LOOKUPS; i++) {
                connections.add(catalog.connect());
            }
            jdbcThreads = Executors.newFixedThreadPool(CONCURRENT_LOOKUPS);
            cache = Caffeine.newBuilder()
                    .expireAfterWrite(cacheExpiry) // a catalog change reaches the stream within the expiry
                    .maximumSize(10_000)           // memory stays bounded however large the catalog grows
                    // a lookup runs on our JDBC threads, never on the task thread or a shared pool
                    .buildAsync((productId, cacheExecutor) ->
                            CompletableFuture.supplyAsync(() -> load(productId), jdbcThreads));
        }

        @Override
        public void asyncInvoke(ShopEvent event, ResultFuture<EnrichedEvent> result) {
            if (event.productId() == null) {
                result.complete(List.of(new EnrichedEvent(event, ProductInfo.unknown(null))));
                return;
            }
            // returns at once; the future completes on a JDBC thread, and completing a ResultFuture from
            // another thread is what it is made for
            cache.get(event.productId()).whenComplete((product, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(List.of(new EnrichedEvent(event, product)));
                }
            });
        }

        /** Runs on a JDBC thread, with a connection of its own for the time of the query. */
        private ProductInfo load(String productId) {
            Connection connection = connections.remove(); // never empty: as many connections as threads
            try (PreparedStatement lookup = connection.prepareStatement(QUERY)) {
                lookup.setString(1, productId);
                try (ResultSet rs = lookup.executeQuery()) {
                    return rs.next()
                            ? new ProductInfo(productId, rs.getString(1), rs.getString(2), rs.getBigDecimal(3))
                            : ProductInfo.unknown(productId); // an answer like any other: cached too
                }
            } catch (SQLException e) {
                throw new CompletionException("looking up product " + productId + " failed", e);
            } finally {
                connections.add(connection);
            }
        }

        @Override
        public void close() throws Exception {
            if (jdbcThreads != null) {
                jdbcThreads.shutdownNow();
                jdbcThreads.awaitTermination(10, TimeUnit.SECONDS); // running queries give their connections back
            }
            if (connections != null) {
                for (Connection c : connections) {
                    c.close();
                }
            }
        }
    }
}
