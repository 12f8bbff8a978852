package streamworkbook.chdb.engine;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The part of chDB's C API ({@code chdb.h}) this module calls, mapped through JNA.
 *
 * <p>Only the stable, length-based entry points are used: SQL and format names go in as UTF-8
 * bytes with explicit lengths, so neither the platform charset nor JNA's string encoding can
 * alter them. {@code size_t} is mapped to {@code long}: chDB ships 64-bit builds only.
 */
interface ChdbNative extends Library {

    /** {@code chdb_connection *chdb_connect(int argc, char **argv)}; NULL on failure. */
    Pointer chdb_connect(int argc, Pointer argv);

    /** {@code void chdb_close_conn(chdb_connection *conn)} — takes what chdb_connect returned. */
    void chdb_close_conn(Pointer connectionHandle);

    /** {@code chdb_result *chdb_query_n(chdb_connection, const char*, size_t, const char*, size_t)}. */
    Pointer chdb_query_n(Pointer connection, byte[] query, long queryLength, byte[] format, long formatLength);

    /**
     * {@code chdb_query_with_params_n}: binds {@code {name:Type}} placeholders inside the engine,
     * scoped to this one call, exactly like {@code param_<name>} URL parameters on a server.
     */
    Pointer chdb_query_with_params_n(Pointer connection, byte[] query, long queryLength, byte[] format,
                                     long formatLength, Pointer names, Pointer nameLengths, Pointer values,
                                     Pointer valueLengths, long count);

    /**
     * {@code chdb_stream_query_n}: starts a query whose output is then fetched block by block with
     * {@link #chdb_stream_fetch_result}. Only queries that return rows can stream (SELECT, WITH …);
     * anything else is refused with Code 36 before it runs.
     */
    Pointer chdb_stream_query_n(Pointer connection, byte[] query, long queryLength, byte[] format, long formatLength);

    /** {@code chdb_stream_query_with_params_n}: the streaming form of {@link #chdb_query_with_params_n}. */
    Pointer chdb_stream_query_with_params_n(Pointer connection, byte[] query, long queryLength, byte[] format,
                                            long formatLength, Pointer names, Pointer nameLengths, Pointer values,
                                            Pointer valueLengths, long count);

    /** The next formatted part of a streaming query's output; an empty, error-free result marks the end. */
    Pointer chdb_stream_fetch_result(Pointer connection, Pointer stream);

    /** Stops a streaming query before its end (the stream handle is still destroyed by the caller). */
    void chdb_stream_cancel_query(Pointer connection, Pointer stream);

    Pointer chdb_result_buffer(Pointer result);

    long chdb_result_length(Pointer result);

    /** Rows in the result set. */
    long chdb_result_rows_read(Pointer result);

    /** Bytes of the result set in the engine's in-memory representation. */
    long chdb_result_bytes_read(Pointer result);

    /** Rows read from storage (what a server reports as {@code read_rows}). */
    long chdb_result_storage_rows_read(Pointer result);

    long chdb_result_storage_bytes_read(Pointer result);

    /** Rows written, including rows materialized views wrote — like a server's {@code written_rows}. */
    long chdb_result_rows_written(Pointer result);

    long chdb_result_bytes_written(Pointer result);

    /** NUL-terminated error text, or NULL when the query succeeded. */
    Pointer chdb_result_error(Pointer result);

    void chdb_destroy_query_result(Pointer result);

    /** 0 asks chDB not to install process-wide signal handlers (must precede the first connect). */
    void chdb_set_signal_handlers_enabled(int enabled);
}
