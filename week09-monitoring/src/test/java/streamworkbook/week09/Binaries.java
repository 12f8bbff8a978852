package streamworkbook.week09;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs the tests run that Maven cannot provide: Prometheus and promtool. Absent, a test is skipped on a
 * learner's machine (with how to install them), but fails in CI, which must run every test.
 */
final class Binaries {

    private Binaries() {
    }

    /** The program on the PATH, or: a failure when the environment variable CI is set, a skipped test otherwise. */
    static Path require(String name) {
        Optional<Path> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        String advice = name + " is not on the PATH. It comes with Prometheus: apt-get install prometheus (Debian, "
                + "Ubuntu), brew install prometheus (macOS), or a release from prometheus.io/download";
        if (System.getenv("CI") != null) {
            fail(advice + ". CI must run this test: install it in .ci/run.");
        }
        Assumptions.abort(advice + ". Skipped, since this is not CI.");
        throw new AssertionError("unreachable");
    }

    static Optional<Path> find(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
