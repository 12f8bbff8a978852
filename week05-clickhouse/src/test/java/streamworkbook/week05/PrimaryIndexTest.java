package streamworkbook.week05;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;
import streamworkbook.kit.exercise.Exercises;

/**
 * Exercise 5.4: 200,000 events, one a minute over five months, in {@code events} (the reference design of 5.1)
 * with granules of 1,024 rows; your query must count the right rows and read few granules, and your reading of
 * EXPLAIN must report what ClickHouse reports ({@code system.parts} gives the table's granule count independently).
 *
 * <p>Rejects:
 * <ul>
 *   <li>a day condition the key cannot use, such as {@code formatDateTime(event_time, '%F') = '2026-11-24'}: the
 *       count is right, but Min-Max keeps all 5 parts and the primary key every purchase granule (71, not 1–2);</li>
 *   <li>the day's events of every type (no {@code event_type} condition): 1,440 rows, not 480;</li>
 *   <li>a parser that reads only the first index, or only the top of the plan (the read is nested four steps
 *       deep): the list of indexes is wrong or empty;</li>
 *   <li>a parser that mixes up selected and total parts or granules: Min-Max must keep 1 part of 5;</li>
 *   <li>keys missing or in another order than EXPLAIN lists them.</li>
 * </ul>
 */
@Exercise("5.4")
@OnTimeout("does explainIndexes() end? EXPLAIN json = 1 returns one row holding the whole plan; a walk down the"
        + " plan's \"Plans\" ends at the steps that have none")
class PrimaryIndexTest {

    /** 200,000 events, one a minute from 2026-10-01 over about 4.6 months, cycling through three types. */
    private static final String LOAD = """
            INSERT INTO events (event_id, event_type, event_time, user_id)
            SELECT generateUUIDv4(), ['page_view', 'purchase', 'search'][number % 3 + 1],
                   toDateTime64('2026-10-01 00:00:00', 3, 'UTC') + number * 60, 'u-' || toString(number % 1000)
            FROM numbers(200000)
            """;

    private static Connection c;
    private static long granules;

    private final IndexUsage usage = Exercises.pick(streamworkbook.week05.exercises.ExplainIndexes::new,
            streamworkbook.week05.solutions.ExplainIndexes::new);

    @BeforeAll
    static void load() throws Exception {
        c = ClickHouse.freshDatabase().connect();
        // small granules (1,024 rows), so that a test-sized table has many of them
        ClickHouse.execute(c, ClickHouse.EVENTS_TABLE + " SETTINGS index_granularity = 1024", LOAD);
        // each part has one mark per granule, plus a final mark
        granules = ClickHouse.count(c, "SELECT sum(marks) - count() FROM system.parts"
                + " WHERE database = currentDatabase() AND table = 'events' AND active");
    }

    @AfterAll
    static void close() throws Exception {
        c.close();
    }

    @Test
    void aKeyRangeQueryReadsFewGranules() throws Exception {
        String query = usage.purchasesOnOneDay();
        assertEquals(480, ClickHouse.count(c, query), "one event a minute, every third a purchase: 1,440 / 3");

        List<IndexStep> steps = usage.explainIndexes(c, query);
        assertEquals(List.of("Min-Max", "Partition", "PrimaryKey"), steps.stream().map(IndexStep::index).toList());
        IndexStep minMax = steps.get(0);
        assertEquals(5, minMax.partsTotal(), "one part per month, October to February");
        assertEquals(granules, minMax.granulesTotal(), "Min-Max looks at the whole table");
        assertEquals(1, minMax.partsSelected(), "only November can hold 2026-11-24");

        IndexStep primaryKey = steps.get(2);
        assertEquals(List.of("event_type", "event_time"), primaryKey.keys());
        assertEquals(1, primaryKey.partsSelected());
        // 480 purchases fit in one 1,024-row granule; the range may straddle a granule boundary
        assertTrue(primaryKey.granulesSelected() >= 1 && primaryKey.granulesSelected() <= 2,
                "granules read: " + primaryKey.granulesSelected());
        assertTrue(primaryKey.granulesSelected() < granules / 50, "far fewer granules than the table's " + granules);
    }

    @Test
    void aConditionOutsideTheKeyReadsEveryGranule() throws Exception {
        String query = "SELECT count() FROM events WHERE user_id = 'u-7'";
        assertEquals(200, ClickHouse.count(c, query));
        List<IndexStep> steps = usage.explainIndexes(c, query);
        IndexStep primaryKey = steps.stream().filter(s -> s.index().equals("PrimaryKey")).findFirst().orElseThrow();
        assertEquals(granules, primaryKey.granulesTotal());
        assertEquals(granules, primaryKey.granulesSelected(), "user_id is not in the key: nothing can be skipped");
    }
}
