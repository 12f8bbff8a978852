package streamworkbook.week09;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' promtool: {@code check rules}, {@code check config}, {@code test rules}. */
final class Promtool {

    /** What promtool printed and how it ended. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Promtool() {
    }

    static Result checkRules(Path rules) {
        return run("check", "rules", rules.toString());
    }

    static Result checkConfig(Path config, boolean syntaxOnly) {
        return syntaxOnly ? run("check", "config", "--syntax-only", config.toString()) : run("check", "config", config.toString());
    }

    static Result testRules(Path testFile) {
        return run("test", "rules", testFile.toString());
    }

    private static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Binaries.require("promtool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool did not finish in 60 s: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running promtool", e);
        }
    }
}
