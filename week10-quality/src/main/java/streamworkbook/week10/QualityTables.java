package streamworkbook.week10;

import streamworkbook.week06.EventsTable;

/** The ClickHouse tables of this week: the pipeline's events, what the source holds, and the quality report. */
public final class QualityTables {

    /**
     * Week 6's idempotent events table (its solution of 6.2: ReplacingMergeTree, ORDER BY (type, time, id)) with one
     * more column: {@code ingested_at}, when the row arrived — processing time, beside the event time. The sink does
     * not write it (the column's default does), and no check of 10.4 needs it; it is there to compare with.
     */
    public static final String EVENTS = "CREATE TABLE IF NOT EXISTS events (" + EventsTable.COLUMNS + """
            ,
                ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
            )
            ENGINE = ReplacingMergeTree
            PARTITION BY toYYYYMM(event_time)
            ORDER BY (event_type, event_time, event_id)
            """;

    /**
     * How many distinct valid events the source holds per type and minute (UTC): filled from the reconciliation's
     * source side ({@link QualityReport#writeSourceCounts}), replaced at every run, read by the completeness check.
     */
    public static final String SOURCE_COUNTS = """
            CREATE TABLE IF NOT EXISTS source_counts (
                event_type LowCardinality(String),
                minute     DateTime('UTC'),
                events     UInt64
            )
            ENGINE = MergeTree
            ORDER BY (event_type, minute)
            """;

    /**
     * One row per check result; every run of {@link QualityReport} adds its rows under a new {@code run_id}. The
     * columns a check does not use hold their defaults ({@code ''}, the epoch). Three months are kept.
     */
    public static final String QUALITY_REPORT = """
            CREATE TABLE IF NOT EXISTS quality_report (
                run_id      UUID,
                checked_at  DateTime64(3, 'UTC'),
                check_name  LowCardinality(String),
                event_type  LowCardinality(String),
                minute      DateTime('UTC'),
                column_name LowCardinality(String),
                observed    Int64,
                expected    Int64,
                passed      Bool,
                detail      String
            )
            ENGINE = MergeTree
            PARTITION BY toYYYYMM(checked_at)
            ORDER BY (checked_at, check_name, event_type, minute, column_name)
            TTL toDateTime(checked_at) + INTERVAL 90 DAY
            """;

    private QualityTables() {
    }
}
