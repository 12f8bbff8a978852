package streamworkbook.kit.exercise;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects, per exercise, whether its verification tests passed, are pending or fail, and prints the
 * week's progress line when the module's test run ends. Registered for every module through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public class ProgressReporter implements TestExecutionListener {

    private final Map<String, ExerciseStatus> statuses = new LinkedHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        statuses.clear();
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
    private void record(TestIdentifier id, ExerciseStatus status) {
        Set<String> exercises = new HashSet<>();
        collectExercises(id, exercises);
        for (String exercise : exercises) {
            statuses.merge(exercise, status, ExerciseStatus::combine);
        }
    }

    private void collectExercises(TestIdentifier id, Set<String> into) {
        if (id.isTest()) {
            exerciseOf(id.getSource().orElse(null)).ifPresent(into::add);
            return;
        }
        if (plan != null) {
            for (TestIdentifier child : plan.getChildren(id)) {
                collectExercises(child, into);
            }
        }
    }

    private static Optional<String> exerciseOf(TestSource source) {
        try {
            if (source instanceof MethodSource m) {
                Class<?> type = Class.forName(m.getClassName(), false, Thread.currentThread().getContextClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    if (method.getName().equals(m.getMethodName()) && method.isAnnotationPresent(Exercise.class)) {
                        return Optional.of(method.getAnnotation(Exercise.class).value());
                    }
                }
                return classExercise(type);
            }
            if (source instanceof ClassSource c) {
                return classExercise(c.getJavaClass());
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> classExercise(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            Exercise e = t.getAnnotation(Exercise.class);
            if (e != null) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Optional<WeekManifest> manifest = WeekManifest.current();
        if (manifest.isEmpty()) {
            return;
        }
        WorkbookMode mode = WorkbookMode.current();
        WeekProgress progress = new WeekProgress(manifest.get(), Map.copyOf(statuses), mode);
        try {
            progress.save(WeekProgress.file(Path.of(""), mode));
        } catch (IOException e) {
            System.err.println("could not save the exercise progress: " + e);
        }
        PrintStream out = System.out;
        String rule = "─".repeat(72);
        out.println(rule);
        out.println(progress.summaryLine());
        out.println(rule);
    }
}
