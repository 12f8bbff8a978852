package streamworkbook.kit.infra;

/** A provider could not start or reach a service; the message says why and what to do. */
public class InfraUnavailable extends RuntimeException {

    public InfraUnavailable(String message) {
        super(message);
    }

    public InfraUnavailable(String message, Throwable cause) {
        super(message + (cause == null ? "" : " (cause: " + cause + ")"), cause);
    }
}
