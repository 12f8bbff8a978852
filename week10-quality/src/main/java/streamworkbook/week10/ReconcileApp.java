package streamworkbook.week10;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;

/**
 * Source against sink (exercise 10.5): every source record valid or dead-lettered, and every type and minute where the
 * source's distinct events and ClickHouse's differ.
 *
 * <pre>
 * ./workbook run week10 ReconcileApp
 * ./workbook run week10 ReconcileApp --counts --solutions     # and every type and minute with its two counts
 * </pre>
 */
@Command(name = "ReconcileApp", mixinStandardHelpOptions = true,
        description = "Reconciles the event topics (and the dead-letter topic) with ClickHouse. Exit status 1 if they disagree.")
public class ReconcileApp implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Option(names = "--counts", description = "print the counts of every type and minute, not only the discrepancies")
    boolean counts;

    public static void main(String[] args) {
        Programs.main(new ReconcileApp(), "week10-quality", args);
    }

    @Override
    public Integer call() throws Exception {
        Reconciliation reconciliation = Exercises.pick(streamworkbook.week10.exercises.SourceSinkReconciliation::new,
                streamworkbook.week10.solutions.SourceSinkReconciliation::new);
        ReconciliationReport report = reconciliation.reconcile(endpoints.kafka(), endpoints.sourceTopics(),
                endpoints.deadLetterTopic(), endpoints.clickhouse());
        report.printTo(System.out);
        if (counts) {
            report.expected().forEach((key, expected) -> System.out.printf("  %-40s expected %,8d  found %,8d%n",
                    key, expected, report.found().getOrDefault(key, 0L)));
            report.found().keySet().stream().filter(k -> !report.expected().containsKey(k))
                    .forEach(k -> System.out.printf("  %-40s expected %,8d  found %,8d%n", k, 0, report.found().get(k)));
        }
        return report.balanced() ? 0 : 1;
    }
}
