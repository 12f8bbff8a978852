package streamworkbook.week08.solutions;

import com.tdunning.math.stats.MergingDigest;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.functions.AggregateFunction;
import streamworkbook.week08.Quantiles;
import streamworkbook.week08.SketchPercentiles;

/** Reference solution of exercise 8.2. */
public class TDigestPercentiles implements SketchPercentiles {

    /**
     * The accumulator: the digest as its serialized bytes. Flink serializes a {@code byte[]} field of a POJO with
     * its own serializer; a {@code MergingDigest} field would be a generic type (Kryo), which the workbook's jobs
     * refuse. The bytes hold about {@code COMPRESSION} centroids at most, whatever the number of values added.
     */
    public static class Digest {
        public byte[] bytes;

        public Digest() {
        }

        Digest(MergingDigest digest) {
            ByteBuffer buffer = ByteBuffer.allocate(digest.byteSize());
            digest.asBytes(buffer);
            this.bytes = buffer.array();
        }

        MergingDigest open() {
            return MergingDigest.fromBytes(ByteBuffer.wrap(bytes));
        }
    }

    @Override
    public AggregateFunction<Double, Digest, Quantiles> aggregate() {
        return new TDigestAggregate();
    }

    static final class TDigestAggregate implements AggregateFunction<Double, Digest, Quantiles> {
        @Override
        public Digest createAccumulator() {
            return new Digest(new MergingDigest(COMPRESSION));
        }

        @Override
        public Digest add(Double value, Digest accumulator) {
            MergingDigest digest = accumulator.open();
            digest.add(value);
            return new Digest(digest);
        }

        @Override
        public Quantiles getResult(Digest accumulator) {
            MergingDigest digest = accumulator.open();
            if (digest.size() == 0) {
                return new Quantiles(0, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Quantiles(digest.size(), digest.quantile(0.5), digest.quantile(0.95), digest.quantile(0.99));
        }

        @Override
        public Digest merge(Digest a, Digest b) {
            MergingDigest merged = a.open();
            merged.add(b.open()); // the centroids of both, compressed again: a digest of all the values
            return new Digest(merged);
        }
    }
}
