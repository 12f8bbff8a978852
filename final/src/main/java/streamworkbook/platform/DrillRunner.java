package streamworkbook.platform;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a {@link Drill} against a platform that is running (generator and job), the way the Flink operations
 * playground does by hand: counts before, the fault, what the platform does meanwhile, the repair, counts after.
 * "Counts" are exact: the generator is held for a moment, the platform catches up, and everything Kafka acknowledged
 * is compared with ClickHouse and the dead-letter topic ({@link Reconciliation}).
 */
final class DrillRunner {

    /** What a drill found: the counts before and after, and what was seen during the fault. */
    record Result(String drill, Reconciliation before, Reconciliation after, List<String> observations) {
    }

    private final PlatformRun run;
    private final TrafficPublisher traffic;
    private final Supplier<String> jobState;
    private final Supplier<String> watermarks;
    private final PrintStream out;

    /** {@code jobState}: RUNNING, RESTARTING…; {@code watermarks}: where event time stands ({@link JobWatermarks}). */
    DrillRunner(PlatformRun run, TrafficPublisher traffic, Supplier<String> jobState, Supplier<String> watermarks, PrintStream out) {
        this.run = run;
        this.traffic = traffic;
        this.jobState = jobState;
        this.watermarks = watermarks;
        this.out = out;
    }

    /** The drill, then {@code afterHeal} of traffic on the repaired platform, then the counts. */
    Result run(Drill drill, Duration afterHeal) throws Exception {
        out.println("DRILL " + drill.name() + ": " + drill.story());
        awaitFlowing(Duration.ofMinutes(2));
        Reconciliation before = exactCounts("before");

        List<String> observations = new ArrayList<>();
        drill.inject(out);
        long healAt = System.nanoTime() + drill.outage().toNanos();
        while (System.nanoTime() < healAt) {
            Thread.sleep(Math.min(2_000, Math.max(1, (healAt - System.nanoTime()) / 1_000_000)));
            String seen = observation(drill);
            observations.add(seen);
            out.println("  " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + seen);
        }
        drill.heal(out);
        long until = System.nanoTime() + afterHeal.toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(2_000);
            String seen = observation(drill);
            observations.add("after: " + seen);
            out.println("  " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + seen);
        }
        Reconciliation after = exactCounts("after");
        return new Result(drill.name(), before, after, observations);
    }

    /** Holds the generator, waits until the platform has caught up, prints the counts, lets the generator go on. */
    private Reconciliation exactCounts(String when) throws InterruptedException {
        traffic.pause();
        try {
            Reconciliation counts = run.awaitCaughtUp(traffic, Duration.ofMinutes(4));
            out.println("  counts " + when + ": " + counts.summary());
            if (!counts.exact()) {
                // a closed bucket missing with all its events in ClickHouse is a window that has not fired: which task waits?
                out.println("  input watermarks (UTC): " + watermarks.get());
            }
            return counts;
        } finally {
            traffic.resume();
        }
    }

    private String observation(Drill drill) {
        String extra = drill.observe();
        return "job " + state() + " · ClickHouse " + rows() + " · acked " + String.format("%,d", traffic.acked())
                + (extra == null ? "" : " · " + extra);
    }

    private String state() {
        try {
            return jobState.get();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private String rows() {
        try (Connection c = run.clickhouse().connect(); Statement s = c.createStatement()) {
            return String.format("%,d rows", Reconciliation.single(s, "SELECT count() FROM events"));
        } catch (Exception e) {
            return "DOWN";
        }
    }

    private void awaitFlowing(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection c = run.clickhouse().connect(); Statement s = c.createStatement()) {
                if (Reconciliation.single(s, "SELECT count() FROM events") > 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no event reached ClickHouse within " + timeout.toSeconds() + " s: job " + state());
            }
            Thread.sleep(1_000);
        }
    }
}
