package streamworkbook.chdb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.chdb.ForkedJvm;

/**
 * Connections opened while the JVM raises its own SIGSEGVs (safepoint polls under {@code System.gc()} in a loop) do
 * not kill it: {@link SignalChaining} preloads the JDK's libjsig, so ClickHouse's handlers, installed by every
 * connect, are chained behind the JVM's instead of replacing them for the length of the connect.
 *
 * <p>Seen failing: the same JVM started without {@code LD_PRELOAD} ({@link ForkedJvm#command} alone) died with exit
 * status 139 ("Segmentation fault", no output) in every run tried — 11 on Java 17, 1 on Java 25 — within 2–12 s; with
 * it, 2,000 connects take 5 s (Java 17) to 14 s (Java 25) on two cores — the crash the suite
 * met about once in ten runs when eight statements opened connections at once.
 */
@EnabledOnOs(OS.LINUX)
class ConnectStormTest {

    @Test
    @Timeout(180)
    void twoThousandConnectsUnderSafepointStormsKeepTheJvmAlive(@TempDir Path dir) throws Exception {
        Process jvm = ForkedJvm.builder(List.of("-Xmx256m", "-XX:+UseParallelGC"), ConnectStormMain.class, dir.resolve("data").toString(), "2000")
                .redirectErrorStream(true).start();
        jvm.getOutputStream().close();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jvm.waitFor(2, TimeUnit.MINUTES);

        assertEquals("2000 connects\n", output, "exit status " + jvm.exitValue());
        assertEquals(0, jvm.exitValue());
    }
}
