package streamworkbook.platform;

import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.week09.MonitoredPipeline;

/**
 * The platform job in this JVM: a local Flink cluster (JobManager and TaskManager threads) with the web UI and the
 * Prometheus reporter, as {@code ./workbook run} gives the weeks' programs.
 */
final class InProcessJob implements RunningJob {

    private final JobClient client;

    private InProcessJob(JobClient client) {
        this.client = client;
    }

    /** Starts the job; {@code uiPort} 0 = no web UI and no metrics reporter (tests, which must not take fixed ports). */
    static InProcessJob start(PlatformJob.Settings settings, int uiPort) throws Exception {
        Configuration config = FlinkJobs.configuration(settings.parallelism());
        StreamExecutionEnvironment env;
        if (uiPort > 0) {
            MonitoredPipeline.withPrometheusReporter(config, MonitoredPipeline.DEFAULT_REPORTER_PORTS);
            config.set(RestOptions.PORT, uiPort);
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
        } else {
            env = StreamExecutionEnvironment.createLocalEnvironment(config);
        }
        PlatformJob.build(env, settings);
        return new InProcessJob(env.executeAsync(PlatformJob.name(settings)));
    }

    /** CREATED, RUNNING, RESTARTING, FINISHED… */
    @Override
    public String state() {
        try {
            return client.getJobStatus().get(5, TimeUnit.SECONDS).name();
        } catch (Exception e) {
            return "GONE";
        }
    }

    /** Waits for a bounded job to finish; throws its failure. */
    void awaitFinished() throws Exception {
        client.getJobExecutionResult().get();
    }

    /** Cancels the job; the local cluster shuts down with it. */
    @Override
    public void close() {
        try {
            if (!client.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
                client.cancel().get(60, TimeUnit.SECONDS);
            }
            client.getJobExecutionResult().handle((r, e) -> null).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // already gone: nothing left to stop
        }
    }
}
