package streamworkbook.week10.exercises;

import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.week10.Reconciliation;
import streamworkbook.week10.ReconciliationReport;

/**
 * Exercise 10.5 — account for every source record, and find where source and sink disagree, to the type and minute.
 *
 * @see Reconciliation the contract
 * @see <a href="../../../../../../README.md#105-reconciliation">week10-quality/README.md#105-reconciliation</a>
 */
public class SourceSinkReconciliation implements Reconciliation {

    @Override
    public ReconciliationReport reconcile(KafkaEndpoint kafka, List<String> sourceTopics, String deadLetterTopic,
                                          ClickHouseEndpoint clickhouse) {
        throw new NotImplementedYet("10.5");
    }
}
