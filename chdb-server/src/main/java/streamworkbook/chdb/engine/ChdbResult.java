package streamworkbook.chdb.engine;

import com.sun.jna.Pointer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One query's result, still in chDB's native memory until {@link #close()}.
 *
 * <p>The output bytes are copied out in slices ({@link #writeTo}) rather than as one Java array,
 * so a large result never needs a second full-size copy on the Java heap.
 */
public final class ChdbResult implements AutoCloseable {

    private static final int COPY_SLICE = 1 << 20;

    private final ChdbNative chdb;
    private Pointer handle;
    private final String error;
    private final long length;

    ChdbResult(ChdbNative chdb, Pointer handle) {
        if (handle == null) {
            throw new IllegalStateException("chDB returned no result object (out of memory?)");
        }
        this.chdb = chdb;
        this.handle = handle;
        this.error = errorOf(chdb, handle);
        this.length = error == null ? chdb.chdb_result_length(handle) : 0;
    }

    static String errorOf(ChdbNative chdb, Pointer handle) {
        Pointer message = chdb.chdb_result_error(handle);
        return message == null ? null : message.getString(0, StandardCharsets.UTF_8.name());
    }

    /** The engine's error text ({@code Code: N. DB::Exception: …}), or null on success. */
    public String error() {
        return error;
    }

    public boolean failed() {
        return error != null;
    }

    /** Length of the formatted output in bytes. */
    public long length() {
        return length;
    }

    public long resultRows() {
        return chdb.chdb_result_rows_read(live());
    }

    public long resultBytes() {
        return chdb.chdb_result_bytes_read(live());
    }

    public long readRows() {
        return chdb.chdb_result_storage_rows_read(live());
    }

    public long readBytes() {
        return chdb.chdb_result_storage_bytes_read(live());
    }

    public long writtenRows() {
        return chdb.chdb_result_rows_written(live());
    }

    public long writtenBytes() {
        return chdb.chdb_result_bytes_written(live());
    }

    /** Copies the whole output to {@code out}, one slice at a time. */
    public void writeTo(OutputStream out) throws IOException {
        writeTo(out, 0);
    }

    /** Copies the output from byte {@code from} on to {@code out}, one slice at a time. */
    public void writeTo(OutputStream out, long from) throws IOException {
        writeTo(out, from, null);
    }

    /**
     * Copies the output from byte {@code from} on to {@code out} through {@code slice} (null: a new
     * one). A stream passes the same slice for all its parts: hundreds of 1 MiB garbage arrays per
     * large result would make the JVM grow its heap instead of collecting them.
     */
    public void writeTo(OutputStream out, long from, byte[] slice) throws IOException {
        if (from >= length) {
            return;
        }
        Pointer buffer = chdb.chdb_result_buffer(live());
        if (slice == null) {
            slice = new byte[(int) Math.min(COPY_SLICE, length - from)];
        }
        for (long offset = from; offset < length; ) {
            int n = (int) Math.min(slice.length, length - offset);
            buffer.read(offset, slice, 0, n);
            out.write(slice, 0, n);
            offset += n;
        }
    }

    /** {@code count} bytes of the output from {@code offset} (count within the output). */
    public byte[] bytes(long offset, int count) {
        if (offset < 0 || count < 0 || offset + count > length) {
            throw new IndexOutOfBoundsException(offset + "+" + count + " of " + length);
        }
        return count == 0 ? new byte[0] : chdb.chdb_result_buffer(live()).getByteArray(offset, count);
    }

    /** The output as a string (for small results: metadata queries, tests). */
    public String text() {
        if (length == 0) {
            return "";
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("result of " + length + " bytes does not fit a Java string");
        }
        byte[] bytes = chdb.chdb_result_buffer(live()).getByteArray(0, (int) length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Pointer live() {
        if (handle == null) {
            throw new IllegalStateException("result already closed");
        }
        return handle;
    }

    @Override
    public void close() {
        if (handle != null) {
            chdb.chdb_destroy_query_result(handle);
            handle = null;
        }
    }
}
