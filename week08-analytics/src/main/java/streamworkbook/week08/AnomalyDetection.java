package streamworkbook.week08;

import org.apache.flink.streaming.api.functions.KeyedProcessFunction;

/**
 * Exercise 8.4 — anomalies: a fixed threshold and a z-score against a rolling baseline, per series.
 *
 * <p>{@link #detector} returns a function for a stream of {@link MinuteMetric}s keyed by series, with event-time
 * timestamps; a series' elements arrive in minute order. For each element {@code m}:
 * <ol>
 *   <li><b>Threshold.</b> If the rules have {@link AnomalyRules.Limits} for the series and {@code m.value()} is
 *       below {@code min} or above {@code max}: an {@link Alert} with rule {@link Alert#THRESHOLD},
 *       {@code expected} = the limit crossed, {@code score} 0.</li>
 *   <li><b>Z-score.</b> The baseline is the series' last {@code rules.baseline()} values that raised no alert,
 *       <i>not</i> counting {@code m} itself. If it holds at least {@code rules.minBaseline()} values and their
 *       sample standard deviation {@code s} (divided by n − 1) is above 0, {@code z = (value − mean) / s}; if
 *       {@code |z| ≥ rules.zScore()}: an {@link Alert} with rule {@link Alert#ZSCORE}, {@code expected} = the
 *       baseline's mean, {@code score} = z.</li>
 *   <li>If neither rule alerted, {@code m.value()} joins the baseline (the oldest value leaves it once it holds
 *       {@code rules.baseline()}).</li>
 *   <li><b>Forgetting.</b> Once the watermark passes {@code m.minute() + rules.idle()} and the series had no newer
 *       element, all its state is cleared (an event-time timer): nothing of it remains in Flink's keyed state, and
 *       a later element of the series starts a new baseline.</li>
 * </ol>
 * Both rules may alert for the same element (threshold first).
 */
public interface AnomalyDetection {

    KeyedProcessFunction<String, MinuteMetric, Alert> detector(AnomalyRules rules);
}
