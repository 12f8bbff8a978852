package streamworkbook.kit.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What a week module teaches: its number, title and exercises, read from the module's
 * {@code src/main/resources/workbook/<module>.properties}:
 *
 * <pre>
 * week=1
 * title=Kafka
 * exercise.1.1=Create the shop topics
 * exercise.1.2=Publish events as JSON
 * </pre>
 *
 * Each exercise's README heading is {@code ### 1.2 Publish events as JSON}, so its link can be derived.
 */
public record WeekManifest(String module, int week, String title, List<ExerciseInfo> exercises) {

    /** One exercise: {@code id} such as "1.2" and its title. */
    public record ExerciseInfo(String id, String title) {

        /** The GitHub anchor of the README heading {@code ### <id> <title>}. */
        public String anchor() {
            String heading = (id + " " + title).toLowerCase(Locale.ROOT);
            StringBuilder slug = new StringBuilder();
            for (int i = 0; i < heading.length(); i++) {
                char c = heading.charAt(i);
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                    slug.append(c);
                } else if (c == ' ') {
                    slug.append('-');
                }
            }
            return slug.toString();
        }
    }

    public static String resourceName(String module) {
        return "workbook/" + module + ".properties";
    }

    /** The manifest of the module under test (surefire sets {@code workbook.module}), if it has one. */
    public static Optional<WeekManifest> current() {
        String module = System.getProperty("workbook.module");
        if (module == null) {
            return Optional.empty();
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resourceName(module))) {
            return in == null ? Optional.empty() : Optional.of(read(module, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WeekManifest read(String module, InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<ExerciseInfo> exercises = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("exercise.")) {
                exercises.add(new ExerciseInfo(key.substring("exercise.".length()), p.getProperty(key).trim()));
            }
        }
        exercises.sort(Comparator.comparing(ExerciseInfo::id, WeekManifest::compareIds));
        return new WeekManifest(module, Integer.parseInt(p.getProperty("week", "0").trim()),
                p.getProperty("title", module).trim(), List.copyOf(exercises));
    }

    public Optional<ExerciseInfo> exercise(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** A link a learner can follow, relative to the repository root. */
    public String readmeLink(String exerciseId) {
        return module + "/README.md" + exercise(exerciseId).map(e -> "#" + e.anchor()).orElse("");
    }

    /** Orders "1.2" before "1.10". */
    static int compareIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compareNumberish(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int compareNumberish(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
