package streamworkbook.kit.exercise;

import java.util.function.Supplier;

/**
 * The one call through which a verification test obtains the implementation under test.
 *
 * <pre>{@code
 * EventPublisher publisher = Exercises.pick(
 *         streamworkbook.week01.exercises.JsonEventPublisher::new,    // the learner's stub
 *         streamworkbook.week01.solutions.JsonEventPublisher::new);   // the reference solution
 * }</pre>
 *
 * In exercise mode (the default) it returns the learner's class; with {@code -Psolutions} the
 * reference solution. Both implement the same contract interface, so the test is written once.
 */
public final class Exercises {

    private Exercises() {
    }

    public static <T> T pick(Supplier<? extends T> learner, Supplier<? extends T> solution) {
        return WorkbookMode.current() == WorkbookMode.SOLUTIONS ? solution.get() : learner.get();
    }

    /** True when the tests run against the reference solutions. */
    public static boolean solutionsMode() {
        return WorkbookMode.current() == WorkbookMode.SOLUTIONS;
    }
}
