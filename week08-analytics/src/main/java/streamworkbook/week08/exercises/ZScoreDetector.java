package streamworkbook.week08.exercises;

import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week08.Alert;
import streamworkbook.week08.AnomalyDetection;
import streamworkbook.week08.AnomalyRules;
import streamworkbook.week08.MinuteMetric;

/**
 * Exercise 8.4 — find the minutes that do not look like the ones before: a fixed threshold and a z-score against a
 * rolling baseline, per series, with state that is forgotten when a series goes quiet.
 *
 * @see AnomalyDetection the contract
 * @see <a href="../../../../../../README.md#84-anomalies">week08-analytics/README.md#84-anomalies</a>
 */
public class ZScoreDetector implements AnomalyDetection {

    @Override
    public KeyedProcessFunction<String, MinuteMetric, Alert> detector(AnomalyRules rules) {
        throw new NotImplementedYet("8.4");
    }
}
