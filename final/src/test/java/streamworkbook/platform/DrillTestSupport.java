package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;

/** What every drill test checks: counts exact before and after, nothing lost, nothing doubled, nothing unsent. */
final class DrillTestSupport {

    /**
     * The five fault drills' JUnit tag. CI's second pass, on Java 25, leaves them out ({@code -DexcludedGroups}): they
     * take half of the suite's time and run the same code as on Java 17; what is JDK-specific in them (processes
     * started, killed and restored) kit-servers' cluster tests cover on both.
     */
    static final String TAG = "fault-drill";

    private DrillTestSupport() {
    }

    static void assertExact(DrillRunner.Result result, TrafficPublisher traffic) {
        String what = result.drill() + ": before " + result.before().summary() + "; after " + result.after().summary();
        assertEquals(0, traffic.failed(), "records Kafka refused for good: " + traffic.firstFailure() + " — " + what);
        if (traffic.resent() > 0) {
            System.out.println("  " + traffic.resent() + " record(s) sent again after the producer gave up on them (delivery timeout)");
        }
        assertTrue(result.before().exact(), what);
        Reconciliation after = result.after();
        assertTrue(after.ackedValid() > result.before().ackedValid(), "traffic went on through the drill: " + what);
        assertEquals(after.ackedValid(), after.rowsFinal(), what);
        assertEquals(after.ackedValid(), after.distinctEvents(), what);
        assertEquals(after.ackedInvalid(), after.deadLetters(), what);
        assertEquals(0, after.rollupMismatches(), what);
        assertTrue(after.rollupBuckets() > 0, "some closed rollup buckets were compared: " + what);
    }

    /** Stdout, so that a drill's story shows in the test report. */
    static PrintStream out() {
        return System.out;
    }
}
