package streamworkbook.kit.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import streamworkbook.kit.exercise.WeekManifest;
import streamworkbook.kit.exercise.WorkbookMode;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./workbook progress}: the board of every week, from the results each module's last
 * exercise-mode test run left in its {@code target/} directory.
 */
public final class ProgressBoard {

    private ProgressBoard() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        WorkbookMode mode = options.contains("--solutions") ? WorkbookMode.SOLUTIONS : WorkbookMode.EXERCISES;
        String only = options.stream().filter(o -> o.startsWith("week")).findFirst().orElse(null);
        if (only != null) {
            if (options.contains("--next")) {
                printNext(root, only, mode);
            } else {
                printWeek(root, only, mode);
            }
            return;
        }
        List<WeekManifest> weeks = findWeeks(root);
        if (weeks.isEmpty()) {
            System.out.println("No week modules found under " + root);
            return;
        }
        long done = 0;
        long total = 0;
        String next = null;
        System.out.println(mode == WorkbookMode.SOLUTIONS
                ? "Stream Workbook — the reference solutions (from each week's last run with -Psolutions)"
                : "Stream Workbook — progress (from each week's last `./workbook verify weekNN`)");
        System.out.println();
        for (WeekManifest week : weeks) {
            Path file = WeekProgress.file(root.resolve(week.module()), mode);
            Optional<WeekProgress> progress = WeekProgress.load(week, file, mode);
            WeekProgress shown = progress.orElse(new WeekProgress(week, Map.of(), mode));
            String line = shown.summaryLine();
            System.out.println("  " + (progress.isPresent() ? line : line.replaceFirst(" — next: .*", "")
                    + " — not checked yet: ./workbook verify " + week.module().substring(0, 6)
                    + (mode == WorkbookMode.SOLUTIONS ? " --solutions" : "")));
            done += shown.done();
            total += week.exercises().size();
            if (next == null && shown.done() < week.exercises().size()) {
                next = week.module();
            }
        }
        System.out.println();
        if (mode == WorkbookMode.SOLUTIONS) {
            System.out.println("  " + done + "/" + total + " exercises pass with the reference solutions"
                    + (next == null ? "." : "; not all: see " + next + "."));
        } else {
            System.out.println("  " + done + "/" + total + " exercises done"
                    + (next == null ? " — the workbook is complete." : " — keep going with " + next + "."));
        }
    }

    /** One week's line, as its last run left it (what `./workbook verify weekNN` ends with). */
    private static void printWeek(Path root, String module, WorkbookMode mode) throws IOException {
        for (WeekManifest week : findWeeks(root)) {
            if (week.module().equals(module)) {
                Optional<WeekProgress> progress = WeekProgress.load(week, WeekProgress.file(root.resolve(module), mode), mode);
                System.out.println(progress.map(WeekProgress::summaryLine).orElse(module + ": no result yet"));
            }
        }
    }

    /** The id of the exercise to work on (the first failing, else the first not done), for {@code ./workbook watch}. */
    private static void printNext(Path root, String module, WorkbookMode mode) throws IOException {
        for (WeekManifest week : findWeeks(root)) {
            if (week.module().equals(module)) {
                WeekProgress progress = WeekProgress.load(week, WeekProgress.file(root.resolve(module), mode), mode)
                        .orElse(new WeekProgress(week, Map.of(), mode));
                progress.nextExercise().ifPresent(System.out::println);
            }
        }
    }

    static List<WeekManifest> findWeeks(Path root) throws IOException {
        List<WeekManifest> weeks = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String module = dir.getFileName().toString();
                Path manifest = dir.resolve("src/main/resources").resolve(WeekManifest.resourceName(module));
                if (module.startsWith("week") && Files.exists(manifest)) {
                    try (InputStream in = Files.newInputStream(manifest)) {
                        weeks.add(WeekManifest.read(module, in));
                    }
                }
            }
        }
        return weeks;
    }
}
