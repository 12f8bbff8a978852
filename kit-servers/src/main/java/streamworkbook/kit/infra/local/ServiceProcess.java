package streamworkbook.kit.infra.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import streamworkbook.kit.infra.InfraUnavailable;

/**
 * A server running in its own JVM, started from this JVM's classpath: used where a test must kill
 * a server for real ({@code kill -9}) and restart it on the same data, and for chDB, which is kept
 * out of the test JVM so a native crash cannot take the tests down.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    private ServiceProcess(String name, List<String> command, Map<String, String> environment, Path log, int port) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    /** Runs {@code mainClass} with {@code args} in a new JVM; ready when {@code port} accepts connections. */
    public static ServiceProcess java(String name, String mainClass, List<String> args, Path log, int port, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return new ServiceProcess(name, List.copyOf(command), Map.of(), log, port);
    }

    /** The same process with {@code environment} added to the one it is started with. */
    public ServiceProcess withEnvironment(Map<String, String> added) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(added);
        return new ServiceProcess(name, command, Map.copyOf(merged), log, port);
    }

    /**
     * Runs {@code command} (a whole command line, e.g. a JVM with another classpath) with {@code environment} added
     * to this process's; ready when {@code port} accepts connections.
     */
    public static ServiceProcess command(String name, List<String> command, Map<String, String> environment, Path log, int port) {
        return new ServiceProcess(name, List.copyOf(command), Map.copyOf(environment), log, port);
    }

    public synchronized ServiceProcess start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new InfraUnavailable("could not start " + name + " (" + String.join(" ", command.subList(0, 1)) + ")", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!FreePorts.inUse(port)) {
            if (!process.isAlive()) {
                throw new InfraUnavailable(name + " exited with code " + process.exitValue() + " before listening on port "
                        + port + ". Its log, " + log + ", ends with:\n" + tail(log, 15));
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new InfraUnavailable(name + " did not listen on port " + port + " within " + timeout.toSeconds()
                        + " s. Its log, " + log + ", ends with:\n" + tail(log, 15));
            }
            sleep(50);
        }
        return this;
    }

    /** SIGKILL: the process gets no chance to flush or close anything. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
            awaitPortFree();
        }
    }

    /** SIGTERM and wait: the clean way down. Returns the exit code. */
    public synchronized int stop() {
        if (process == null) {
            return 0;
        }
        process.destroy();
        if (!waitFor(Duration.ofSeconds(60))) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        awaitPortFree();
        return process.exitValue();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitPortFree() {
        for (int i = 0; i < 200 && FreePorts.inUse(port); i++) {
            sleep(50);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
