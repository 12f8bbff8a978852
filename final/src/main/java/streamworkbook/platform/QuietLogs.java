package streamworkbook.platform;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The demo's console is for the status line and the drills' story. These loggers would bury both under stack traces
 * of failures the platform handles itself — and that a drill provokes on purpose — so they are raised to ERROR (or
 * off, where even the ERROR is a retry the connector makes). The job's state (RESTARTING) and the counts say what
 * matters; Flink's web UI keeps every exception of the job.
 */
final class QuietLogs {

    private QuietLogs() {
    }

    static void apply() {
        // Flink 2.2 warns about a gauge name collision at every checkpoint of a JDBC sink (FLINK-35321), and once per
        // job that an operator chain's name is longer than 80 characters: harmless
        Configurator.setLevel("org.apache.flink.metrics.MetricGroup", Level.ERROR);
        Configurator.setLevel("org.apache.flink.runtime.metrics.util.MetricUtils", Level.ERROR);
        // the generator's producer warns per partition while the broker is away; it resends by itself (idempotent)
        Configurator.setLevel("org.apache.kafka.clients.producer.internals.Sender", Level.ERROR);
        // ClickHouse away: the driver warns at each retry, the JDBC sink logs each failed attempt with its stack trace
        // (at ERROR, although it retries), the failed task logs its failure, checkpoints are declined
        Configurator.setLevel("com.clickhouse", Level.ERROR);
        Configurator.setLevel("org.apache.flink.connector.jdbc.internal.JdbcOutputFormat", Level.OFF);
        Configurator.setLevel("org.apache.flink.runtime.taskmanager.Task", Level.ERROR);
        Configurator.setLevel("org.apache.flink.runtime.checkpoint.CheckpointFailureManager", Level.ERROR);
        // offsets are committed at checkpoints for monitoring only; a commit cut short by a failover is retried
        Configurator.setLevel("org.apache.flink.connector.kafka.source.reader.KafkaSourceReader", Level.ERROR);
        Configurator.setLevel("org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", Level.ERROR);
    }
}
