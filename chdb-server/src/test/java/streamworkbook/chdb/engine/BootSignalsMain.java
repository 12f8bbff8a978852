package streamworkbook.chdb.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * Boots chDB in a fresh JVM and prints which signal handlers differ from the JVM's afterwards
 * ({@code changed=[]} when none). Run by {@link ChdbEngineTest} in a process of its own, because
 * the engine boots only once per process.
 */
public final class BootSignalsMain {

    private BootSignalsMain() {
    }

    public static void main(String[] args) {
        SignalHandlers jvm = SignalHandlers.save();
        try (ChdbEngine engine = ChdbEngine.open(Path.of(args[0]))) {
            ChdbConnection c = engine.connect();
            List<Integer> changed = jvm.changedSince();
            try (ChdbResult r = c.query("SELECT count() FROM numbers(1000000)", "TabSeparated")) {
                System.out.println("changed=" + changed + " count=" + r.text().strip());
            }
            engine.close(c);
        }
    }
}
