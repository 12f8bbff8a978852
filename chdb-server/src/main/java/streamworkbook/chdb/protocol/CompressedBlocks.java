package streamworkbook.chdb.protocol;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * ClickHouse's native compressed-block framing, shared by the input and output streams.
 *
 * <pre>
 *   16 bytes  CityHash128 v1.0.2 of everything after it (low 64 bits, then high, little-endian)
 *    1 byte   method: 0x82 LZ4, 0x02 none (0x90 ZSTD and others are not supported here)
 *    4 bytes  compressed size, including this 9-byte header (UInt32 LE)
 *    4 bytes  uncompressed size (UInt32 LE)
 *    n bytes  payload
 * </pre>
 */
final class CompressedBlocks {

    static final int CHECKSUM_BYTES = 16;
    static final int HEADER_BYTES = 9;
    static final int METHOD_NONE = 0x02;
    static final int METHOD_LZ4 = 0x82;
    /** What ClickHouse cuts its output into (max_compress_block_size). */
    static final int BLOCK_BYTES = 1 << 20;
    /** ClickHouse refuses blocks above 1 GiB; so does this server. */
    static final int MAX_BLOCK_BYTES = 1 << 30;

    /** The fastest implementation lz4-java can load here (JNI, else unsafe-free Java). */
    static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();
    static final LZ4Compressor COMPRESSOR = LZ4.fastCompressor();
    static final LZ4FastDecompressor DECOMPRESSOR = LZ4.fastDecompressor();

    private CompressedBlocks() {
    }

    static int readIntLE(byte[] b, int pos) {
        return (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | (b[pos + 3] & 0xff) << 24;
    }

    static void writeIntLE(byte[] b, int pos, int v) {
        b[pos] = (byte) v;
        b[pos + 1] = (byte) (v >>> 8);
        b[pos + 2] = (byte) (v >>> 16);
        b[pos + 3] = (byte) (v >>> 24);
    }

    static long readLongLE(byte[] b, int pos) {
        return (readIntLE(b, pos) & 0xffffffffL) | ((long) readIntLE(b, pos + 4)) << 32;
    }

    static void writeLongLE(byte[] b, int pos, long v) {
        writeIntLE(b, pos, (int) v);
        writeIntLE(b, pos + 4, (int) (v >>> 32));
    }
}
