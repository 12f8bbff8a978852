package streamworkbook.chdb.protocol;

import java.io.IOException;
import java.io.InputStream;

import static streamworkbook.chdb.protocol.CompressedBlocks.CHECKSUM_BYTES;
import static streamworkbook.chdb.protocol.CompressedBlocks.DECOMPRESSOR;
import static streamworkbook.chdb.protocol.CompressedBlocks.HEADER_BYTES;
import static streamworkbook.chdb.protocol.CompressedBlocks.MAX_BLOCK_BYTES;
import static streamworkbook.chdb.protocol.CompressedBlocks.METHOD_LZ4;
import static streamworkbook.chdb.protocol.CompressedBlocks.METHOD_NONE;

/**
 * Reads ClickHouse compressed blocks — a request body sent with {@code decompress=1}.
 * Every block's checksum is verified, as ClickHouse does by default.
 */
public final class CompressedInputStream extends InputStream {

    private final InputStream in;
    private final byte[] head = new byte[CHECKSUM_BYTES + HEADER_BYTES];
    private byte[] compressed = new byte[0];
    private byte[] block = new byte[0];
    private int position;
    private int limit;

    public CompressedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !nextBlock()) {
            return -1;
        }
        return block[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == limit && !nextBlock()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(block, position, b, off, n);
        position += n;
        return n;
    }

    /** Decodes the next block; false at a clean end of stream (between blocks). */
    private boolean nextBlock() throws IOException {
        do {
            int got = in.readNBytes(head, 0, head.length);
            if (got == 0) {
                return false;
            }
            if (got < head.length) {
                throw ClickHouseException.of(ErrorCodes.CANNOT_DECOMPRESS,
                        "Cannot decompress: the request body ends inside a compressed block header");
            }
            int method = head[CHECKSUM_BYTES] & 0xff;
            long compressedSize = CompressedBlocks.readIntLE(head, CHECKSUM_BYTES + 1) & 0xffffffffL;
            long uncompressedSize = CompressedBlocks.readIntLE(head, CHECKSUM_BYTES + 5) & 0xffffffffL;
            if (compressedSize < HEADER_BYTES || compressedSize > MAX_BLOCK_BYTES || uncompressedSize > MAX_BLOCK_BYTES) {
                throw ClickHouseException.of(ErrorCodes.TOO_LARGE_SIZE_COMPRESSED,
                        "Too large size_compressed_without_checksum: " + compressedSize
                                + ". Most likely corrupted data");
            }
            int payload = (int) compressedSize - HEADER_BYTES;
            int frameLength = (int) compressedSize;
            if (compressed.length < frameLength) {
                compressed = new byte[frameLength];
            }
            System.arraycopy(head, CHECKSUM_BYTES, compressed, 0, HEADER_BYTES);
            if (in.readNBytes(compressed, HEADER_BYTES, payload) < payload) {
                throw ClickHouseException.of(ErrorCodes.CANNOT_DECOMPRESS,
                        "Cannot decompress: the request body ends inside a compressed block");
            }
            long[] checksum = CityHash128.hash(compressed, 0, frameLength);
            if (checksum[0] != CompressedBlocks.readLongLE(head, 0) || checksum[1] != CompressedBlocks.readLongLE(head, 8)) {
                throw ClickHouseException.of(ErrorCodes.CHECKSUM_DOESNT_MATCH,
                        "Checksum doesn't match: corrupted data. Reference: " + hex(head, 0) + ". Actual: "
                                + hex(checksum) + ". Size of compressed block: " + frameLength);
            }
            int size = (int) uncompressedSize;
            if (block.length < size) {
                block = new byte[size];
            }
            if (method == METHOD_LZ4) {
                try {
                    DECOMPRESSOR.decompress(compressed, HEADER_BYTES, block, 0, size);
                } catch (RuntimeException e) {
                    throw ClickHouseException.of(ErrorCodes.CANNOT_DECOMPRESS,
                            "Cannot decompress LZ4-encoded data: " + e.getMessage());
                }
            } else if (method == METHOD_NONE) {
                if (payload != size) {
                    throw ClickHouseException.of(ErrorCodes.CANNOT_DECOMPRESS,
                            "Cannot decompress: uncompressed block of " + payload + " bytes claims " + size);
                }
                System.arraycopy(compressed, HEADER_BYTES, block, 0, size);
            } else {
                throw ClickHouseException.of(ErrorCodes.UNKNOWN_COMPRESSION_METHOD,
                        "Unknown compression method: " + String.format("0x%02x", method)
                                + " (this server accepts LZ4 0x82 and NONE 0x02)");
            }
            position = 0;
            limit = size;
        } while (limit == 0);
        return true;
    }

    private static String hex(byte[] b, int pos) {
        return hex(new long[] {CompressedBlocks.readLongLE(b, pos), CompressedBlocks.readLongLE(b, pos + 8)});
    }

    private static String hex(long[] checksum) {
        return String.format("(%016x, %016x)", checksum[1], checksum[0]);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
