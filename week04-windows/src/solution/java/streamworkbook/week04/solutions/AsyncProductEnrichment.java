package streamworkbook.week04.solutions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
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

/** Reference solution of exercise 4.5: async I/O with a per-instance cache. */
public class AsyncProductEnrichment implements Enrichment {

    @Override
    public DataStream<EnrichedEvent> enrich(DataStream<ShopEvent> events, JdbcSettings catalog) {
        // up to 100 lookups in flight per parallel instance; results leave in input order
        return AsyncDataStream.orderedWait(events, new ProductLookup(catalog), 30, TimeUnit.SECONDS, 100)
                .name("enrich with product");
    }

    public static class ProductLookup extends RichAsyncFunction<ShopEvent, EnrichedEvent> {

        private static final String QUERY = """
                SELECT p.name, c.name AS category, p.price
                FROM products p JOIN categories c ON c.id = p.category_id
                WHERE p.sku = ?""";

        private final JdbcSettings catalog;
        private transient Connection connection;
        private transient PreparedStatement lookup;
        // JDBC blocks, and a Connection is not thread-safe: one thread does all queries, off the task thread
        private transient ExecutorService jdbcThread;
        // a future per product: concurrent events for the same product share one query
        private transient Map<String, CompletableFuture<ProductInfo>> cache;

        public ProductLookup(JdbcSettings catalog) {
            this.catalog = catalog;
        }

        @Override
        public void open(OpenContext context) throws SQLException {
            connection = catalog.connect();
            lookup = connection.prepareStatement(QUERY);
            jdbcThread = Executors.newSingleThreadExecutor();
            cache = new ConcurrentHashMap<>();
        }

        @Override
        public void asyncInvoke(ShopEvent event, ResultFuture<EnrichedEvent> result) {
            String productId = event.productId();
            if (productId == null) {
                result.complete(List.of(new EnrichedEvent(event, ProductInfo.unknown(null))));
                return;
            }
            cache.computeIfAbsent(productId, id -> CompletableFuture.supplyAsync(() -> load(id), jdbcThread))
                    .whenComplete((product, error) -> {
                        if (error != null) {
                            cache.remove(productId); // do not cache a failure: the next event tries again
                            result.completeExceptionally(error);
                        } else {
                            result.complete(List.of(new EnrichedEvent(event, product)));
                        }
                    });
        }

        private ProductInfo load(String productId) {
            try {
                lookup.setString(1, productId);
                try (ResultSet rs = lookup.executeQuery()) {
                    return rs.next()
                            ? new ProductInfo(productId, rs.getString(1), rs.getString(2), rs.getBigDecimal(3))
                            : ProductInfo.unknown(productId); // explicit, and cached like any other answer
                }
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }

        @Override
        public void close() throws SQLException {
            if (jdbcThread != null) {
                jdbcThread.shutdownNow();
            }
            if (connection != null) {
                connection.close();
            }
        }
    }
}
