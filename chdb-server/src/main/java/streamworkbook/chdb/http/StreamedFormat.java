package streamworkbook.chdb.http;

import streamworkbook.chdb.engine.ChdbResult;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Joins the parts of a streamed result into one response in an output format.
 *
 * <p>chDB 26.5 formats every part of a stream as a document of its own: each part repeats the
 * format's header (column names, types) and, for formats like JSON, its prefix and suffix. Row
 * formats without a header concatenate as they are; formats whose header is a fixed run of
 * bytes — the {@code …WithNames}/{@code …WithNamesAndTypes} families, among them the
 * RowBinaryWithNamesAndTypes the JDBC driver reads — have that run dropped from every part after
 * the first. Formats with a document structure (JSON, XML, Pretty, Parquet …) are not streamed:
 * {@link #of} returns null and the result is produced whole.
 */
final class StreamedFormat {

    private enum Header { NONE, LINE, TWO_LINES, ROW_BINARY_NAMES, ROW_BINARY_NAMES_AND_TYPES }

    private static final Map<String, Header> FORMATS = Map.ofEntries(
            Map.entry("tabseparated", Header.NONE), Map.entry("tsv", Header.NONE),
            Map.entry("tabseparatedraw", Header.NONE), Map.entry("tsvraw", Header.NONE), Map.entry("raw", Header.NONE),
            Map.entry("csv", Header.NONE), Map.entry("customseparated", Header.NONE),
            Map.entry("jsoneachrow", Header.NONE), Map.entry("jsonlines", Header.NONE),
            Map.entry("ndjson", Header.NONE), Map.entry("jsonstringseachrow", Header.NONE),
            Map.entry("jsoncompacteachrow", Header.NONE), Map.entry("jsoncompactstringseachrow", Header.NONE),
            Map.entry("rowbinary", Header.NONE), Map.entry("native", Header.NONE), Map.entry("values", Header.NONE),
            Map.entry("lineasstring", Header.NONE), Map.entry("tskv", Header.NONE),
            Map.entry("tabseparatedwithnames", Header.LINE), Map.entry("tsvwithnames", Header.LINE),
            Map.entry("tabseparatedrawwithnames", Header.LINE), Map.entry("tsvrawwithnames", Header.LINE),
            Map.entry("csvwithnames", Header.LINE), Map.entry("jsoncompacteachrowwithnames", Header.LINE),
            Map.entry("jsoncompactstringseachrowwithnames", Header.LINE),
            Map.entry("tabseparatedwithnamesandtypes", Header.TWO_LINES), Map.entry("tsvwithnamesandtypes", Header.TWO_LINES),
            Map.entry("tabseparatedrawwithnamesandtypes", Header.TWO_LINES),
            Map.entry("tsvrawwithnamesandtypes", Header.TWO_LINES), Map.entry("csvwithnamesandtypes", Header.TWO_LINES),
            Map.entry("jsoncompacteachrowwithnamesandtypes", Header.TWO_LINES),
            Map.entry("jsoncompactstringseachrowwithnamesandtypes", Header.TWO_LINES),
            Map.entry("rowbinarywithnames", Header.ROW_BINARY_NAMES),
            Map.entry("rowbinarywithnamesandtypes", Header.ROW_BINARY_NAMES_AND_TYPES));

    /** Longest header looked for: column names and types of any sane table fit. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private final Header kind;
    private byte[] header;

    private StreamedFormat(Header kind) {
        this.kind = kind;
    }

    /** How to join a stream in {@code format}, or null if results in it are produced whole. */
    static StreamedFormat of(String format) {
        Header kind = FORMATS.get(format.toLowerCase(Locale.ROOT));
        return kind == null ? null : new StreamedFormat(kind);
    }

    /**
     * Where the part's own data starts: 0 for the first part (its header is the response's),
     * past the repeated header for every later one.
     */
    long dataStart(ChdbResult part) {
        if (kind == Header.NONE) {
            return 0;
        }
        byte[] head = part.bytes(0, (int) Math.min(part.length(), MAX_HEADER_BYTES));
        if (header == null) {
            header = Arrays.copyOf(head, headerLength(head));
            return 0;
        }
        if (head.length < header.length || !Arrays.equals(head, 0, header.length, header, 0, header.length)) {
            throw new IllegalStateException("a part of the streamed result does not start with the format's header");
        }
        return header.length;
    }

    private int headerLength(byte[] head) {
        switch (kind) {
            case LINE:
                return afterLines(head, 1);
            case TWO_LINES:
                return afterLines(head, 2);
            default:
                return rowBinaryHeaderLength(head, kind == Header.ROW_BINARY_NAMES_AND_TYPES);
        }
    }

    private static int afterLines(byte[] head, int lines) {
        int p = 0;
        for (int i = 0; i < lines; i++) {
            while (p < head.length && head[p] != '\n') {
                p++;
            }
            p++;
        }
        return checked(p, head);
    }

    /** RowBinaryWithNames[AndTypes]: a varint column count, then that many (twice as many) length-prefixed strings. */
    private static int rowBinaryHeaderLength(byte[] head, boolean withTypes) {
        int[] position = {0};
        long columns = varint(head, position);
        long strings = withTypes ? 2 * columns : columns;
        for (long i = 0; i < strings; i++) {
            long length = varint(head, position);
            position[0] = (int) Math.min(Integer.MAX_VALUE, position[0] + length);
        }
        return checked(position[0], head);
    }

    private static long varint(byte[] head, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= head.length) {
                throw new IllegalStateException("the format's header is longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int b = head[position[0]++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("bad varint in the format's header");
    }

    private static int checked(int length, byte[] head) {
        if (length > head.length) {
            throw new IllegalStateException("the format's header is longer than " + MAX_HEADER_BYTES + " bytes");
        }
        return length;
    }
}
