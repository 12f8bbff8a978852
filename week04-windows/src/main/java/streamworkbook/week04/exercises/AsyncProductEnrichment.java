package streamworkbook.week04.exercises;

import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.EnrichedEvent;
import streamworkbook.week04.Enrichment;
import streamworkbook.week04.JdbcSettings;

/** Exercise 4.5 — your code. The contract is in {@link Enrichment}; the steps in week04-windows/README.md. */
public class AsyncProductEnrichment implements Enrichment {

    @Override
    public DataStream<EnrichedEvent> enrich(DataStream<ShopEvent> events, JdbcSettings catalog) {
        // TODO 4.5: enrich with async I/O.
        //  1. Write a public static nested class ProductLookup extends RichAsyncFunction<ShopEvent, EnrichedEvent>
        //     holding the JdbcSettings; everything else transient, created in open(OpenContext):
        //     a Connection (catalog.connect()), a PreparedStatement for
        //       SELECT p.name, c.name, p.price FROM products p JOIN categories c ON c.id = p.category_id
        //       WHERE p.sku = ?
        //     a single-thread ExecutorService (JDBC blocks; a Connection is not thread-safe), and a
        //     ConcurrentHashMap<String, CompletableFuture<ProductInfo>> as the cache. Close them in close().
        //  2. asyncInvoke(event, result): no productId → complete with ProductInfo.unknown(null) at once.
        //     Otherwise cache.computeIfAbsent(id, k -> CompletableFuture.supplyAsync(() -> query(k), executor))
        //     .whenComplete(...): result.complete(List.of(new EnrichedEvent(event, product))), or
        //     result.completeExceptionally(error) (and remove the failed entry from the cache).
        //     No row → ProductInfo.unknown(id).
        //  3. return AsyncDataStream.orderedWait(events, new ProductLookup(catalog), 30, TimeUnit.SECONDS, 100);
        throw new NotImplementedYet("4.5");
    }
}
