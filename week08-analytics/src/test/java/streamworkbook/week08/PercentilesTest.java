package streamworkbook.week08;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;

/**
 * Exercise 8.2. In a Flink job (generic types disabled, parallelism 2): 100,000 values from three known
 * distributions — uniform, normal, log-normal — in five one-minute windows each; every p50, p95 and p99 your
 * aggregate returns must have a rank in the window's exact, sorted values within {@link SketchPercentiles#RANK_ERROR}
 * (1 %: a t-digest with compression 100 has no proven bound; the reference's worst here is 0.32 %, at a median).
 * Without Flink: after 1,000,000 values the accumulator, serialized the way Flink serializes it (without Kryo), is
 * under 64 KiB and still within the error; and two accumulators of different halves merge into one that describes
 * both.
 *
 * <p>Rejects:
 * <ul>
 *   <li>the {@code MergingDigest} itself as the accumulator: Flink can only keep it with Kryo, and the job fails
 *       ("Generic types have been disabled");</li>
 *   <li>exact percentiles from every value: a {@code List<Double>} field (which Flink 2 serializes without Kryo) is
 *       9 MB after a million values, a growing {@code double[]} 8 MB;</li>
 *   <li>compression too small (10: medians off by up to 7 %): ranks far outside the contract's error;</li>
 *   <li>{@code merge} that keeps one side: the merged median of 0…100 and 100…200 is not 100.</li>
 * </ul>
 */
@Exercise("8.2")
class PercentilesTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final SketchPercentiles sketch = Exercises.pick(streamworkbook.week08.exercises.TDigestPercentiles::new,
            streamworkbook.week08.solutions.TDigestPercentiles::new);

    private static final double[] RANKS = PricePercentiles.RANKS;

    @Test
    void percentilesPerMinuteAreWithinTheSketchRankError() throws Exception {
        Random random = new Random(8_2);
        List<Sample> samples = new ArrayList<>();
        Map<String, List<Double>> exact = new HashMap<>();
        String[] keys = {"uniform", "normal", "lognormal"};
        for (int i = 0; i < 100_000; i++) {
            String key = keys[i % 3];
            Instant at = Series.T0.plusMillis((long) i * 3); // 300 s: five minutes of each key
            double value = switch (key) {
                case "uniform" -> 1 + random.nextDouble() * 499;
                case "normal" -> 100 + 15 * random.nextGaussian();
                default -> Math.exp(3 + random.nextGaussian());
            };
            samples.add(new Sample(key, at, value));
            exact.computeIfAbsent(key + " " + at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), k -> new ArrayList<>()).add(value);
        }

        StreamExecutionEnvironment env = TestFlink.environment(2);
        var stream = env.fromData(samples, TypeInformation.of(Sample.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Sample>forMonotonousTimestamps()
                        .withTimestampAssigner((s, previous) -> s.at().toEpochMilli()))
                .setParallelism(1);
        List<Percentiles> out;
        try {
            out = TestFlink.collect(PricePercentiles.sketched(stream, sketch));
        } catch (Exception e) {
            throw new AssertionError("the job failed — is the accumulator a type Flink serializes without Kryo? " + rootMessage(e), e);
        }

        assertEquals(exact.size(), out.size(), "one result per key and minute: " + exact.keySet());
        for (Percentiles p : out) {
            List<Double> values = exact.get(p.key() + " " + p.minute());
            assertTrue(values != null, "a result for a window with no values: " + p);
            assertEquals(values.size(), p.count(), "the count of " + p.key() + " at " + p.minute());
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] q = {p.p50(), p.p95(), p.p99()};
            for (int i = 0; i < RANKS.length; i++) {
                double error = rankError(sorted, RANKS[i], q[i]);
                assertTrue(error <= SketchPercentiles.RANK_ERROR, String.format(
                        "%s at %s: p%.0f = %.3f has rank %.4f–%.4f among the %d exact values, more than the sketch's %.4f from %.2f",
                        p.key(), p.minute(), RANKS[i] * 100, q[i], lowRank(sorted, q[i]), highRank(sorted, q[i]),
                        sorted.length, SketchPercentiles.RANK_ERROR, RANKS[i]));
            }
        }
    }

    /** 1M values: a few seconds when every add reads the digest from its bytes and writes it back (loaded 2-core machine). */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @OnTimeout("a million add() calls take seconds with a sketch: does add() copy every value so far (an ever-growing array)?")
    void accumulatorStaysSmallAndMerges() throws Exception {
        AggregateFunction<Double, ?, Quantiles> function = sketch.aggregate();
        Random random = new Random(8_22);
        double[] values = new double[1_000_000];
        for (int i = 0; i < values.length; i++) {
            // the first half in 0…100, the second in 100…200: the median of all is 100
            values[i] = (i < values.length / 2 ? 0 : 100) + random.nextDouble() * 100;
        }
        check(function, values);
    }

    private static <A> void check(AggregateFunction<Double, A, Quantiles> function, double[] values) throws Exception {
        TypeInformation<A> type = TypeExtractor.getAggregateFunctionAccumulatorType(function, Types.DOUBLE, "8.2", false);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false); // as the workbook's jobs run: pipeline.generic-types: false
        TypeSerializer<A> serializer;
        try {
            serializer = type.createSerializer(config);
        } catch (UnsupportedOperationException e) {
            fail("Flink sees the accumulator as " + type + ", which it can only serialize with Kryo: " + e.getMessage());
            return;
        }

        int half = values.length / 2;
        A first = function.createAccumulator();
        A second = function.createAccumulator();
        for (int i = 0; i < half; i++) {
            first = function.add(values[i], first);
        }
        for (int i = half; i < values.length; i++) {
            second = function.add(values[i], second);
        }
        A all = function.merge(first, second);

        DataOutputSerializer out = new DataOutputSerializer(64 * 1024);
        serializer.serialize(all, out);
        assertTrue(out.length() < 64 * 1024, "the accumulator of " + values.length + " values is " + out.length()
                + " bytes serialized: it must stay under 64 KiB whatever the number of values");

        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Quantiles q = function.getResult(all);
        assertEquals(values.length, q.count(), "the count after merging two halves of " + values.length);
        double[] got = {q.p50(), q.p95(), q.p99()};
        for (int i = 0; i < RANKS.length; i++) {
            double error = rankError(sorted, RANKS[i], got[i]);
            assertTrue(error <= SketchPercentiles.RANK_ERROR, String.format(
                    "after merging the halves 0…100 and 100…200: p%.0f = %.3f has rank %.4f, more than %.4f from %.2f",
                    RANKS[i] * 100, got[i], lowRank(sorted, got[i]), SketchPercentiles.RANK_ERROR, RANKS[i]));
        }
        // and one round trip through Flink's serializer keeps it
        var in = new org.apache.flink.core.memory.DataInputDeserializer(out.getCopyOfBuffer());
        assertEquals(q, function.getResult(serializer.deserialize(in)), "the accumulator after Flink's serializer");
    }

    /** How far {@code p} lies from the ranks {@code q} has among the sorted values (0 when q's rank range contains p). */
    static double rankError(double[] sorted, double p, double q) {
        double low = lowRank(sorted, q);
        double high = highRank(sorted, q);
        return p < low ? low - p : p > high ? p - high : 0;
    }

    /** The share of values below q. */
    static double lowRank(double[] sorted, double q) {
        int i = Arrays.binarySearch(sorted, q);
        if (i < 0) {
            return (double) (-i - 1) / sorted.length;
        }
        while (i > 0 && sorted[i - 1] == q) {
            i--;
        }
        return (double) i / sorted.length;
    }

    /** The share of values at or below q. */
    static double highRank(double[] sorted, double q) {
        int i = Arrays.binarySearch(sorted, q);
        if (i < 0) {
            return (double) (-i - 1) / sorted.length;
        }
        while (i < sorted.length - 1 && sorted[i + 1] == q) {
            i++;
        }
        return (double) (i + 1) / sorted.length;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
