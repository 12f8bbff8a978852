package streamworkbook.chdb.engine;

/** chDB cannot be found, fetched, loaded or started; the message says what to install or set. */
public final class ChdbUnavailableException extends RuntimeException {

    public ChdbUnavailableException(String message) {
        super(message);
    }

    public ChdbUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
