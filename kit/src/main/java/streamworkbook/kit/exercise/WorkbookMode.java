package streamworkbook.kit.exercise;

import java.util.Locale;

/**
 * Which implementation the verification tests exercise: the learner's ({@code exercises}, the
 * default) or the reference solutions ({@code -Psolutions}, i.e. {@code -Dworkbook.mode=solutions}).
 */
public enum WorkbookMode {
    EXERCISES,
    SOLUTIONS;

    public static WorkbookMode current() {
        String value = System.getProperty("workbook.mode", System.getenv().getOrDefault("WORKBOOK_MODE", "exercises"));
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "exercises", "exercise", "" -> EXERCISES;
            case "solutions", "solution" -> SOLUTIONS;
            default -> throw new IllegalArgumentException(
                    "workbook.mode='" + value + "' is not a mode: use 'exercises' (default) or 'solutions' (-Psolutions)");
        };
    }
}
