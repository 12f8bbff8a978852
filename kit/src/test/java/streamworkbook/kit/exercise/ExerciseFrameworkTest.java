package streamworkbook.kit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import streamworkbook.kit.exercise.fixtures.BeforeAllPendingFixture;
import streamworkbook.kit.exercise.fixtures.DoneFixture;
import streamworkbook.kit.exercise.fixtures.FailingFixture;
import streamworkbook.kit.exercise.fixtures.PendingFixture;

/**
 * Runs fixture test classes through a real JUnit launcher, as surefire does for a week module, and
 * checks what the learner would see: pending tests skipped with a README link, and the progress line.
 */
class ExerciseFrameworkTest {

    private String savedModule;
    private String savedMode;

    @BeforeEach
    void pretendToBeAWeekModule() {
        savedModule = System.getProperty("workbook.module");
        savedMode = System.getProperty("workbook.mode");
        System.setProperty("workbook.module", "week99-fixture");
        System.setProperty("workbook.mode", "exercises");
    }

    @AfterEach
    void restore() {
        restore("workbook.module", savedModule);
        restore("workbook.mode", savedMode);
    }

    @Test
    void pendingExercisesAreSkippedWithALinkAndFailuresStayFailures() {
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        runFixtures(outcomes);

        assertEquals(new TreeMap<>(Map.of(
                "DoneFixture.passes()", "SUCCESSFUL",
                "DoneFixture.passesToo()", "SUCCESSFUL",
                "PendingFixture.alreadyPasses()", "SUCCESSFUL",
                "PendingFixture.pendingStub()", "ABORTED: exercise 99.2 pending — see week99-fixture/README.md#992-second-thing",
                "PendingFixture.pendingDeepInACauseChain()", "ABORTED: exercise 99.10 pending — see week99-fixture/README.md#9910-tenth-thing",
                "FailingFixture.wrongAnswer()", "FAILED: the learner's answer is off by one ==> expected: <42> but was: <41>",
                "BeforeAllPendingFixture", "ABORTED: exercise 99.4 pending — see week99-fixture/README.md#994-fourth-thing-with-punctuation")),
                new TreeMap<>(outcomes));
    }

    @Test
    void progressLineAndSavedStatusesSayWhichExerciseIsNext() throws IOException {
        String printed = runFixtures(new ConcurrentHashMap<>());

        String expectedLine = "Week 99 — Fixture week: 1/5 done  ✔ 99.1 ○ 99.2 ✘ 99.3 ○ 99.4 ○ 99.10"
                + " — fix: 99.3 Third thing (week99-fixture/README.md#993-third-thing)";
        List<String> lines = printed.lines().toList();
        assertEquals(expectedLine, lines.get(1), "printed:\n" + printed);

        WeekManifest manifest = WeekManifest.current().orElseThrow();
        WeekProgress saved = WeekProgress.load(manifest, WeekProgress.file(Path.of(""), WorkbookMode.EXERCISES),
                WorkbookMode.EXERCISES).orElseThrow();
        assertEquals(Map.of("99.1", ExerciseStatus.DONE, "99.2", ExerciseStatus.PENDING, "99.3", ExerciseStatus.FAILING,
                "99.4", ExerciseStatus.PENDING, "99.10", ExerciseStatus.PENDING), saved.statuses());
    }

    @Test
    void manifestOrdersExercisesNumericallyAndDerivesGitHubAnchors() {
        WeekManifest manifest = WeekManifest.current().orElseThrow();
        assertEquals(List.of("99.1", "99.2", "99.3", "99.4", "99.10"),
                manifest.exercises().stream().map(WeekManifest.ExerciseInfo::id).toList());
        assertEquals("week99-fixture/README.md#994-fourth-thing-with-punctuation", manifest.readmeLink("99.4"));
        assertEquals("week99-fixture/README.md", manifest.readmeLink("99.7"));
    }

    @Test
    void findsTheStubExceptionAnywhereInACauseChainOrAmongSuppressed() {
        NotImplementedYet stub = new NotImplementedYet("3.2");
        Exception suppressedCarrier = new IllegalStateException("cleanup failed");
        suppressedCarrier.addSuppressed(new RuntimeException(stub));
        assertSame(stub, NotImplementedYet.findIn(new RuntimeException(new RuntimeException(suppressedCarrier))));
        assertNull(NotImplementedYet.findIn(new RuntimeException("a real bug")));
        assertEquals("3.2", PendingExercises.pendingExerciseOf(PendingExercises.pendingMessage("3.2")));
        assertNull(PendingExercises.pendingExerciseOf("expected: <1> but was: <2>"));
    }

    @Test
    void solutionsModePicksTheReferenceSolution() {
        assertEquals("learner", Exercises.pick(() -> "learner", () -> "solution"));
        System.setProperty("workbook.mode", "solutions");
        assertEquals("solution", Exercises.pick(() -> "learner", () -> "solution"));
    }

    /**
     * Runs the fixtures, filling {@code outcomes}, and returns what the progress reporter printed
     * (captured, so the fixture week's deliberately failing line does not clutter the build log).
     */
    private static String runFixtures(Map<String, String> outcomes) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(DoneFixture.class), selectClass(PendingFixture.class),
                        selectClass(FailingFixture.class), selectClass(BeforeAllPendingFixture.class))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .build();
        Launcher launcher = LauncherFactory.create();
        PrintStream originalOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    boolean classLevelFailure = !id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                            && id.getLegacyReportingName().endsWith("Fixture");
                    if (id.isTest() || classLevelFailure) {
                        String name = id.isTest()
                                ? id.getParentIdObject().map(p -> simpleClassName(p.toString())).orElse("?") + "." + id.getDisplayName()
                                : id.getDisplayName();
                        outcomes.put(name, result.getStatus() + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
                    }
                }
            });
        } finally {
            System.setOut(originalOut);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String simpleClassName(String uniqueId) {
        int start = uniqueId.lastIndexOf('.') + 1;
        return uniqueId.substring(start, uniqueId.indexOf(']', start));
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
