package streamworkbook.week10;

import java.util.concurrent.Callable;

/**
 * A fixture made once, on first use inside a test method, and shared by the tests of a class. Flink's test cluster
 * gives jobs an environment only while a test method runs (not in {@code @BeforeAll}), so a pipeline that several
 * tests examine runs in whichever test comes first. Its failure — an exercise still pending, a wrong answer — is
 * rethrown to every test that asks, so each reports it. If the first test ran out of time while making it (a job that
 * never ends), the tests after it fail at once instead of waiting for it again.
 */
final class Once<T> {

    private enum State { NEW, MAKING, MADE }

    private final Callable<T> make;
    private State state = State.NEW;
    private T value;
    private Throwable failure;

    Once(Callable<T> make) {
        this.make = make;
    }

    T get() throws Exception {
        boolean mine;
        synchronized (this) {
            if (state == State.MAKING) {
                // the tests of a class run one after the other: the test that started making it was given up on
                throw new IllegalStateException("the fixture this test needs did not finish in the time of the test that"
                        + " started it: see that test's failure");
            }
            mine = state == State.NEW;
            state = mine ? State.MAKING : state;
        }
        if (mine) {
            T made = null;
            Throwable failed = null;
            try {
                made = make.call();
            } catch (Throwable t) {
                failed = t;
            }
            synchronized (this) {
                value = made;
                failure = failed;
                state = State.MADE;
            }
        }
        synchronized (this) {
            if (failure instanceof InterruptedException) {
                throw new IllegalStateException("the fixture this test needs was interrupted: the test that made it ran out"
                        + " of time (see its failure)", failure);
            }
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return value;
        }
    }
}
