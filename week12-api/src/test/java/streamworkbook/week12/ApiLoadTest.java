package streamworkbook.week12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The load test's loader on the test data (the figures over 10 million events come from {@link ApiLoadBenchmark}):
 * bounded by count, every answer a 200, the cold run (a new range each time) reaching ClickHouse and the warm run
 * (one range) served from the cache — visibly faster. Credits no exercise.
 */
class ApiLoadTest {

    @Test
    void theLoaderMeasuresColdAndWarmAnswers() throws Exception {
        TestShop.Shop shop = TestShop.shared();
        Instant from = shop.first().truncatedTo(ChronoUnit.MINUTES);
        try (ApiServer api = ApiServer.builder(shop.endpoint()).port(0).build().start()) {
            String base = api.url() + "/api/funnel?";
            ApiLoad.Result cold = ApiLoad.run("funnel cold", 4, 40, Duration.ofSeconds(30), i -> base
                    + Http.query("from", from.plusSeconds(60L * i).toString(), "to", from.plusSeconds(60L * i + 1800).toString()));
            ApiLoad.Result warm = ApiLoad.run("funnel warm", 4, 400, Duration.ofSeconds(30), i -> base
                    + Http.query("from", from.toString(), "to", from.plusSeconds(1800).toString()));
            assertEquals(0, cold.errors(), "errors: " + cold.firstError());
            assertEquals(0, warm.errors(), "errors: " + warm.firstError());
            assertEquals(40, cold.latencies().getTotalCount(), "every request measured, no more");
            assertEquals(400, warm.latencies().getTotalCount());
            assertTrue(warm.p50Millis() < cold.p50Millis(), "a cached answer is faster than a computed one: warm p50 "
                    + warm.p50Millis() + " ms, cold p50 " + cold.p50Millis() + " ms");
        }
    }
}
