package streamworkbook.platform;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import streamworkbook.week09.LagExporter;
import streamworkbook.week12.ApiServer;

/** What a live run starts besides the servers, stopped in the order that leaves nothing half-written: source first. */
final class LiveParts implements AutoCloseable {

    TrafficPublisher traffic;
    Thread generator;
    RunningJob job;
    ApiServer api;
    LagExporter lag;
    HTTPServer lagServer;
    PrometheusServer prometheus;
    DashboardLoad dashboards;

    void stopGenerator() {
        if (traffic != null) {
            traffic.stop();
        }
        if (generator != null) {
            try {
                generator.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopGenerator();
        if (dashboards != null) {
            dashboards.close();
        }
        if (job != null) {
            job.close();
        }
        if (api != null) {
            api.close();
        }
        if (lagServer != null) {
            lagServer.close();
        }
        if (lag != null) {
            lag.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }
}
