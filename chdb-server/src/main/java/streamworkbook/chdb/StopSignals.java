package streamworkbook.chdb;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly stop with exit status 0.
 *
 * <p>Why not a shutdown hook alone: the JVM answers SIGTERM by exiting with status 143
 * (128 + 15), and a supervisor that waits for "exit 0" would report a clean stop as a failure.
 * {@code sun.misc.Signal} (module jdk.unsupported, kept for exactly this use) lets the process
 * handle the signal itself: close the server, then exit normally. The JVM's own handlers for
 * these signals stay in place until this is called, and chDB's boot does not replace them
 * (see {@code SignalHandlers}). javac warns about every use of {@code sun.misc}; that warning is
 * expected here and cannot be suppressed.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void onTermination(Runnable stop) {
        Signal.handle(new Signal("TERM"), signal -> stop.run());
        Signal.handle(new Signal("INT"), signal -> stop.run());
    }
}
