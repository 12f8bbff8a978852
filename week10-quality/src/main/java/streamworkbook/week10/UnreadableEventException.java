package streamworkbook.week10;

/** A record a reader cannot make sense of; {@link #field()} names the field at fault, as a JSON path. */
public class UnreadableEventException extends RuntimeException {

    private final String field;

    public UnreadableEventException(String field, String message) {
        super(message);
        this.field = field;
    }

    public UnreadableEventException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The field at fault: {@code $.order_id}; {@code $} for the whole record. */
    public String field() {
        return field;
    }
}
