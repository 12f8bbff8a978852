package streamworkbook.week10;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * The state of the data in one call, for a dashboard or the platform demo: the dead letters (how many, by rule),
 * the reconciliation of source and sink, and a quality report filed in {@code quality_report}.
 *
 * <pre>{@code
 * QualitySummary.compute(kafka, clickhouse.withDatabase("shop"), "", Duration.ofMinutes(5)).printTo(System.out);
 * }</pre>
 *
 * @param deadLetters       records in the dead-letter topic
 * @param deadLettersByRule the same, by the rule they break
 * @param reconciliation    the source topics against the {@code events} table
 * @param report            this run's rows of {@code quality_report}
 */
public record QualitySummary(long deadLetters, Map<String, Long> deadLettersByRule, ReconciliationReport reconciliation,
                             List<QualityReport.Row> report) {

    /** With the reference solutions of 10.4 and 10.5. */
    public static QualitySummary compute(KafkaEndpoint kafka, ClickHouseEndpoint clickhouse, String topicPrefix, Duration maxLag)
            throws SQLException {
        return compute(kafka, clickhouse, topicPrefix, maxLag, new streamworkbook.week10.solutions.SourceSinkReconciliation(),
                new streamworkbook.week10.solutions.ClickHouseQualityChecks());
    }

    /**
     * Reads the dead-letter topic {@code topicPrefix + shop-dead-letters}, reconciles the six event topics of
     * {@code topicPrefix} with the {@code events} table of {@code clickhouse}'s database, writes the source's counts
     * into {@code source_counts} and runs the checks. Freshness fails when the newest event is more than
     * {@code maxLag} old.
     */
    public static QualitySummary compute(KafkaEndpoint kafka, ClickHouseEndpoint clickhouse, String topicPrefix, Duration maxLag,
                                         Reconciliation reconciliation, QualityChecks checks) throws SQLException {
        String deadLetterTopic = topicPrefix + DeadLetters.TOPIC;
        Map<String, Long> byRule = new TreeMap<>();
        long deadLetters = SourceSnapshot.forEach(kafka, List.of(deadLetterTopic),
                r -> byRule.merge(DeadLetters.fromRecord(r).rule(), 1L, Long::sum));
        List<String> sourceTopics = java.util.Arrays.stream(streamworkbook.kit.shop.EventType.values())
                .map(t -> topicPrefix + t.topic()).toList();
        ReconciliationReport reconciled = reconciliation.reconcile(kafka, sourceTopics, deadLetterTopic, clickhouse);
        QualityReport.writeSourceCounts(clickhouse, reconciled.expected());
        return new QualitySummary(deadLetters, byRule, reconciled, QualityReport.run(clickhouse, checks, maxLag));
    }

    /** Dead letters, reconciliation and the report's failures (passed rows summed up per check). */
    public void printTo(PrintStream out) {
        out.printf("dead letters: %,d %s%n", deadLetters, deadLettersByRule.isEmpty() ? "" : deadLettersByRule);
        reconciliation.printTo(out);
        QualityReport.print(report, out, true);
    }
}
