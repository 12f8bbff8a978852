package streamworkbook.chdb;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Detaches the process from its standard input.
 *
 * <p>chDB runs each statement through ClickHouse's client code, which switches standard input to
 * non-blocking mode while a statement runs and back afterwards. Statements on several connections
 * at once interleave those saves and restores, and standard input can be left non-blocking — a
 * flag that belongs to the open file, so it is shared with whoever else reads it: the terminal
 * the server was started from, or the pipe of the program that started it. The server never reads
 * standard input, so it points file descriptor 0 at {@code /dev/null} before the engine boots.
 */
final class StandardInput {

    private static final int O_RDONLY = 0;

    private interface LibC extends Library {
        LibC INSTANCE = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

        int open(String path, int flags);

        int dup2(int from, int to);

        int close(int fd);
    }

    private StandardInput() {
    }

    /** Replaces file descriptor 0 with {@code /dev/null}; false if that was not possible. */
    static boolean detach() {
        int devNull = LibC.INSTANCE.open("/dev/null", O_RDONLY);
        if (devNull < 0) {
            return false;
        }
        boolean replaced = devNull == 0 || LibC.INSTANCE.dup2(devNull, 0) == 0;
        if (devNull != 0) {
            LibC.INSTANCE.close(devNull);
        }
        return replaced;
    }
}
