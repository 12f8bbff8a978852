package streamworkbook.kit.exercise;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Turns a {@link NotImplementedYet} anywhere in a failure's cause chain into a skipped test with a
 * pointer to the README, so unfinished exercises are reported as pending, never as failures.
 *
 * <p>Registered for every module through JUnit's extension auto-detection
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension}; the parent pom enables it).
 */
public class PendingExercises implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    public static final String PENDING_PREFIX = "exercise ";
    public static final String PENDING_MARK = " pending — see ";

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw asPendingOr(failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw asPendingOr(failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw asPendingOr(failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw asPendingOr(failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw asPendingOr(failure);
    }

    static Throwable asPendingOr(Throwable failure) {
        NotImplementedYet pending = NotImplementedYet.findIn(failure);
        if (pending == null) {
            return failure;
        }
        return new TestAbortedException(pendingMessage(pending.exerciseId()), failure);
    }

    /** "exercise 1.2 pending — see week01-kafka/README.md#12-publish-events-as-json" */
    public static String pendingMessage(String exerciseId) {
        String link = WeekManifest.current()
                .map(m -> m.readmeLink(exerciseId))
                .orElse(System.getProperty("workbook.module", "the week") + "/README.md");
        return PENDING_PREFIX + exerciseId + PENDING_MARK + link;
    }

    /** The exercise id of a pending message, or null when the message is not one. */
    public static String pendingExerciseOf(String message) {
        if (message == null || !message.startsWith(PENDING_PREFIX)) {
            return null;
        }
        int mark = message.indexOf(PENDING_MARK);
        return mark < 0 ? null : message.substring(PENDING_PREFIX.length(), mark);
    }
}
