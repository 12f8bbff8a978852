package streamworkbook.kit.verify;

/** Where one exercise stands after a test run. Later constants win when tests of one exercise disagree. */
public enum ExerciseStatus {
    NOT_RUN("·"),
    DONE("✔"),
    PENDING("○"),
    FAILING("✘");

    private final String symbol;

    ExerciseStatus(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public ExerciseStatus combine(ExerciseStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
