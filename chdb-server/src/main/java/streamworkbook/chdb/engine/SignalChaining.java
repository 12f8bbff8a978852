package streamworkbook.chdb.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JDK's signal chaining library, {@code libjsig}, preloaded into every JVM that loads chDB.
 *
 * <p>Why: every {@code chdb_connect} — not only the first, which boots ClickHouse — installs ClickHouse's
 * handlers for SIGSEGV, SIGBUS, SIGFPE and SIGILL. The JVM raises SIGSEGV on purpose, all the time: a safepoint
 * poll in compiled code (every GC stops the threads that way) and an implicit null check both fault and expect the
 * JVM's handler. One that arrives while ClickHouse's handler is installed kills the process ("Segmentation fault",
 * exit status 139, no hs_err file). {@link SignalHandlers} puts the JVM's handlers back after each connect, but it
 * cannot close the window while the connect runs. Measured: 2,000 connects while three threads allocate and one
 * calls {@code System.gc()} in a loop crashed the JVM in every run tried (12, Java 17 and 25), within 2–12 s; the test
 * suite saw it about once in ten runs when eight statements opened their connections at once. With {@code libjsig} preloaded, a
 * native library's {@code sigaction} for a signal the JVM owns no longer replaces the JVM's handler: it is kept
 * as the handler the JVM chains to for faults that are not its own. The same 2,000 connects: every run clean (6),
 * on Java 17 and on Java 25 (see HotSpot's "signal chaining" documentation).
 *
 * <p>Preloading has to happen when the JVM starts ({@code LD_PRELOAD}), so whoever starts a JVM that loads chDB
 * adds {@link #launchEnvironment()}: kit's local ClickHouse, the {@code workbook} script, this module's tests.
 */
public final class SignalChaining {

    private static final String LIBRARY = "libjsig.so";

    /**
     * What Java 16–24's {@code libjsig} prints, once, when a library calls {@code signal()} for a signal the JVM
     * owns — ClickHouse does while it boots. It is advice to the library's authors, not to the server's user.
     */
    private static final String DEPRECATION_NOTICE = "OpenJDK VM warning: the use of signal() and sigset() for signal chaining"
            + " was deprecated in version 16.0 and will be removed in a future release. Use sigaction() instead.";

    private static final int STDERR = 2;
    private static final int O_WRONLY = 1;

    private interface LibC extends Library {
        LibC INSTANCE = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

        int open(String path, int flags);

        int dup(int fd);

        int dup2(int from, int to);

        int close(int fd);
    }

    private SignalChaining() {
    }

    /**
     * {@code LD_PRELOAD} of this JDK's {@code libjsig}, for a child JVM started with this JVM's {@code java}, added to
     * any preload already set; empty where there is none to preload (not Linux, or a JDK without the library).
     */
    public static Map<String, String> launchEnvironment() {
        Path library = Path.of(System.getProperty("java.home"), "lib", LIBRARY);
        if (!Platform.isLinux() || !Files.isRegularFile(library)) {
            return Map.of();
        }
        String already = System.getenv("LD_PRELOAD");
        if (already != null && already.contains(library.toString())) {
            return Map.of("LD_PRELOAD", already);
        }
        return Map.of("LD_PRELOAD", already == null || already.isBlank() ? library.toString() : library + ":" + already);
    }

    /** True when this JVM could have preloaded {@code libjsig} ({@link #launchEnvironment()} names one) and did not. */
    public static boolean missing() {
        return !launchEnvironment().isEmpty() && !active();
    }

    /** Whether {@code libjsig} is loaded in this process (Linux: listed in {@code /proc/self/maps}). */
    public static boolean active() {
        if (!Platform.isLinux()) {
            return false;
        }
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.anyMatch(line -> line.endsWith("/" + LIBRARY));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Runs {@code call} (the connect that boots ClickHouse) with file descriptor 2 pointed at a temporary file, then
     * writes what it printed back to standard error, without {@code libjsig}'s deprecation notice: a server that
     * starts cleanly prints nothing there. Anything else the boot prints still reaches standard error.
     */
    static <T> T withoutDeprecationNotice(Supplier<T> call) {
        if (!active()) {
            return call.get();
        }
        Path captured;
        try {
            captured = Files.createTempFile("chdb-boot-stderr-", ".txt");
        } catch (IOException e) {
            return call.get();
        }
        int file = LibC.INSTANCE.open(captured.toString(), O_WRONLY);
        int original = file < 0 ? -1 : LibC.INSTANCE.dup(STDERR);
        if (original < 0 || LibC.INSTANCE.dup2(file, STDERR) < 0) {
            closeAll(file, original);
            deleteQuietly(captured);
            return call.get();
        }
        try {
            return call.get();
        } finally {
            LibC.INSTANCE.dup2(original, STDERR);
            closeAll(file, original);
            try {
                String printed = Files.readString(captured, StandardCharsets.UTF_8)
                        .replace(DEPRECATION_NOTICE + "\n", "").replace(DEPRECATION_NOTICE, "");
                if (!printed.isBlank()) {
                    System.err.print(printed);
                    System.err.flush();
                }
            } catch (IOException e) {
                // the boot's own messages are lost; the connect's outcome is not
            }
            deleteQuietly(captured);
        }
    }

    private static void closeAll(int... fds) {
        for (int fd : fds) {
            if (fd >= 0) {
                LibC.INSTANCE.close(fd);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temporary file left behind
        }
    }
}
