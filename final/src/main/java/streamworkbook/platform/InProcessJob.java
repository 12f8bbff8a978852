package streamworkbook.platform;

import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.cluster.FlinkRest;
import streamworkbook.week09.MonitoredPipeline;

/**
 * The platform job in this JVM: a local Flink cluster (JobManager and TaskManager threads) with the web UI and the
 * Prometheus reporter, as {@code ./workbook run} gives the weeks' programs.
 */
final class InProcessJob implements RunningJob {

    private final JobClient client;
    private final FlinkRest rest;

    private InProcessJob(JobClient client, FlinkRest rest) {
        this.client = client;
        this.rest = rest;
    }

    /**
     * Starts the job; {@code uiPort} 0 = no web UI and no metrics reporter (tests, which must not take fixed ports). The
     * local cluster's REST API answers either way (on a free port without the UI), for {@link #watermarks()}.
     */
    static InProcessJob start(PlatformJob.Settings settings, int uiPort) throws Exception {
        Configuration config = FlinkJobs.configuration(settings.parallelism());
        StreamExecutionEnvironment env;
        int restPort = uiPort > 0 ? uiPort : FreePorts.pick();
        config.set(RestOptions.PORT, restPort);
        if (uiPort > 0) {
            MonitoredPipeline.withPrometheusReporter(config, MonitoredPipeline.DEFAULT_REPORTER_PORTS);
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
        } else {
            env = StreamExecutionEnvironment.createLocalEnvironment(config);
        }
        PlatformJob.build(env, settings);
        return new InProcessJob(env.executeAsync(PlatformJob.name(settings)), new FlinkRest("http://127.0.0.1:" + restPort));
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

    @Override
    public String watermarks() {
        return JobWatermarks.of(rest, client.getJobID().toHexString());
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
