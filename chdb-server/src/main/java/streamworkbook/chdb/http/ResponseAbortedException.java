package streamworkbook.chdb.http;

import java.io.IOException;

/**
 * Thrown out of the HTTP handler to break a response off after a mid-stream error: the JDK
 * server then closes the connection without the final chunk, and the client sees the transfer
 * fail. The error itself was already written into the body.
 */
final class ResponseAbortedException extends IOException {

    ResponseAbortedException(String error) {
        super("response broken off after a mid-stream error: " + error);
    }

    /** Control flow, not a fault: no stack trace to collect. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
