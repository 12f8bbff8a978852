package streamworkbook.chdb.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens and closes chDB connections {@code args[1]} times while the JVM is busy with what makes it raise SIGSEGV on
 * purpose: three threads run compiled loops that allocate, one calls {@code System.gc()} without pause, so safepoint
 * polls fault in every running thread again and again. Prints {@code N connects} if the process survives. Run by
 * {@link ConnectStormTest} in a JVM of its own.
 */
public final class ConnectStormMain {

    static volatile Object kept;

    private ConnectStormMain() {
    }

    public static void main(String[] args) {
        int connects = Integer.parseInt(args[1]);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> busy = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            busy.add(new Thread(() -> {
                while (!stop.get()) {
                    int[] block = new int[1_000];
                    for (int i = 0; i < block.length; i++) {
                        block[i] = i * 31;
                    }
                    kept = block;
                }
            }));
        }
        busy.add(new Thread(() -> {
            while (!stop.get()) {
                System.gc();
            }
        }));
        busy.forEach(Thread::start);
        try (ChdbEngine engine = ChdbEngine.open(Path.of(args[0]))) {
            // one connection stays open, as the server's pool keeps them: closing the last one shuts ClickHouse down,
            // and every connect would boot it again (~0.1 s instead of ~2 ms)
            ChdbConnection kept = engine.connect();
            for (int i = 0; i < connects; i++) {
                engine.close(engine.connect());
            }
            engine.close(kept);
        } finally {
            stop.set(true);
        }
        System.out.println(connects + " connects");
    }
}
