package streamworkbook.kit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.exercise.WeekManifest;
import streamworkbook.kit.exercise.WorkbookMode;
import streamworkbook.kit.verify.fixtures.BeforeAllPendingFixture;
import streamworkbook.kit.verify.fixtures.DoneFixture;
import streamworkbook.kit.verify.fixtures.FailingFixture;
import streamworkbook.kit.verify.fixtures.NeedsFailingFixture;
import streamworkbook.kit.verify.fixtures.NeedsPendingFixture;
import streamworkbook.kit.verify.fixtures.PendingFixture;
import streamworkbook.kit.verify.fixtures.TimeoutFixture;

/**
 * Runs fixture test classes through a real JUnit launcher, as surefire does for a week module, and
 * checks what the learner would see: pending tests skipped with a README link, and the progress line.
 */
class ExerciseFrameworkTest {

    private String savedModule;
    private String savedMode;

    private static final Path SAVED = WeekProgress.file(Path.of(""), WorkbookMode.EXERCISES);

    @BeforeEach
    void pretendToBeAWeekModule() throws IOException {
        savedModule = System.getProperty("workbook.module");
        savedMode = System.getProperty("workbook.mode");
        System.setProperty("workbook.module", "week99-fixture");
        System.setProperty("workbook.mode", "exercises");
        System.setProperty("workbook.progress.print", "true");
        Files.deleteIfExists(SAVED);
        TimeoutFixture.stop = false;
    }

    @AfterEach
    void restore() {
        restore("workbook.module", savedModule);
        restore("workbook.mode", savedMode);
        System.clearProperty("workbook.exercise");
        System.clearProperty("workbook.progress.print");
        TimeoutFixture.stop = true;
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
                "BeforeAllPendingFixture", "ABORTED: exercise 99.4 pending — see week99-fixture/README.md#994-fourth-thing-with-punctuation",
                "NeedsPendingFixture.usesTheEarlierStub()",
                        "ABORTED: exercise 99.5 needs 99.2 first — see week99-fixture/README.md#992-second-thing",
                "NeedsFailingFixture.failsBecauseTheEarlierExerciseIsWrong()",
                        "FAILED: twice the learner's wrong answer ==> expected: <84> but was: <82>",
                "TimeoutFixture.loopsForever()", "FAILED: loopsForever() timed out after 1 second — is your source bounded?")),
                new TreeMap<>(outcomes));
    }

    @Test
    void progressLineAndSavedStatusesSayWhichExerciseIsNext() throws IOException {
        String printed = runFixtures(new ConcurrentHashMap<>());

        // 99.6 failed, but because the 99.3 it needs fails: pending, not failing
        String expectedLine = "Week 99 — Fixture week: 1/8 done  ✔ 99.1 ○ 99.2 ✘ 99.3 ○ 99.4 ○ 99.5 ○ 99.6 ✘ 99.7 ○ 99.10"
                + " — fix: 99.3 Third thing (week99-fixture/README.md#993-third-thing)";
        List<String> lines = printed.lines().toList();
        assertEquals(expectedLine, lines.get(1), "printed:\n" + printed);

        WeekManifest manifest = WeekManifest.current().orElseThrow();
        WeekProgress saved = WeekProgress.load(manifest, WeekProgress.file(Path.of(""), WorkbookMode.EXERCISES),
                WorkbookMode.EXERCISES).orElseThrow();
        assertEquals(Map.of("99.1", ExerciseStatus.DONE, "99.2", ExerciseStatus.PENDING, "99.3", ExerciseStatus.FAILING,
                "99.4", ExerciseStatus.PENDING, "99.5", ExerciseStatus.PENDING, "99.6", ExerciseStatus.PENDING,
                "99.7", ExerciseStatus.FAILING, "99.10", ExerciseStatus.PENDING), saved.statuses());
    }

    @Test
    void oneExerciseRunsAloneAndTheOthersKeepTheirSavedStatus() throws IOException {
        runFixtures(new ConcurrentHashMap<>());
        System.setProperty("workbook.exercise", "99.1");
        System.setProperty("workbook.progress.print", "false");
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        String printed = runFixtures(outcomes);

        assertEquals(Map.of("DoneFixture.passes()", "SUCCESSFUL", "DoneFixture.passesToo()", "SUCCESSFUL"), outcomes);
        assertEquals("", printed, "nothing printed with workbook.progress.print=false");
        WeekProgress saved = WeekProgress.load(WeekManifest.current().orElseThrow(), SAVED, WorkbookMode.EXERCISES).orElseThrow();
        assertEquals(ExerciseStatus.FAILING, saved.status("99.3"), "kept from the earlier run");
        assertEquals(ExerciseStatus.DONE, saved.status("99.1"));
    }

    @Test
    void manifestOrdersExercisesNumericallyAndDerivesGitHubAnchors() {
        WeekManifest manifest = WeekManifest.current().orElseThrow();
        assertEquals(List.of("99.1", "99.2", "99.3", "99.4", "99.5", "99.6", "99.7", "99.10"),
                manifest.exercises().stream().map(WeekManifest.ExerciseInfo::id).toList());
        assertEquals("week99-fixture/README.md#994-fourth-thing-with-punctuation", manifest.readmeLink("99.4"));
        assertEquals("week99-fixture/README.md", manifest.readmeLink("99.8"));
    }

    @Test
    void findsTheStubExceptionAnywhereInACauseChainOrAmongSuppressed() {
        NotImplementedYet stub = new NotImplementedYet("3.2");
        Exception suppressedCarrier = new IllegalStateException("cleanup failed");
        suppressedCarrier.addSuppressed(new RuntimeException(stub));
        assertSame(stub, NotImplementedYet.findIn(new RuntimeException(new RuntimeException(suppressedCarrier))));
        assertNull(NotImplementedYet.findIn(new RuntimeException("a real bug")));
        assertEquals("3.2", PendingExercises.pendingExerciseOf(PendingExercises.pendingMessage("3.2")));
        assertEquals("3.3", PendingExercises.pendingExerciseOf(PendingExercises.pendingMessage("3.3", "3.2")));
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
                        selectClass(FailingFixture.class), selectClass(BeforeAllPendingFixture.class),
                        selectClass(NeedsPendingFixture.class), selectClass(NeedsFailingFixture.class),
                        selectClass(TimeoutFixture.class))
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
