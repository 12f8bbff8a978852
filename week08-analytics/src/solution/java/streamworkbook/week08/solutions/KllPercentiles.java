package streamworkbook.week08.solutions;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.flink.api.common.functions.AggregateFunction;
import streamworkbook.week08.Quantiles;
import streamworkbook.week08.SketchPercentiles;

/** Reference solution of exercise 8.2. */
public class KllPercentiles implements SketchPercentiles {

    private static final double[] RANKS = {0.5, 0.95, 0.99};

    /**
     * The accumulator: the sketch as its serialized bytes. Flink serializes a {@code byte[]} field of a POJO with
     * its own serializer; a {@code KllDoublesSketch} field would be a generic type (Kryo), which the workbook's
     * jobs refuse. The bytes hold about {@code 3·k} values whatever the number of values added.
     */
    public static class Sketch {
        public byte[] bytes;

        public Sketch() {
        }

        Sketch(KllDoublesSketch sketch) {
            this.bytes = sketch.toByteArray();
        }

        KllDoublesSketch open() {
            return KllDoublesSketch.heapify(Memory.wrap(bytes));
        }
    }

    @Override
    public AggregateFunction<Double, Sketch, Quantiles> aggregate() {
        return new KllAggregate();
    }

    static final class KllAggregate implements AggregateFunction<Double, Sketch, Quantiles> {
        @Override
        public Sketch createAccumulator() {
            return new Sketch(KllDoublesSketch.newHeapInstance(K));
        }

        @Override
        public Sketch add(Double value, Sketch accumulator) {
            KllDoublesSketch sketch = accumulator.open();
            sketch.update(value);
            return new Sketch(sketch);
        }

        @Override
        public Quantiles getResult(Sketch accumulator) {
            KllDoublesSketch sketch = accumulator.open();
            if (sketch.isEmpty()) {
                return new Quantiles(0, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] q = sketch.getQuantiles(RANKS); // inclusive: the smallest value whose rank is ≥ p
            return new Quantiles(sketch.getN(), q[0], q[1], q[2]);
        }

        @Override
        public Sketch merge(Sketch a, Sketch b) {
            KllDoublesSketch merged = a.open();
            merged.merge(b.open()); // KLL sketches merge without losing their error guarantee
            return new Sketch(merged);
        }
    }
}
