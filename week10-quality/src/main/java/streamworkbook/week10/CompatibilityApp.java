package streamworkbook.week10;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.shop.ShopJson;

/**
 * Checks whether a new version of a contract may replace the old one (exercise 10.3), as a schema registry would
 * before accepting it.
 *
 * <pre>
 * ./workbook run week10 CompatibilityApp contracts/purchase.schema.json contracts/v2/purchase.schema.json --mode full
 * </pre>
 */
@Command(name = "CompatibilityApp", mixinStandardHelpOptions = true,
        description = "Is NEW compatible with OLD? Exit status 0 if it is, 1 if not (each problem names its field).")
public class CompatibilityApp implements Callable<Integer> {

    @Parameters(index = "0", description = "the old schema: a file, or a resource on the classpath (contracts/purchase.schema.json)")
    String older;

    @Parameters(index = "1", description = "the new schema: a file or a classpath resource (contracts/v2/purchase.schema.json)")
    String newer;

    @Option(names = "--mode", defaultValue = "BACKWARD", description = "BACKWARD, FORWARD or FULL (default: ${DEFAULT-VALUE})")
    Compatibility.Mode mode;

    public static void main(String[] args) {
        Programs.main(new CompatibilityApp(), "week10-quality", args);
    }

    @Override
    public Integer call() throws IOException {
        Compatibility check = Exercises.pick(streamworkbook.week10.exercises.SchemaCompatibility::new,
                streamworkbook.week10.solutions.SchemaCompatibility::new);
        List<Compatibility.Incompatibility> problems = check.check(read(older), read(newer), mode);
        if (problems.isEmpty()) {
            System.out.printf("%s → %s: compatible (%s)%n", older, newer, mode);
            return 0;
        }
        System.out.printf("%s → %s: NOT compatible (%s), %d problem(s):%n", older, newer, mode, problems.size());
        problems.forEach(p -> System.out.printf("  %-8s %-16s %s%n", p.direction(), p.field(), p.reason()));
        return 1;
    }

    /** A schema from a file, or else from the classpath (the contracts of weeks 7 and 10 are there). */
    static JsonNode read(String location) throws IOException {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return ShopJson.mapper().readTree(file.toFile());
        }
        try (InputStream in = CompatibilityApp.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IOException("no file and no classpath resource " + location);
            }
            return ShopJson.mapper().readTree(in);
        }
    }
}
