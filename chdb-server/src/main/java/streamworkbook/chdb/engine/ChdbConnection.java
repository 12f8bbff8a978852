package streamworkbook.chdb.engine;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One chDB connection: a ClickHouse session (current database, settings) inside the engine.
 *
 * <p>Each connection is a session of its own inside the engine: {@code SET}, {@code USE},
 * {@code SET param_x} and temporary tables stay with it until it is closed. A connection runs one
 * statement at a time (chDB locks it per call); several connections on the same data directory run
 * in parallel. Instances are not shared between threads by this module: each is handed to one
 * request at a time.
 */
public final class ChdbConnection implements AutoCloseable {

    private final ChdbNative chdb;
    /** What chdb_connect returned ({@code chdb_connection *}): needed to close. */
    private Pointer handle;
    /** {@code *handle}: the {@code chdb_connection} every query takes. */
    private final Pointer connection;

    ChdbConnection(ChdbNative chdb, Pointer handle) {
        this.chdb = chdb;
        this.handle = handle;
        this.connection = handle.getPointer(0);
    }

    /** Runs one statement; {@code format} is the output format used when the SQL has no FORMAT clause. */
    public ChdbResult query(String sql, String format) {
        return query(sql.getBytes(StandardCharsets.UTF_8), format, Map.of());
    }

    /**
     * Runs one statement with {@code {name:Type}} parameters bound by the engine.
     * Values are text in ClickHouse's escaped (TabSeparated) form, as in {@code param_<name>} URL parameters.
     */
    public ChdbResult query(byte[] sql, String format, Map<String, String> parameters) {
        return new ChdbResult(chdb, start(sql, format, parameters, false));
    }

    /**
     * Starts a statement whose output is fetched part by part ({@link ChdbStream#next()}), so a large
     * result never sits whole in memory. Only statements that return rows can stream; the engine
     * refuses others with Code 36 before running them. The connection runs nothing else until the
     * stream is closed.
     */
    public ChdbStream stream(byte[] sql, String format, Map<String, String> parameters) {
        Pointer handle = start(sql, format, parameters, true);
        if (handle == null) {
            throw new IllegalStateException("chDB returned no stream object (out of memory?)");
        }
        return new ChdbStream(chdb, connection, handle);
    }

    private Pointer start(byte[] sql, String format, Map<String, String> parameters, boolean streaming) {
        Pointer conn = live();
        byte[] fmt = format.getBytes(StandardCharsets.US_ASCII);
        if (parameters.isEmpty()) {
            return streaming ? chdb.chdb_stream_query_n(conn, sql, sql.length, fmt, fmt.length)
                    : chdb.chdb_query_n(conn, sql, sql.length, fmt, fmt.length);
        }
        NativeStrings names = new NativeStrings(parameters.keySet().toArray(String[]::new));
        NativeStrings values = new NativeStrings(parameters.values().toArray(String[]::new));
        try {
            return streaming
                    ? chdb.chdb_stream_query_with_params_n(conn, sql, sql.length, fmt, fmt.length,
                    names.pointers, names.lengths, values.pointers, values.lengths, parameters.size())
                    : chdb.chdb_query_with_params_n(conn, sql, sql.length, fmt, fmt.length,
                    names.pointers, names.lengths, values.pointers, values.lengths, parameters.size());
        } finally {
            // the strings are only referenced by address from native memory: keep them alive through the call
            Reference.reachabilityFence(names);
            Reference.reachabilityFence(values);
        }
    }

    private Pointer live() {
        if (handle == null) {
            throw new IllegalStateException("chDB connection is closed");
        }
        return connection;
    }

    @Override
    public void close() {
        if (handle != null) {
            chdb.chdb_close_conn(handle);
            handle = null;
        }
    }

    /** An array of UTF-8 byte strings plus their lengths, laid out as {@code char**} and {@code size_t*}. */
    private static final class NativeStrings {
        final Memory pointers;
        final Memory lengths;
        /** The strings themselves, owned here so they live as long as this object. */
        final Memory[] strings;

        NativeStrings(String[] texts) {
            pointers = new Memory((long) Native.POINTER_SIZE * texts.length);
            lengths = new Memory(8L * texts.length);
            strings = new Memory[texts.length];
            for (int i = 0; i < texts.length; i++) {
                byte[] bytes = texts[i].getBytes(StandardCharsets.UTF_8);
                strings[i] = new Memory(Math.max(1, bytes.length + 1));
                strings[i].write(0, bytes, 0, bytes.length);
                strings[i].setByte(bytes.length, (byte) 0);
                pointers.setPointer((long) Native.POINTER_SIZE * i, strings[i]);
                lengths.setLong(8L * i, bytes.length);
            }
        }
    }
}
