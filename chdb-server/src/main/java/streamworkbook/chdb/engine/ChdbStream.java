package streamworkbook.chdb.engine;

import com.sun.jna.Pointer;

/**
 * A statement whose output is fetched part by part (chDB's streaming query API): each
 * {@link #next()} returns the output of the next block(s) the engine produced, so memory stays
 * bounded by a block, not by the result.
 *
 * <p>An error found before the first part (unknown table, bad syntax …) comes back from the first
 * {@link #next()}; one found later (a {@code throwIf} in row 5 million) from a later one. Closing
 * a stream that has not reached its end cancels the query, which frees the connection.
 */
public final class ChdbStream implements AutoCloseable {

    private final ChdbNative chdb;
    private final Pointer connection;
    private Pointer handle;
    private final String startError;
    private boolean finished;
    private int partsSeen;

    /**
     * What chDB 26.5 answers a fetch after a result that came whole in one part — a header-only
     * format with no rows (JSON, RowBinaryWithNamesAndTypes of an empty result): the stream has
     * already ended, so this is the end, not an error.
     */
    private static final String ENDED = "No active streaming query";

    ChdbStream(ChdbNative chdb, Pointer connection, Pointer handle) {
        this.chdb = chdb;
        this.connection = connection;
        this.handle = handle;
        this.startError = ChdbResult.errorOf(chdb, handle);
        this.finished = startError != null;
    }

    /** The engine's refusal to start (e.g. Code 36 for a statement that cannot stream), or null. */
    public String startError() {
        return startError;
    }

    /**
     * The next part of the output, or null at the end of the stream; the caller closes the part.
     * A part with {@link ChdbResult#failed()} is the query's error, after which the stream is done.
     */
    public ChdbResult next() {
        if (handle == null || finished) {
            throw new IllegalStateException("stream already finished");
        }
        ChdbResult part = new ChdbResult(chdb, chdb.chdb_stream_fetch_result(connection, handle));
        boolean end = part.length() == 0 && (!part.failed() || (partsSeen > 0 && ENDED.equals(part.error())));
        if (end || part.failed()) {
            finished = true;
        }
        if (end) {
            part.close();
            return null;
        }
        partsSeen++;
        return part;
    }

    public boolean finished() {
        return finished;
    }

    @Override
    public void close() {
        if (handle == null) {
            return;
        }
        try {
            if (!finished) {
                chdb.chdb_stream_cancel_query(connection, handle);
            }
        } finally {
            chdb.chdb_destroy_query_result(handle);
            handle = null;
        }
    }
}
