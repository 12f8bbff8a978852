package streamworkbook.kit.infra.local.cluster.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import streamworkbook.kit.flink.FlinkJobs;

/**
 * The job the cluster tests run (packed into a job jar by {@code JobJars}): the numbers 0 … count-1, paced to
 * {@code --rate} per second, keyed by {@code n % keys}; per key, the count and the sum of its numbers, kept in keyed
 * state and written once, at the end of the input, to {@code <out>/key-<k>.txt} (an overwrite: a replay writes the
 * same file again, so the files are exact exactly when the state is).
 *
 * <p>Arguments: {@code --count N --keys K --rate R --parallelism P --out DIR [--checkpoint-ms M] [--ui-port PORT]}.
 * The environment is kit's {@code FlinkJobs.programEnvironment}, as the weeks' programs have it, with restarts turned on.
 */
public final class CountingJob {

    private CountingJob() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long count = Long.parseLong(options.get("count"));
        int keys = Integer.parseInt(options.get("keys"));
        long rate = Long.parseLong(options.getOrDefault("rate", "0"));
        int parallelism = Integer.parseInt(options.getOrDefault("parallelism", "1"));
        String out = options.get("out");

        StreamExecutionEnvironment env = FlinkJobs.programEnvironment(parallelism, Integer.parseInt(options.getOrDefault("ui-port", "8081")));
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        env.configure(restarts);
        env.enableCheckpointing(Long.parseLong(options.getOrDefault("checkpoint-ms", "500")));

        env.fromSource(new NumberSequenceSource(0, count - 1), WatermarkStrategy.noWatermarks(), "numbers")
                .map(new Pace(rate)).name("pace")
                .keyBy(new Modulo(keys))
                .process(new CountAndSum()).name("count and sum")
                .sinkTo(new ResultFiles(out)).name("result files");
        env.execute("counting job");
    }

    /** At most {@code rate} numbers per second over all subtasks (0: as fast as it goes). */
    static final class Pace extends RichMapFunction<Long, Long> {
        private final long rate;
        private transient long started;
        private transient long seen;
        private transient double perSubtask;

        Pace(long rate) {
            this.rate = rate;
        }

        @Override
        public void open(OpenContext context) {
            started = System.nanoTime();
            perSubtask = (double) rate / getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        }

        @Override
        public Long map(Long value) throws InterruptedException {
            if (rate > 0) {
                long due = started + (long) (++seen * 1e9 / perSubtask);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            return value;
        }
    }

    static final class Modulo implements KeySelector<Long, Long> {
        private final int keys;

        Modulo(int keys) {
            this.keys = keys;
        }

        @Override
        public Long getKey(Long value) {
            return value % keys;
        }
    }

    /** Count and sum per key in keyed state; emitted when the input ends (the final watermark fires the timer). */
    static final class CountAndSum extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws IOException {
            if (count.value() == null) {
                count.update(0L);
                sum.update(0L);
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
            count.update(count.value() + 1);
            sum.update(sum.value() + value);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws IOException {
            out.collect(ctx.getCurrentKey() + " " + count.value() + " " + sum.value());
        }
    }

    /** One file per key, replaced atomically: writing the same result twice leaves one copy. */
    static final class ResultFiles implements Sink<String> {
        private final String dir;

        ResultFiles(String dir) {
            this.dir = dir;
        }

        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(String line, Context ctx) throws IOException {
                    Path target = Path.of(dir, "key-" + line.substring(0, line.indexOf(' ')) + ".txt");
                    Path temp = Files.createTempFile(Path.of(dir), ".result-", ".tmp");
                    Files.writeString(temp, line + "\n", StandardCharsets.UTF_8);
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
