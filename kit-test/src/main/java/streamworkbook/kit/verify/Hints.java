package streamworkbook.kit.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import streamworkbook.kit.exercise.WeekManifest;

/**
 * {@code ./workbook hint 6.4}: an exercise's hints, one level at a time, as rustlings' {@code hint} gives them.
 *
 * <p>The hints live in the week's README only, so a learner reading it sees the same text: under the exercise's
 * heading ({@code ### 6.4 …}), each {@code <details>} block whose summary starts with {@code Hint 1},
 * {@code Hint 2}, … is one level, from the concept and where to read (1), to the API names (2), to nearly the
 * code (3). The levels already shown are remembered in a properties file, so each call shows the next one.
 */
public final class Hints {

    private static final Pattern SUMMARY = Pattern.compile("<summary>\\s*Hint (\\d+)\\b(.*?)</summary>", Pattern.DOTALL);

    /** One level: its number, its title (after "Hint N"), and its text. */
    public record Hint(int level, String title, String text) {
    }

    private Hints() {
    }

    /** The hints of exercise {@code id} in the README's text, in level order. */
    public static List<Hint> parse(String readme, String id) {
        List<Hint> hints = new ArrayList<>();
        String section = section(readme, id);
        int at = 0;
        while (true) {
            int open = section.indexOf("<details>", at);
            if (open < 0) {
                break;
            }
            int close = section.indexOf("</details>", open);
            if (close < 0) {
                break;
            }
            String block = section.substring(open + "<details>".length(), close);
            Matcher summary = SUMMARY.matcher(block);
            if (summary.find() && block.substring(0, summary.start()).isBlank()) {
                String title = summary.group(2).replaceFirst("^\\s*[—:–-]\\s*", "").trim();
                hints.add(new Hint(Integer.parseInt(summary.group(1)), plain(title), plain(block.substring(summary.end()))));
            }
            at = close + "</details>".length();
        }
        hints.sort((a, b) -> Integer.compare(a.level(), b.level()));
        return hints;
    }

    /** From the line {@code ### <id> …} to the next heading of level 2 or 3. */
    static String section(String readme, String id) {
        Matcher heading = Pattern.compile("(?m)^### " + Pattern.quote(id) + " ").matcher(readme);
        if (!heading.find()) {
            return "";
        }
        Matcher next = Pattern.compile("(?m)^#{2,3} ").matcher(readme);
        int end = next.find(heading.end()) ? next.start() : readme.length();
        return readme.substring(heading.start(), end);
    }

    /** HTML a terminal should not show: {@code <code>x</code>} → {@code x}; entities back to characters. */
    static String plain(String text) {
        return text.replaceAll("</?(code|b|i|em|strong)>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .strip();
    }

    /**
     * {@code Hints <repository root> <state file> <id> [--all | <level>]}: prints the next level not shown
     * yet (or all, or the given level) and remembers it.
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length < 3) {
            out.println("usage: ./workbook hint N.k [--all | LEVEL]   e.g. ./workbook hint 6.4");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Path state = Path.of(args[1]);
        String id = args[2];
        String option = args.length > 3 ? args[3] : "";
        int exit = show(root, state, id, option, out);
        System.exit(exit);
    }

    static int show(Path root, Path state, String id, String option, PrintStream out) throws IOException {
        Optional<WeekManifest> week = weekOf(root, id);
        if (week.isEmpty() || week.get().exercise(id).isEmpty()) {
            out.println("There is no exercise " + id + ". Exercises are numbered week.k, such as 1.2 or 6.4: "
                    + "see ./workbook progress.");
            return 1;
        }
        WeekManifest manifest = week.get();
        List<Hint> hints = parse(Files.readString(root.resolve(manifest.module()).resolve("README.md")), id);
        String title = id + " " + manifest.exercise(id).orElseThrow().title();
        if (hints.isEmpty()) {
            out.println("Exercise " + title + " has no hints yet: the steps are in " + manifest.readmeLink(id));
            return 1;
        }
        Properties seen = load(state);
        int shown = Integer.parseInt(seen.getProperty(id, "0"));
        List<Hint> now;
        if (option.equals("--all")) {
            now = hints;
        } else if (option.matches("\\d+")) {
            int level = Integer.parseInt(option);
            now = hints.stream().filter(h -> h.level() == level).toList();
            if (now.isEmpty()) {
                out.println("Exercise " + title + " has hints 1 to " + hints.size() + ".");
                return 1;
            }
        } else {
            now = List.of(hints.stream().filter(h -> h.level() > shown).findFirst().orElse(hints.get(hints.size() - 1)));
        }
        for (Hint h : now) {
            out.println("Hint " + h.level() + " of " + hints.size() + " for " + title
                    + (h.title().isEmpty() ? "" : " — " + h.title()));
            out.println();
            out.println(h.text().indent(2).stripTrailing());
            out.println();
        }
        int highest = Math.max(shown, now.stream().mapToInt(Hint::level).max().orElse(0));
        seen.setProperty(id, String.valueOf(highest));
        save(state, seen);
        if (highest < hints.size()) {
            out.println("Still stuck? `./workbook hint " + id + "` shows hint " + (highest + 1) + ".");
        } else {
            out.println("That was the last hint. The reference solution is in " + manifest.module()
                    + "/src/solution/java — read it after you have tried; `./workbook verify " + manifest.module().substring(0, 6)
                    + " " + id + "` checks yours.");
        }
        return 0;
    }

    static Optional<WeekManifest> weekOf(Path root, String id) throws IOException {
        String week = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
        return ProgressBoard.findWeeks(root).stream().filter(m -> String.valueOf(m.week()).equals(week)).findFirst();
    }

    private static Properties load(Path state) throws IOException {
        Properties p = new Properties();
        if (Files.exists(state)) {
            try (Reader r = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    private static void save(Path state, Properties p) throws IOException {
        Files.createDirectories(state.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(state, StandardCharsets.UTF_8)) {
            p.store(w, "hint levels shown per exercise (./workbook hint)");
        }
    }
}
