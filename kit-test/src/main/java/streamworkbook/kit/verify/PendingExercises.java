package streamworkbook.kit.verify;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.exercise.WeekManifest;

/**
 * What a learner sees when a test cannot pass yet or hangs:
 * <ul>
 *   <li>a {@link NotImplementedYet} anywhere in a failure's cause chain becomes a skipped test with a pointer to
 *       the README — "exercise 1.2 pending — see …", or, when the stub belongs to an earlier exercise than the
 *       one the test checks, "exercise 1.3 needs 1.2 first — see …" — never a failure;</li>
 *   <li>a test that ran into its timeout fails with the time and advice ({@link OnTimeout}) instead of a
 *       thread dump.</li>
 * </ul>
 * Registered for every module through JUnit's extension auto-detection
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension}; kit-test's {@code junit-platform.properties}
 * enables it).
 */
public class PendingExercises implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    public static final String PENDING_PREFIX = "exercise ";
    public static final String PENDING_MARK = " pending — see ";
    public static final String NEEDS_MARK = " needs ";

    static final String DEFAULT_TIMEOUT_ADVICE = "does your code wait for something that never comes: a loop that "
            + "never ends, a source that is never bounded, a poll or a future without a deadline?";

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw translate(context, failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw translate(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw translate(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw translate(context, failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw translate(context, failure);
    }

    private static Throwable translate(ExtensionContext context, Throwable failure) {
        Optional<String> tested = TestExercises.find(context.getRequiredTestClass(),
                context.getTestMethod().orElse(null), Exercise.class).map(Exercise::value);
        NotImplementedYet pending = NotImplementedYet.findIn(failure);
        if (pending != null) {
            return new TestAbortedException(pendingMessage(tested.orElse(pending.exerciseId()), pending.exerciseId()), failure);
        }
        TimeoutException timeout = timeoutIn(failure);
        if (timeout != null) {
            String advice = TestExercises.find(context.getRequiredTestClass(), context.getTestMethod().orElse(null),
                    OnTimeout.class).map(OnTimeout::value).orElse(DEFAULT_TIMEOUT_ADVICE);
            AssertionFailedError timedOut = new AssertionFailedError(timeout.getMessage() + " — " + advice);
            timedOut.setStackTrace(new StackTraceElement[0]); // the message is the whole story
            return timedOut;
        }
        return failure;
    }

    /** JUnit's own timeout ("… timed out after 60 seconds"), as it reports it in either thread mode. */
    private static TimeoutException timeoutIn(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TimeoutException e && String.valueOf(e.getMessage()).contains("timed out after")) {
                return e;
            }
        }
        return null;
    }

    /** "exercise 1.2 pending — see week01-kafka/README.md#12-publish-events-as-json" */
    public static String pendingMessage(String exerciseId) {
        return pendingMessage(exerciseId, exerciseId);
    }

    /** "exercise 1.3 needs 1.2 first — see week01-kafka/README.md#12-…" when the pending stub is an earlier exercise's. */
    public static String pendingMessage(String testedId, String pendingId) {
        String link = WeekManifest.current()
                .map(m -> m.readmeLink(pendingId))
                .orElse(System.getProperty("workbook.module", "the week") + "/README.md");
        String what = testedId.equals(pendingId) ? "" : NEEDS_MARK + pendingId + " first —";
        return PENDING_PREFIX + testedId + what + (what.isEmpty() ? PENDING_MARK : " see ") + link;
    }

    /** The exercise id of a pending message (the tested one), or null when the message is not one. */
    public static String pendingExerciseOf(String message) {
        if (message == null || !message.startsWith(PENDING_PREFIX)) {
            return null;
        }
        int end = message.indexOf(PENDING_MARK);
        int needs = message.indexOf(NEEDS_MARK);
        if (needs > 0 && (end < 0 || needs < end)) {
            end = needs;
        }
        return end < 0 ? null : message.substring(PENDING_PREFIX.length(), end);
    }
}
