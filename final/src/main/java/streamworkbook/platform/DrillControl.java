package streamworkbook.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How {@code ./workbook drill NAME}, a second command, reaches a demo that is running: through files in
 * {@code <workbook home>/run/demo/}. The demo writes its pid there; the command writes {@code drill.request} with the
 * drill's name and follows {@code drill.log}, which the demo writes (besides its own output) and ends with
 * {@value #OVER}. A file, not a port: nothing to secure, and it works the same on Linux and macOS.
 */
final class DrillControl implements AutoCloseable {

    static final String OVER = "DRILL OVER";

    private final Path dir;

    private DrillControl(Path dir) {
        this.dir = dir;
    }

    /** The control directory under {@code workbookHome}, with this process's pid in it; null if there is no home. */
    static DrillControl open(String workbookHome) {
        if (workbookHome == null) {
            return null;
        }
        try {
            Path dir = Files.createDirectories(Path.of(workbookHome, "run", "demo"));
            Files.deleteIfExists(dir.resolve("drill.request"));
            Files.writeString(dir.resolve("demo.pid"), ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            return new DrillControl(dir);
        } catch (IOException e) {
            return null;
        }
    }

    /** The name of a drill asked for since the last call, or null. */
    String takeRequest() {
        Path request = dir.resolve("drill.request");
        try {
            if (!Files.exists(request)) {
                return null;
            }
            String name = Files.readString(request, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(request);
            return name;
        } catch (IOException e) {
            return null;
        }
    }

    /** A stream that writes to {@code out} and to a fresh {@code drill.log}. */
    PrintStream drillOutput(PrintStream out) throws IOException {
        OutputStream log = Files.newOutputStream(dir.resolve("drill.log"), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                log.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                log.write(b, off, len);
                log.flush();
            }

            @Override
            public void close() throws IOException {
                log.close();
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir.resolve("demo.pid"));
            Files.deleteIfExists(dir.resolve("drill.request"));
        } catch (IOException e) {
            // a stale pid file is recognised as stale by the launcher (kill -0)
        }
    }
}
