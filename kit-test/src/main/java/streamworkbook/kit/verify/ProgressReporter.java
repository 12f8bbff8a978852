package streamworkbook.kit.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import streamworkbook.kit.exercise.WeekManifest;
import streamworkbook.kit.exercise.WorkbookMode;

/**
 * Collects, per exercise, whether its verification tests passed, are pending or fail, and prints the
 * week's progress line once, when the module's test run ends. Registered for every module through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 *
 * <p>A test that runs an earlier exercise of the learner's too ({@link Exercise#needs()}) and fails while
 * that earlier exercise is pending or failing counts as pending for its own exercise: the learner fixes
 * the earlier one first. The result is merged into the module's saved progress, so a run of one
 * exercise ({@code ./workbook verify week01 1.2}) keeps what earlier runs found for the others.
 * {@code -Dworkbook.progress.print=false} saves without printing (the launcher prints the line itself).
 */
public class ProgressReporter implements TestExecutionListener {

    /** One finished test (or a container whose failure stands for all the tests below it). */
    private record Outcome(String exercise, List<String> needs, ExerciseStatus status) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        outcomes.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        // a disabled test says nothing about the learner's progress, unless it is a pending exercise
        if (PendingExercises.pendingExerciseOf(reason) != null) {
            record(id, ExerciseStatus.PENDING);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        boolean pending = result.getThrowable()
                .map(t -> PendingExercises.pendingExerciseOf(t.getMessage()) != null)
                .orElse(false);
        ExerciseStatus status = switch (result.getStatus()) {
            case SUCCESSFUL -> ExerciseStatus.DONE;
            case ABORTED -> pending ? ExerciseStatus.PENDING : null;
            case FAILED -> ExerciseStatus.FAILING;
        };
        if (status == null || (!id.isTest() && status == ExerciseStatus.DONE)) {
            return;
        }
        record(id, status);
    }

    /** A container's outcome applies to every test below it (a failing @BeforeAll fails them all). */
    private synchronized void record(TestIdentifier id, ExerciseStatus status) {
        if (id.isTest()) {
            TestExercises.exerciseOf(id.getSource().orElse(null)).ifPresent(e ->
                    outcomes.add(new Outcome(e.value(), List.of(e.needs()), status)));
        } else if (plan != null) {
            plan.getChildren(id).forEach(child -> record(child, status));
        }
    }

    /**
     * The status of each exercise that ran. A failure of a test that needs an earlier exercise counts as
     * pending while that exercise is not done (in this run, or else in the last saved one).
     */
    synchronized Map<String, ExerciseStatus> statuses(Map<String, ExerciseStatus> saved) {
        Map<String, ExerciseStatus> plain = new HashMap<>();
        for (Outcome o : outcomes) {
            plain.merge(o.exercise(), o.status(), ExerciseStatus::combine);
        }
        Map<String, ExerciseStatus> statuses = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            ExerciseStatus status = o.status();
            if (status == ExerciseStatus.FAILING && o.needs().stream().anyMatch(n ->
                    plain.getOrDefault(n, saved.getOrDefault(n, ExerciseStatus.NOT_RUN)) != ExerciseStatus.DONE)) {
                status = ExerciseStatus.PENDING;
            }
            statuses.merge(o.exercise(), status, ExerciseStatus::combine);
        }
        return statuses;
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Optional<WeekManifest> manifest = WeekManifest.current();
        if (manifest.isEmpty()) {
            return;
        }
        WorkbookMode mode = WorkbookMode.current();
        Path file = WeekProgress.file(Path.of(""), mode);
        WeekProgress progress;
        try {
            Map<String, ExerciseStatus> saved = WeekProgress.load(manifest.get(), file, mode)
                    .map(WeekProgress::statuses).orElse(Map.of());
            Map<String, ExerciseStatus> merged = new LinkedHashMap<>(saved);
            merged.putAll(statuses(saved));
            progress = new WeekProgress(manifest.get(), Map.copyOf(merged), mode);
            progress.save(file);
        } catch (IOException e) {
            System.err.println("could not save the exercise progress: " + e);
            return;
        }
        if (!"false".equals(System.getProperty("workbook.progress.print"))) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            String rule = "─".repeat(72);
            out.println(rule);
            out.println(progress.summaryLine());
            out.println(rule);
        }
    }
}
