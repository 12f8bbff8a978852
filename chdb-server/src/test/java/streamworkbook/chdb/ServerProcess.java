package streamworkbook.chdb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** {@link ChdbServerMain} in a JVM of its own, started the way the kit starts it. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("chdb-server listening on http://127\\.0\\.0\\.1:(\\d+)\n");

    final Process process;
    final Path workDir;
    final Path stdout;
    final Path stderr;
    private int port = -1;

    private ServerProcess(Process process, Path workDir, Path stdout, Path stderr) {
        this.process = process;
        this.workDir = workDir;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts the server and does not wait for it. */
    static ServerProcess launch(Path workDir, String... args) {
        try {
            Files.createDirectories(workDir);
            Path out = Files.createTempFile(workDir, "stdout-", ".txt");
            Path err = Files.createTempFile(workDir, "stderr-", ".txt");
            Process process = ForkedJvm.builder(List.of("-Xmx256m"), ChdbServerMain.class, args).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new ServerProcess(process, workDir, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server on a free port and waits for its ready line. */
    static ServerProcess start(Path workDir, Path data) {
        ServerProcess server = launch(workDir, "--port", "0", "--path", data.toString());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!server.process.isAlive()) {
                throw new IllegalStateException("server exited with " + server.process.exitValue() + ": "
                        + Files.readString(server.stderr));
            }
            Matcher m = READY.matcher(Files.readString(server.stdout));
            if (m.find()) {
                server.port = Integer.parseInt(m.group(1));
                return true;
            }
            return false;
        });
        return server;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:clickhouse://127.0.0.1:" + port + "/default";
    }

    String stdoutText() throws IOException {
        return Files.readString(stdout);
    }

    String stderrText() throws IOException {
        return Files.readString(stderr);
    }

    int waitForExit() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not exit");
        }
        return process.exitValue();
    }

    /** Files a crashing JVM or ClickHouse leaves in the working directory. */
    List<String> crashFiles() {
        String[] names = workDir.toFile().list((File dir, String name) -> name.startsWith("hs_err")
                || name.startsWith("core") || name.startsWith("replay_pid"));
        return names == null ? List.of() : List.of(names);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
