package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;

/** What every drill test checks: counts exact before and after, nothing lost, nothing doubled, nothing unsent. */
final class DrillTestSupport {

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
