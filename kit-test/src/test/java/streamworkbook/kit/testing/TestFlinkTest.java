package streamworkbook.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.shop.ShopEvent;

class TestFlinkTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    /** Week 3, 4 and 6 jobs carry ShopEvents; with generic types disabled a Kryo fallback would fail. */
    @Test
    void shopEventIsAFlinkPojoAndCrossesAShuffleWithoutKryo() throws Exception {
        assertInstanceOf(PojoTypeInfo.class, TypeInformation.of(ShopEvent.class));

        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        List<ShopEvent> events = List.of(
                ShopEvent.purchase("e1", t, "u-1", "s-1", "o-1", "p-001", 2, new BigDecimal("9.99")),
                ShopEvent.search("e2", t.plusSeconds(1), "u-2", "s-2", "kafka book"),
                ShopEvent.review("e3", t.plusSeconds(2), "u-1", "s-1", "p-001", 5));

        StreamExecutionEnvironment env = TestFlink.environment();
        List<ShopEvent> out = new ArrayList<>(TestFlink.collect(
                env.fromData(ShopEvent.class, events.toArray(new ShopEvent[0])).keyBy(ShopEvent::userId).map(e -> e)));
        out.sort(Comparator.comparing(ShopEvent::eventId));
        assertEquals(events, out);
    }

    @Test
    void jobsOfOneClassShareItsClusterAndRunOneAfterAnother() throws Exception {
        for (int i = 1; i <= 3; i++) {
            int factor = i;
            List<Integer> out = new ArrayList<>(TestFlink.collect(
                    TestFlink.environment(1).fromData(1, 2, 3).map(x -> x * factor)));
            assertEquals(List.of(factor, 2 * factor, 3 * factor), out);
        }
    }

    @Test
    void severalStreamsOfOneJobAreCollected() throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment();
        var numbers = env.fromData(1, 2, 3, 4, 5, 6);
        CollectedStream<Integer> even = CollectedStream.of(numbers.filter(x -> x % 2 == 0));
        CollectedStream<String> odd = CollectedStream.of(numbers.filter(x -> x % 2 == 1).map(x -> "n" + x));
        TestFlink.run(env, "two outputs");

        List<Integer> evens = new ArrayList<>(even.values());
        List<String> odds = new ArrayList<>(odd.values());
        evens.sort(null);
        odds.sort(null);
        assertEquals(List.of(2, 4, 6), evens);
        assertEquals(List.of("n1", "n3", "n5"), odds);
    }

    @Test
    void genericTypesAreRejected() {
        StreamExecutionEnvironment env = TestFlink.environment();
        Exception failure = assertThrows(Exception.class, () -> TestFlink.collect(
                env.fromData(new StringBuilder("x")).map(sb -> sb)));
        String messages = causeMessages(failure);
        assertEquals(true, messages.contains("Generic types have been disabled"), messages);
    }

    private static String causeMessages(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            s.append(c).append('\n');
        }
        return s.toString();
    }
}
