package streamworkbook.kit.shop;

/** A record that is not a valid shop event; the message names the problem and quotes the input. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
