package streamworkbook.week08.exercises;

import org.apache.flink.api.common.functions.AggregateFunction;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week08.Quantiles;
import streamworkbook.week08.SketchPercentiles;

/**
 * Exercise 8.2 — percentiles per window in bounded memory: an aggregate function around a t-digest, whose
 * accumulator Flink can keep as state without Kryo.
 *
 * @see SketchPercentiles the contract
 * @see <a href="../../../../../../README.md#82-percentiles-with-a-sketch">week08-analytics/README.md#82-percentiles-with-a-sketch</a>
 */
public class TDigestPercentiles implements SketchPercentiles {

    @Override
    public AggregateFunction<Double, ?, Quantiles> aggregate() {
        throw new NotImplementedYet("8.2");
    }
}
