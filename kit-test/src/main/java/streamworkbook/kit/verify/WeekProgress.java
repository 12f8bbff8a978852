package streamworkbook.kit.verify;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import streamworkbook.kit.exercise.WeekManifest;
import streamworkbook.kit.exercise.WorkbookMode;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/** The status of each exercise of one week, how it is printed, and how it is kept between runs. */
public record WeekProgress(WeekManifest manifest, Map<String, ExerciseStatus> statuses, WorkbookMode mode) {

    /** Where a module's last exercise-mode result is kept for {@code ./workbook progress}. */
    public static Path file(Path moduleDir, WorkbookMode mode) {
        return moduleDir.resolve("target").resolve("workbook-progress-" + mode.name().toLowerCase() + ".properties");
    }

    public ExerciseStatus status(String exerciseId) {
        return statuses.getOrDefault(exerciseId, ExerciseStatus.NOT_RUN);
    }

    public long done() {
        return manifest.exercises().stream().filter(e -> status(e.id()) == ExerciseStatus.DONE).count();
    }

    /** "Week 1 — Kafka: 1/3 done  ✔ 1.1 ○ 1.2 ○ 1.3 — next: 1.2 Publish events as JSON (week01-kafka/README.md#…)" */
    public String summaryLine() {
        String marks = manifest.exercises().stream()
                .map(e -> status(e.id()).symbol() + " " + e.id())
                .collect(Collectors.joining(" "));
        String label = mode == WorkbookMode.SOLUTIONS ? " (reference solutions)" : "";
        return "Week " + manifest.week() + " — " + manifest.title() + label + ": "
                + done() + "/" + manifest.exercises().size() + " done  " + marks + next();
    }

    private String next() {
        return nextExercise()
                .flatMap(manifest::exercise)
                .map(e -> (status(e.id()) == ExerciseStatus.FAILING ? " — fix: " : " — next: ")
                        + e.id() + " " + e.title() + " (" + manifest.readmeLink(e.id()) + ")")
                .orElse(manifest.exercises().isEmpty() ? "" : " — week complete");
    }

    /** The exercise to work on: the first failing one, else the first one not done. */
    public Optional<String> nextExercise() {
        Optional<String> failing = manifest.exercises().stream().map(WeekManifest.ExerciseInfo::id)
                .filter(id -> status(id) == ExerciseStatus.FAILING).findFirst();
        return failing.or(() -> manifest.exercises().stream().map(WeekManifest.ExerciseInfo::id)
                .filter(id -> status(id) != ExerciseStatus.DONE).findFirst());
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Properties p = new Properties();
        statuses.forEach((id, s) -> p.setProperty(id, s.name()));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "exercise statuses of the last run in " + mode.name().toLowerCase() + " mode");
        }
    }

    public static Optional<WeekProgress> load(WeekManifest manifest, Path file, WorkbookMode mode) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, ExerciseStatus> statuses = new LinkedHashMap<>();
        for (String id : p.stringPropertyNames()) {
            statuses.put(id, ExerciseStatus.valueOf(p.getProperty(id)));
        }
        return Optional.of(new WeekProgress(manifest, statuses, mode));
    }
}
