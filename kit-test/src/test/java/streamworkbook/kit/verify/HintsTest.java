package streamworkbook.kit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintsTest {

    private static final String README = """
            # Week 99

            ### 99.1 First thing

            Do the first thing.

            <details><summary>Why the first thing?</summary>

            Not a hint: an explanation.
            </details>

            <details><summary>Hint 2 — the API</summary>

            Use <code>Thing.first()</code> &amp; friends.
            </details>

            <details><summary>Hint 1 — the idea</summary>

            Think first.
            </details>

            ### 99.2 Second thing

            <details><summary>Hint 1</summary>

            Not 99.1's.
            </details>

            ## Run it
            """;

    @Test
    void hintsAreTheNumberedDetailsOfTheExercisesSectionInLevelOrder() {
        assertEquals(List.of(
                new Hints.Hint(1, "the idea", "Think first."),
                new Hints.Hint(2, "the API", "Use Thing.first() & friends.")), Hints.parse(README, "99.1"));
        assertEquals(List.of(new Hints.Hint(1, "", "Not 99.1's.")), Hints.parse(README, "99.2"));
        assertEquals(List.of(), Hints.parse(README, "99.3"));
    }

    @Test
    void eachCallShowsTheNextLevelAndRemembersIt(@TempDir Path root) throws IOException {
        Path module = root.resolve("week99-fixture");
        Files.createDirectories(module.resolve("src/main/resources/workbook"));
        Files.writeString(module.resolve("README.md"), README);
        Files.writeString(module.resolve("src/main/resources/workbook/week99-fixture.properties"),
                "week=99\ntitle=Fixture week\nexercise.99.1=First thing\nexercise.99.2=Second thing\n");
        Path state = root.resolve("state/hints.properties");

        String first = show(root, state, "99.1", "");
        assertEquals("""
                Hint 1 of 2 for 99.1 First thing — the idea

                  Think first.

                Still stuck? `./workbook hint 99.1` shows hint 2.
                """, first);
        String second = show(root, state, "99.1", "");
        assertEquals("""
                Hint 2 of 2 for 99.1 First thing — the API

                  Use Thing.first() & friends.

                That was the last hint. The reference solution is in week99-fixture/src/solution/java — read it after \
                you have tried; `./workbook verify week99 99.1` checks yours.
                """, second);
        assertEquals(second, show(root, state, "99.1", ""), "after the last level, the last one again");
        assertEquals(2, show(root, state, "99.1", "--all").split("Hint \\d of 2").length - 1);
        assertEquals("There is no exercise 7.7. Exercises are numbered week.k, such as 1.2 or 6.4: "
                + "see ./workbook progress.\n", show(root, state, "7.7", ""));
    }

    private static String show(Path root, Path state, String id, String option) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hints.show(root, state, id, option, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
