package streamworkbook.week12.solutions;

import java.time.Instant;
import streamworkbook.week12.ApiException;
import streamworkbook.week12.BoundQuery;
import streamworkbook.week12.QueryParams;
import streamworkbook.week12.RangeParams;
import streamworkbook.week12.SeriesEndpoint;
import streamworkbook.week12.SeriesMetric;
import streamworkbook.week12.SeriesRequest;
import streamworkbook.week12.Step;

/** Reference solution of exercise 12.1. */
public class TimeSeriesEndpoint implements SeriesEndpoint {

    @Override
    public SeriesRequest parse(QueryParams params) {
        String name = params.value("metric").orElseThrow(() ->
                new ApiException.BadRequest("metric", "metric is required", SeriesMetric.wireNames()));
        // a name-shaped word that names nothing is "not found"; anything else is not a name at all
        if (!name.matches("[a-z_]{1,40}")) {
            throw new ApiException.BadRequest("metric", "metric must be one of " + SeriesMetric.wireNames()
                    + ", got: " + name, SeriesMetric.wireNames());
        }
        SeriesMetric metric = SeriesMetric.byWireName(name);
        if (metric == null) {
            throw new ApiException.UnknownName("metric", name, SeriesMetric.wireNames());
        }
        String stepName = params.value("step").orElse("minute");
        Step step = Step.byWireName(stepName);
        if (step == null) {
            throw new ApiException.BadRequest("step", "step must be one of " + Step.wireNames() + ", got: " + stepName,
                    Step.wireNames());
        }
        Instant from = step.floor(RangeParams.instant(params, "from"));
        Instant to = step.ceil(RangeParams.instant(params, "to"));
        if (!to.isAfter(from)) {
            throw new ApiException.BadRequest("to", "to (" + to + ") must lie after from (" + from + ")", "an instant after from");
        }
        // the cap keeps every answer small and every query cheap, whatever a client asks
        Instant latest = from.plus(step.size().multipliedBy(MAX_POINTS));
        if (to.isAfter(latest)) {
            throw new ApiException.BadRequest("to", "at most " + MAX_POINTS + " " + step.wireName() + "s per answer: to may be "
                    + latest + " at the latest for from " + from, "at most " + MAX_POINTS + " steps after from");
        }
        return new SeriesRequest(metric, step, from, to);
    }

    @Override
    public BoundQuery query(SeriesRequest r) {
        // The column and the type filter come from the metric (a fixed list), never from the request's text; every
        // value is a typed parameter. FINAL: a window that fired twice wrote its bucket twice; the newest row counts.
        // WITH FILL adds the buckets without rows, as zeros, so a chart shows a gap as zero instead of a straight line.
        String sql = """
                SELECT bucket, sum(%s) AS value
                FROM metrics FINAL
                WHERE level = {level:String} %s
                  AND bucket >= {from:DateTime('UTC')} AND bucket < {to:DateTime('UTC')}
                GROUP BY bucket
                ORDER BY bucket WITH FILL FROM {from:DateTime('UTC')} TO {to:DateTime('UTC')} STEP {step:UInt32}
                """.formatted(r.metric().sumsRevenue() ? "revenue" : "events",
                r.metric().eventType() == null ? "" : "AND event_type = {type:String}");
        BoundQuery q = BoundQuery.of(sql).with("level", r.step().wireName())
                .with("from", r.from().getEpochSecond()).with("to", r.to().getEpochSecond())
                .with("step", r.step().size().toSeconds());
        return r.metric().eventType() == null ? q : q.with("type", r.metric().eventType());
    }
}
