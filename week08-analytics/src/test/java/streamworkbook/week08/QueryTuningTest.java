package streamworkbook.week08;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 8.6: {@value #ROWS} events made by ClickHouse in {@code events_naive}, copied into your
 * {@code events_tuned}; each of the three questions is asked of both tables over HTTP with the same parameters, and
 * your form must return the same text and read at most a tenth of the rows ({@code read_rows} of the
 * {@code X-ClickHouse-Summary} header).
 *
 * <p>Rejects:
 * <ul>
 *   <li>the naive design kept ({@code ORDER BY event_id}): every question still reads every row;</li>
 *   <li>{@code ORDER BY (event_time, event_type)} alone: fine for the revenue question, but an order or a user can be
 *       anywhere in it;</li>
 *   <li>a {@code minmax} index on {@code order_id}: order ids are random, every granule's minimum–maximum range
 *       covers the one asked for, so nothing is skipped — a {@code bloom_filter} (or {@code set}) index is needed;</li>
 *   <li>no projection (or sort order) for the user question: one user's hundred events are spread over every
 *       granule of a table sorted by type and time;</li>
 *   <li>a rewritten question whose answer differs (a condition dropped, another order of rows).</li>
 * </ul>
 */
@Exercise("8.6")
class QueryTuningTest {

    static final int ROWS = 2_000_000;

    private static final QueryTuning tuning = Exercises.pick(streamworkbook.week08.exercises.TunedEvents::new,
            streamworkbook.week08.solutions.TunedEvents::new);

    private static ClickHouseEndpoint clickhouse;
    private static String database;
    private static String order;

    /** Two million rows made and copied by ClickHouse: about 10 s on a loaded 2-core machine. */
    @BeforeAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    static void tables() throws Exception {
        List<String> design = tuning.createTable(); // first: a pending exercise needs no data
        clickhouse = Infra.clickhouse().withFreshDatabase("w8_tuning");
        database = ReadCost.database(clickhouse);
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            s.execute(NaiveEvents.CREATE);
            s.execute(NaiveEvents.fill("events_naive", ROWS));
            for (String sql : design) {
                s.execute(sql);
            }
            s.execute("INSERT INTO events_tuned SELECT * FROM events_naive");
            try (ResultSet rs = s.executeQuery("SELECT order_id FROM events_naive WHERE order_id != '' ORDER BY order_id LIMIT 1 OFFSET 4321")) {
                rs.next();
                order = rs.getString(1);
            }
        }
    }

    private static void compare(String question, String naive, String tuned, Map<String, String> params) throws Exception {
        ReadCost.Measured before = ReadCost.measure(clickhouse, database, naive, params);
        ReadCost.Measured after = ReadCost.measure(clickhouse, database, tuned, params);
        assertTrue(before.result().lines().count() > 1, question + ": the naive question has an answer");
        assertEquals(before.result(), after.result(), question + ": your query's answer (TabSeparatedWithNames) differs from the naive one's");
        assertTrue(after.readRows() * 10 <= before.readRows(), String.format(
                "%s: your query read %,d rows (%,d bytes), the naive one %,d (%,d bytes): it must read at most a tenth",
                question, after.readRows(), after.readBytes(), before.readRows(), before.readBytes()));
    }

    @Test
    void revenuePerMinuteReadsOnlyThatHoursPurchases() throws Exception {
        compare("revenue per minute from 10:00 to 11:00", NaiveEvents.REVENUE_PER_MINUTE, tuning.revenuePerMinute(),
                Map.of("from", "2026-11-19 10:00:00", "to", "2026-11-19 11:00:00"));
    }

    @Test
    void orderLookupSkipsGranulesWithoutTheOrder() throws Exception {
        compare("the lines of order " + order, NaiveEvents.ORDER_LOOKUP, tuning.orderLookup(), Map.of("order", order));
    }

    @Test
    void userActivityReadsOnlyThatUsersRows() throws Exception {
        compare("what user u-4242 did", NaiveEvents.USER_ACTIVITY, tuning.userActivity(), Map.of("user", "u-4242"));
    }
}
