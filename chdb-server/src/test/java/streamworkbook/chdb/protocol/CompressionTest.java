package streamworkbook.chdb.protocol;

import com.clickhouse.data.ClickHouseCityHash;
import org.junit.jupiter.api.Test;
import streamworkbook.chdb.ChdbServer;
import streamworkbook.chdb.TestServer;
import streamworkbook.chdb.engine.ChdbConnection;
import streamworkbook.chdb.engine.ChdbEngine;
import streamworkbook.chdb.engine.ChdbResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CityHash128 v1.0.2 and ClickHouse's compressed-block framing, checked against independent producers. */
@SuppressWarnings("deprecation") // the driver's ClickHouseCityHash is the independent reference
class CompressionTest {

    @Test
    void cityHash128MatchesTheDriversImplementationForEveryLengthUpTo2000() {
        Random random = new Random(20260101);
        for (int length = 0; length <= 2000; length++) {
            byte[] data = new byte[length + 7];
            random.nextBytes(data);
            assertArrayEquals(ClickHouseCityHash.cityHash128(data, 3, length), CityHash128.hash(data, 3, length),
                    "length " + length);
        }
    }

    /**
     * MergeTree {@code .bin} files are sequences of the same compressed blocks, written by ClickHouse
     * itself: decoding them checks both the CityHash (every block's checksum is verified) and the
     * framing, for LZ4 (0x82) and uncompressed (0x02) blocks.
     */
    @Test
    void decodesBlocksClickHouseWroteIntoMergeTreeParts() throws Exception {
        ChdbServer server = TestServer.get();
        String db = TestServer.newDatabase("compression");
        int rows = 300_000;
        try (ChdbEngine engine = ChdbEngine.open(server.dataPath())) {
            ChdbConnection c = engine.connect();
            try {
                run(c, "CREATE TABLE " + db + ".bin (lz UInt64, raw UInt64 CODEC(NONE)) ENGINE = MergeTree"
                        + " ORDER BY tuple() SETTINGS min_bytes_for_wide_part = 0, min_rows_for_wide_part = 0");
                run(c, "INSERT INTO " + db + ".bin SELECT number, number * 3 FROM numbers(" + rows + ")");
                Path part = Path.of(run(c, "SELECT path FROM system.parts WHERE database = '" + db
                        + "' AND table = 'bin' AND active").strip());
                if (!part.isAbsolute()) {
                    part = server.dataPath().resolve(part);
                }
                byte[] lz = Files.readAllBytes(part.resolve("lz.bin"));
                byte[] raw = Files.readAllBytes(part.resolve("raw.bin"));
                assertEquals(0x82, lz[16] & 0xff);
                assertEquals(0x02, raw[16] & 0xff);
                assertTrue(blockCount(lz) > 1, "several blocks expected");
                assertColumn(lz, rows, 1);
                assertColumn(raw, rows, 3);
            } finally {
                engine.close(c);
            }
        }
    }

    @Test
    void writtenBlocksRoundTripAndAreCutAtOneMebibyte() throws IOException {
        byte[] data = new byte[3 * (1 << 20) + 12345];
        new Random(7).nextBytes(data);
        for (int i = 0; i < data.length; i += 3) {
            data[i] = 'x'; // compressible
        }
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        try (CompressedOutputStream out = new CompressedOutputStream(framed)) {
            out.write(data, 0, 1000);
            out.write(data, 1000, data.length - 1000);
        }
        byte[] bytes = framed.toByteArray();
        assertEquals(4, blockCount(bytes));
        try (InputStream in = new CompressedInputStream(new ByteArrayInputStream(bytes))) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void corruptOrUnsupportedBlocksFailWithClickHouseCodes() throws IOException {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        try (CompressedOutputStream out = new CompressedOutputStream(framed)) {
            out.write("hello, hello, hello".getBytes());
        }
        byte[] good = framed.toByteArray();

        byte[] flipped = good.clone();
        flipped[flipped.length - 1] ^= 0x10;
        assertEquals(ErrorCodes.CHECKSUM_DOESNT_MATCH, failure(flipped).code());

        byte[] zstd = good.clone();
        zstd[16] = (byte) 0x90;
        long[] checksum = CityHash128.hash(zstd, 16, zstd.length - 16);
        CompressedBlocks.writeLongLE(zstd, 0, checksum[0]);
        CompressedBlocks.writeLongLE(zstd, 8, checksum[1]);
        ClickHouseException unknown = failure(zstd);
        assertEquals(ErrorCodes.UNKNOWN_COMPRESSION_METHOD, unknown.code());
        assertEquals("Code: 89. DB::Exception: Unknown compression method: 0x90 (this server accepts LZ4 0x82 and"
                + " NONE 0x02). (UNKNOWN_COMPRESSION_METHOD)", unknown.text());

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 2);
        assertEquals(ErrorCodes.CANNOT_DECOMPRESS, failure(truncated).code());
    }

    private static ClickHouseException failure(byte[] framed) {
        return assertThrows(ClickHouseException.class,
                () -> new CompressedInputStream(new ByteArrayInputStream(framed)).readAllBytes());
    }

    private static void assertColumn(byte[] file, int rows, long factor) throws IOException {
        try (DataInputStream in = new DataInputStream(new CompressedInputStream(new ByteArrayInputStream(file)))) {
            for (long i = 0; i < rows; i++) {
                assertEquals(i * factor, Long.reverseBytes(in.readLong()));
            }
            assertEquals(-1, in.read());
        }
    }

    private static int blockCount(byte[] framed) {
        int blocks = 0;
        for (int pos = 0; pos < framed.length; blocks++) {
            pos += 16 + CompressedBlocks.readIntLE(framed, pos + 17);
        }
        return blocks;
    }

    private static String run(ChdbConnection c, String sql) {
        try (ChdbResult r = c.query(sql, "TabSeparated")) {
            if (r.failed()) {
                throw new IllegalStateException(r.error());
            }
            return r.text();
        }
    }
}
