package streamworkbook.kit.exercise;

/**
 * Thrown by an exercise stub where the learner's code goes.
 *
 * <p>The test framework turns it into a <em>pending</em> (skipped) test, never a failure, so a fresh
 * checkout builds green and the progress summary points at the next exercise to do.
 */
public class NotImplementedYet extends UnsupportedOperationException {

    private final String exerciseId;

    public NotImplementedYet(String exerciseId) {
        super("exercise " + exerciseId + " is not implemented yet");
        this.exerciseId = exerciseId;
    }

    /** The exercise number, such as {@code "1.2"}. */
    public String exerciseId() {
        return exerciseId;
    }

    /** The first {@code NotImplementedYet} in a cause chain (Flink and Kafka wrap exceptions deeply), or null. */
    public static NotImplementedYet findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotImplementedYet pending) {
                return pending;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                NotImplementedYet found = findIn(suppressed);
                if (found != null) {
                    return found;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
