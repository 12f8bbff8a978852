package streamworkbook.week06;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;

@Exercise("6.1")
class JdbcSinkTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final ClickHouseWriter writer = Exercises.pick(streamworkbook.week06.exercises.JdbcClickHouseWriter::new,
            streamworkbook.week06.solutions.JdbcClickHouseWriter::new);

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123Z");

    /** One event of each type, with the fields it does not use left null. */
    private static final List<ShopEvent> ONE_OF_EACH = List.of(
            ShopEvent.pageView("00000000-0000-0000-0000-000000000001", T0, "u-1", "s-1", "/product", "p-007"),
            ShopEvent.search("00000000-0000-0000-0000-000000000002", T0.plusMillis(1), "u-1", "s-1", "it's \"kafka\""),
            ShopEvent.addToCart("00000000-0000-0000-0000-000000000003", T0.plusSeconds(2), "u-2", "s-2", "p-007", 3, new BigDecimal("19.99")),
            ShopEvent.removeFromCart("00000000-0000-0000-0000-000000000004", T0.plusSeconds(3), "u-2", "s-2", "p-007", 1, new BigDecimal("19.99")),
            ShopEvent.purchase("00000000-0000-0000-0000-000000000005", T0.plusSeconds(4), "u-2", "s-2", "o-1", "p-007", 2, new BigDecimal("19.99")),
            ShopEvent.review("00000000-0000-0000-0000-000000000006", T0.plusSeconds(5), "u-3", null, "p-007", 5));

    @Test
    void everyFieldArrivesAsWrittenAndMissingOnesAsDefaults() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        Fixtures.execute(ch, Fixtures.PLAIN_EVENTS_TABLE);

        StreamExecutionEnvironment env = TestFlink.environment(1);
        env.fromData(ONE_OF_EACH, TypeInformation.of(ShopEvent.class))
                .sinkTo(writer.eventsSink(ch, new SinkSettings(100, Duration.ofMillis(200), 0)));
        TestFlink.run(env, "6.1 one of each");

        List<String> rows = Fixtures.query(ch, "SELECT toString(event_id), event_type, event_time, user_id, session_id,"
                + " product_id, quantity, price, order_id, rating, query, page FROM events ORDER BY event_time",
                rs -> String.join("|", rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDateTime.class).toString(), rs.getString(4), rs.getString(5),
                        rs.getString(6), String.valueOf(rs.getInt(7)), rs.getBigDecimal(8).setScale(2).toPlainString(),
                        rs.getString(9), String.valueOf(rs.getInt(10)), rs.getString(11), rs.getString(12)));
        assertEquals(List.of(
                "00000000-0000-0000-0000-000000000001|page_view|2026-11-24T10:00:00.123|u-1|s-1|p-007|0|0.00||0||/product",
                "00000000-0000-0000-0000-000000000002|search|2026-11-24T10:00:00.124|u-1|s-1||0|0.00||0|it's \"kafka\"|",
                "00000000-0000-0000-0000-000000000003|add_to_cart|2026-11-24T10:00:02.123|u-2|s-2|p-007|3|19.99||0||",
                "00000000-0000-0000-0000-000000000004|remove_from_cart|2026-11-24T10:00:03.123|u-2|s-2|p-007|1|19.99||0||",
                "00000000-0000-0000-0000-000000000005|purchase|2026-11-24T10:00:04.123|u-2|s-2|p-007|2|19.99|o-1|0||",
                "00000000-0000-0000-0000-000000000006|review|2026-11-24T10:00:05.123|u-3||p-007|0|0.00||5||"), rows);
    }

    @Test
    void fiveThousandEventsFromTwoWritersInSmallBatchesAllArriveOnce() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        Fixtures.execute(ch, Fixtures.PLAIN_EVENTS_TABLE);
        List<ShopEvent> events = Fixtures.traffic(61, 5_000, 50);

        StreamExecutionEnvironment env = TestFlink.environment(2);
        env.fromData(events, TypeInformation.of(ShopEvent.class)).rebalance()
                .sinkTo(writer.eventsSink(ch, new SinkSettings(300, Duration.ofMillis(100), 1))).setParallelism(2);
        TestFlink.run(env, "6.1 batches");

        // a plain MergeTree: every row written is there, so these counts also prove "no duplicates"
        assertEquals(5_000, Fixtures.count(ch, "SELECT count() FROM events"));
        assertEquals(5_000, Fixtures.count(ch, "SELECT uniqExact(event_id) FROM events"));
        assertEquals(Fixtures.expectedCounts(events), Fixtures.typeCounts(ch, "SELECT event_type, count() AS events,"
                + " sumIf(price * quantity, event_type = 'purchase') AS revenue FROM events GROUP BY event_type ORDER BY event_type"));
    }
}
