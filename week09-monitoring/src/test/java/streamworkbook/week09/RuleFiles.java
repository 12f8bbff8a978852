package streamworkbook.week09;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.NotImplementedYet;

/**
 * The rule files of the week: the learner's (exercises 9.3 and 9.4, {@code src/main/prometheus}), the reference
 * ones ({@code src/solution/prometheus}, with {@code -Psolutions}), the given ones ({@code monitoring/prometheus}),
 * and their promtool unit tests ({@code src/test/prometheus}).
 */
final class RuleFiles {

    static final YAMLMapper YAML = new YAMLMapper();

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path TESTS = MODULE.resolve("src/test/prometheus");
    static final Path GIVEN_ALERTS = MODULE.resolve("monitoring/prometheus/pipeline-alerts.yml");
    static final Path REFERENCE = MODULE.resolve("src/solution/prometheus");

    private RuleFiles() {
    }

    /** The shop's alert rules under test: the learner's file, or the reference one with {@code -Psolutions}. */
    static Path alerts() {
        return underTest("shop-alerts.yml");
    }

    /** The recording rules under test. */
    static Path recordingRules() {
        return underTest("shop-recording-rules.yml");
    }

    private static Path underTest(String name) {
        return MODULE.resolve(Exercises.solutionsMode() ? "src/solution/prometheus" : "src/main/prometheus").resolve(name);
    }

    static JsonNode read(Path yaml) {
        try {
            return YAML.readTree(yaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODULE.relativize(yaml) + " as YAML: " + e.getMessage(), e);
        }
    }

    /** Every rule of every group, in file order. */
    static List<JsonNode> rules(Path file) {
        List<JsonNode> rules = new ArrayList<>();
        JsonNode groups = read(file).path("groups");
        groups.forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** The names of the alerts ({@code alert:}) or recorded series ({@code record:}) of a file. */
    static List<String> names(Path file, String kind) {
        return rules(file).stream().filter(r -> r.has(kind)).map(r -> r.get(kind).asText()).toList();
    }

    /** A stub still as it was handed out (no rules at all) means the exercise is pending, not failing. */
    static void requireWritten(Path file, String exercise) {
        if (rules(file).isEmpty()) {
            throw new NotImplementedYet(exercise);
        }
    }

    /**
     * A copy of the rules without their annotations (free text: the tests check when an alert fires and with which
     * labels, not how it is worded), and a copy of the promtool test file that tests that copy.
     */
    static Path testFileFor(Path testFile, Path rules, Path workDir) {
        try {
            JsonNode tree = read(rules);
            tree.path("groups").forEach(group -> group.path("rules").forEach(rule -> ((ObjectNode) rule).remove("annotations")));
            Path plainRules = workDir.resolve("rules-" + rules.getFileName());
            YAML.writeValue(plainRules.toFile(), tree);
            ObjectNode test = (ObjectNode) read(testFile);
            ArrayNode ruleFiles = test.putArray("rule_files");
            ruleFiles.add(plainRules.toString());
            Path copy = workDir.resolve(testFile.getFileName());
            YAML.writeValue(copy.toFile(), test);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test file as it is, but testing {@code rules} (for tests that compare annotations too). */
    static Path testFileExactly(Path testFile, Path rules, Path workDir) {
        try {
            ObjectNode test = (ObjectNode) read(testFile);
            test.putArray("rule_files").add(rules.toString());
            Path copy = workDir.resolve(testFile.getFileName());
            YAML.writeValue(copy.toFile(), test);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> testFiles() {
        try (var files = Files.list(TESTS)) {
            return files.filter(f -> f.toString().endsWith(".test.yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
