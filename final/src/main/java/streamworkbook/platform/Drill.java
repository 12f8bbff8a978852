package streamworkbook.platform;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A fault an instructor injects into the running platform, and its repair. Every drill is judged the same way
 * ({@link DrillRunner}): the counts after it must be exactly what Kafka acknowledged.
 */
interface Drill {

    String name();

    /** One line: what is about to happen and what the platform should do about it. */
    String story();

    /** Breaks something, at once (a {@code kill -9}, not a polite stop). */
    void inject(PrintStream out) throws Exception;

    /** How long the fault lasts before {@link #heal}. */
    Duration outage();

    /** While the fault lasts: one observation for the log (the API's answer, the job's state…), or null. */
    default String observe() {
        return null;
    }

    /** Repairs it (restarts what was killed). */
    void heal(PrintStream out) throws Exception;
}
