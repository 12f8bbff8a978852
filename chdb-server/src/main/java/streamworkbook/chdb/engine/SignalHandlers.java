package streamworkbook.chdb.engine;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;

/**
 * Saves the process's signal dispositions and puts them back.
 *
 * <p>Why: the JVM owns several signals (it turns SIGSEGV into NullPointerException and uses
 * SIGSEGV/SIGBUS for safepoint polls; SIGTERM/SIGINT/SIGHUP run shutdown hooks). Booting chDB
 * installs ClickHouse's own handlers for these even when asked not to, and with them in place a
 * JVM under load hangs or dies. So around every {@code chdb_connect} the raw {@code struct
 * sigaction} of signals 1–31 is copied out with libc's {@code sigaction} and written back
 * afterwards, byte for byte; the struct's layout never needs to be known, only an upper bound
 * of its size.
 */
final class SignalHandlers {

    /** Upper bound of {@code sizeof(struct sigaction)}: 152 on Linux x86-64/arm64, 16 on macOS. */
    private static final int SIGACTION_BYTES = 256;
    private static final int LAST_STANDARD_SIGNAL = 31;
    private static final int SIGKILL = 9;
    private static final int SIGSTOP = Platform.isMac() ? 17 : 19;

    private interface LibC extends Library {
        LibC INSTANCE = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

        int sigaction(int signal, Pointer action, Pointer oldAction);
    }

    private final Memory saved = new Memory((long) (LAST_STANDARD_SIGNAL + 1) * SIGACTION_BYTES);

    private SignalHandlers() {
        saved.clear();
    }

    /** Copies the current dispositions of signals 1–31. */
    static SignalHandlers save() {
        SignalHandlers handlers = new SignalHandlers();
        for (int signal = 1; signal <= LAST_STANDARD_SIGNAL; signal++) {
            LibC.INSTANCE.sigaction(signal, null, handlers.slot(signal));
        }
        return handlers;
    }

    /** Writes the saved dispositions back (SIGKILL and SIGSTOP cannot be changed, so they are skipped). */
    void restore() {
        for (int signal = 1; signal <= LAST_STANDARD_SIGNAL; signal++) {
            if (signal != SIGKILL && signal != SIGSTOP) {
                LibC.INSTANCE.sigaction(signal, slot(signal), null);
            }
        }
    }

    /**
     * Signals whose handler differs from the saved one (diagnostics and tests). Only the handler
     * address is compared: it is the first field on Linux and macOS, while the rest of the struct
     * holds bytes the C library does not always initialise.
     */
    List<Integer> changedSince() {
        List<Integer> changed = new ArrayList<>();
        SignalHandlers now = save();
        for (int signal = 1; signal <= LAST_STANDARD_SIGNAL; signal++) {
            if (slot(signal).getLong(0) != now.slot(signal).getLong(0)) {
                changed.add(signal);
            }
        }
        return changed;
    }

    private Pointer slot(int signal) {
        return saved.share((long) signal * SIGACTION_BYTES, SIGACTION_BYTES);
    }
}
