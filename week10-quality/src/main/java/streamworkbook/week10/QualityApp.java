package streamworkbook.week10;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.week07.DurationConverter;

/**
 * The quality report: dead letters by rule, source against sink (exercise 10.5), and the checks of exercise 10.4
 * filed in {@code quality_report} and printed.
 *
 * <pre>
 * ./workbook run week10 QualityApp                 # after ValidationApp has filled the shop database
 * ./workbook run week10 QualityApp --all --max-lag 1h --solutions
 * </pre>
 */
@Command(name = "QualityApp", mixinStandardHelpOptions = true,
        description = "Runs the data quality checks into quality_report and prints them. Exit status 1 if any failed.")
public class QualityApp implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Option(names = "--max-lag", defaultValue = "5m", converter = DurationConverter.class,
            description = "freshness fails when a type's newest event is older than this (default: ${DEFAULT-VALUE})")
    Duration maxLag;

    @Option(names = "--all", description = "print every result, not only the failures")
    boolean all;

    public static void main(String[] args) {
        Programs.main(new QualityApp(), "week10-quality", args);
    }

    @Override
    public Integer call() throws Exception {
        Reconciliation reconciliation = Exercises.pick(streamworkbook.week10.exercises.SourceSinkReconciliation::new,
                streamworkbook.week10.solutions.SourceSinkReconciliation::new);
        QualityChecks checks = Exercises.pick(streamworkbook.week10.exercises.ClickHouseQualityChecks::new,
                streamworkbook.week10.solutions.ClickHouseQualityChecks::new);
        QualitySummary summary = QualitySummary.compute(endpoints.kafka(), endpoints.clickhouse(), endpoints.prefix, maxLag,
                reconciliation, checks);
        System.out.printf("dead letters: %,d %s%n", summary.deadLetters(), summary.deadLettersByRule());
        summary.reconciliation().printTo(System.out);
        System.out.println();
        QualityReport.print(summary.report(), System.out, !all);
        return summary.report().stream().allMatch(QualityReport.Row::passed) ? 0 : 1;
    }
}
