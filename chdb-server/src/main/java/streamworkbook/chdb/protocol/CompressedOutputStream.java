package streamworkbook.chdb.protocol;

import java.io.IOException;
import java.io.OutputStream;

import static streamworkbook.chdb.protocol.CompressedBlocks.BLOCK_BYTES;
import static streamworkbook.chdb.protocol.CompressedBlocks.CHECKSUM_BYTES;
import static streamworkbook.chdb.protocol.CompressedBlocks.COMPRESSOR;
import static streamworkbook.chdb.protocol.CompressedBlocks.HEADER_BYTES;
import static streamworkbook.chdb.protocol.CompressedBlocks.METHOD_LZ4;

/**
 * Writes ClickHouse compressed blocks (LZ4) — what a server sends for {@code compress=1}.
 * Data is cut into blocks of up to 1 MiB, as ClickHouse does.
 */
public final class CompressedOutputStream extends OutputStream {

    private final OutputStream out;
    private final byte[] block;
    private final byte[] frame;
    private int filled;
    private boolean closed;

    public CompressedOutputStream(OutputStream out) {
        this(out, BLOCK_BYTES);
    }

    /**
     * @param expectedBytes how much will be written, if known: buffers are sized for it (up to one
     *                      block) so a small response does not allocate two megabytes
     */
    public CompressedOutputStream(OutputStream out, long expectedBytes) {
        this.out = out;
        int blockSize = (int) Math.max(64, Math.min(BLOCK_BYTES, expectedBytes));
        this.block = new byte[blockSize];
        this.frame = new byte[CHECKSUM_BYTES + HEADER_BYTES + COMPRESSOR.maxCompressedLength(blockSize)];
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == block.length) {
            writeBlock();
        }
        block[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == block.length) {
                writeBlock();
            }
            int n = Math.min(len, block.length - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Emits the pending block (a compressed block never spans a flush, like ClickHouse's). */
    @Override
    public void flush() throws IOException {
        if (filled > 0) {
            writeBlock();
        }
        out.flush();
    }

    private void writeBlock() throws IOException {
        int start = CHECKSUM_BYTES + HEADER_BYTES;
        int compressed = COMPRESSOR.compress(block, 0, filled, frame, start, frame.length - start);
        frame[CHECKSUM_BYTES] = (byte) METHOD_LZ4;
        CompressedBlocks.writeIntLE(frame, CHECKSUM_BYTES + 1, HEADER_BYTES + compressed);
        CompressedBlocks.writeIntLE(frame, CHECKSUM_BYTES + 5, filled);
        long[] checksum = CityHash128.hash(frame, CHECKSUM_BYTES, HEADER_BYTES + compressed);
        CompressedBlocks.writeLongLE(frame, 0, checksum[0]);
        CompressedBlocks.writeLongLE(frame, 8, checksum[1]);
        out.write(frame, 0, start + compressed);
        filled = 0;
    }

    /** Writes the last block and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                if (filled > 0) {
                    writeBlock();
                }
            } finally {
                out.close();
            }
        }
    }
}
