package streamworkbook.week10.solutions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.InvalidEventException;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week10.DeadLetters;
import streamworkbook.week10.RawRecord;
import streamworkbook.week10.Reconciliation;
import streamworkbook.week10.ReconciliationReport;
import streamworkbook.week10.ReconciliationReport.Discrepancy;
import streamworkbook.week10.SourceSnapshot;
import streamworkbook.week10.TypeMinute;

/**
 * Exercise 10.5, reference solution: the dead letters say which source records were refused (by their coordinates),
 * so the rest must be in the sink — counted as distinct events on both sides, per type and minute, so that a loss in
 * one minute cannot hide behind extra rows in another.
 */
public class SourceSinkReconciliation implements Reconciliation {

    @Override
    public ReconciliationReport reconcile(KafkaEndpoint kafka, List<String> sourceTopics, String deadLetterTopic,
                                          ClickHouseEndpoint clickhouse) {
        Set<String> refused = new HashSet<>();
        SourceSnapshot.forEach(kafka, List.of(deadLetterTopic), r -> refused.add(DeadLetters.fromRecord(r).coordinates()));

        Map<TypeMinute, Set<String>> ids = new HashMap<>();
        List<String> unaccounted = new ArrayList<>();
        long[] deadLettered = {0};
        long produced = SourceSnapshot.forEach(kafka, sourceTopics, r -> {
            String coordinates = RawRecord.coordinates(r.topic(), r.partition(), r.offset());
            if (refused.contains(coordinates)) {
                deadLettered[0]++;
                return;
            }
            try {
                ShopEvent event = ShopJson.fromBytes(r.value());
                ids.computeIfAbsent(TypeMinute.of(event.type(), event.eventTime()), k -> new HashSet<>()).add(event.eventId());
            } catch (InvalidEventException e) {
                unaccounted.add(coordinates); // neither valid nor dead-lettered: the validation lost it
            }
        });
        SortedMap<TypeMinute, Long> expected = new TreeMap<>();
        ids.forEach((key, set) -> expected.put(key, (long) set.size()));

        SortedMap<TypeMinute, Long> found = sinkCounts(clickhouse);
        List<Discrepancy> discrepancies = new ArrayList<>();
        Set<TypeMinute> all = new TreeSet<>(expected.keySet());
        all.addAll(found.keySet());
        for (TypeMinute key : all) {
            long e = expected.getOrDefault(key, 0L);
            long f = found.getOrDefault(key, 0L);
            if (e != f) {
                discrepancies.add(new Discrepancy(key.type(), key.minute(), e, f));
            }
        }
        return new ReconciliationReport(produced, deadLettered[0], unaccounted, expected, found, discrepancies);
    }

    /** Distinct event ids per type and minute: right before merges too (copies of an event share its id). */
    private static SortedMap<TypeMinute, Long> sinkCounts(ClickHouseEndpoint clickhouse) {
        String sql = """
                SELECT event_type, toUnixTimestamp(toStartOfMinute(event_time)) AS minute, uniqExact(event_id) AS events
                FROM events
                GROUP BY event_type, minute
                """;
        SortedMap<TypeMinute, Long> found = new TreeMap<>();
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                found.put(new TypeMinute(EventType.fromWireName(rs.getString(1)), Instant.ofEpochSecond(rs.getLong(2))), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events in ClickHouse at " + clickhouse.jdbcUrl() + ": " + e.getMessage(), e);
        }
        return found;
    }
}
