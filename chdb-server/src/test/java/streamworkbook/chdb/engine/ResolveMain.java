package streamworkbook.chdb.engine;

/** Prints what {@link ChdbLibrary#resolve()} finds, or its error; for tests that need a different environment. */
public final class ResolveMain {

    private ResolveMain() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("resolved " + ChdbLibrary.resolve());
        } catch (ChdbUnavailableException e) {
            System.out.println("error: " + e.getMessage());
        }
    }
}
