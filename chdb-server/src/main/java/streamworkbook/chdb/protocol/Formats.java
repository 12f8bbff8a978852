package streamworkbook.chdb.protocol;

import java.util.Locale;
import java.util.Set;

/**
 * What this server needs to know about ClickHouse formats: the default and the HTTP Content-Type
 * that goes with each. Producing and parsing the formats is the engine's job.
 */
public final class Formats {

    /** A server's output format when neither the query, a header nor a parameter names one. */
    public static final String DEFAULT = "TabSeparated";

    private static final Set<String> BINARY = Set.of(
            "rowbinary", "rowbinarywithnames", "rowbinarywithnamesandtypes", "rowbinarywithdefaults",
            "native", "parquet", "arrow", "arrowstream", "orc", "avro", "protobuf", "protobufsingle",
            "protobuflist", "capnproto", "msgpack", "bsoneachrow", "npy", "rawblob", "buffers");

    private Formats() {
    }

    /** The Content-Type ClickHouse sends for a result in {@code format}. */
    public static String contentType(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (BINARY.contains(f)) {
            return "application/octet-stream";
        }
        if (f.startsWith("tabseparated") || f.startsWith("tsv")) {
            return "text/tab-separated-values; charset=UTF-8";
        }
        if (f.startsWith("csv")) {
            return "text/csv; charset=UTF-8; header=" + (f.contains("withnames") ? "present" : "absent");
        }
        if (f.startsWith("json") || f.equals("ndjson")) {
            return "application/json; charset=UTF-8";
        }
        if (f.equals("xml")) {
            return "application/xml; charset=UTF-8";
        }
        return "text/plain; charset=UTF-8";
    }
}
