package streamworkbook.chdb.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import streamworkbook.chdb.engine.ChdbConnection;
import streamworkbook.chdb.engine.ChdbResult;
import streamworkbook.chdb.engine.ChdbStream;
import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.protocol.Formats;
import streamworkbook.chdb.protocol.QuerySummary;
import streamworkbook.chdb.sql.ClientHints;
import streamworkbook.chdb.sql.Statement;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * One statement of one request, run on an {@link EngineSession} and answered.
 *
 * <p>SELECTs in a row format are streamed: chDB hands over the output block by block and each
 * part goes to the client before the next is fetched, so a 30-million-row SELECT needs the memory
 * of a block, not of the result; the connection stays with the request until the last part is
 * sent. Everything else (INSERT, CREATE, SHOW …, which chDB cannot stream, and results in
 * document formats such as JSON, see {@link StreamedFormat}) runs to the end first; its result
 * owns its memory, so the connection is given back before the answer is sent.
 */
final class QueryExecution {

    /** First keywords of statements worth streaming (chDB refuses others with Code 36 anyway). */
    private static final Set<String> STREAMED = Set.of("SELECT", "WITH");
    /** Copy buffer of a stream, reused for all its parts. */
    private static final int COPY_SLICE = 256 << 10;

    private final HttpExchange exchange;
    private final QueryRequest request;
    private final PreparedQuery query;
    private final String format;
    private final Path spoolDir;
    private final String serverTimezone;
    private final long started;
    private final Progress progress = new Progress();

    QueryExecution(HttpExchange exchange, QueryRequest request, PreparedQuery query, String format, Path spoolDir,
                   String serverTimezone, long started) {
        this.exchange = exchange;
        this.request = request;
        this.query = query;
        this.format = format;
        this.spoolDir = spoolDir;
        this.serverTimezone = serverTimezone;
        this.started = started;
    }

    /** What is left to send once the statement has finished and its session was given back. */
    @FunctionalInterface
    interface Reply {
        void send() throws IOException;
    }

    /**
     * Runs the statement. A streamed result is sent from here except its end (the last part
     * held back, the final chunk); a whole result is not sent at all. Either way the rest goes
     * out through the returned {@link Reply}, which the caller calls once it has given the
     * session back — so a client that sends its next request on seeing the end of this one
     * never finds the session still locked. Engine errors before any output are thrown as
     * {@link ClickHouseException}.
     */
    Reply run(EngineSession session) throws IOException {
        Statement statement = query.statement();
        // the text exactly as sent, except that the engine's client-side test hints are defused
        byte[] sql = ClientHints.neutralize(query.sql());
        ChdbConnection connection = session.enter(request, statement);
        try {
            StreamedFormat joiner = STREAMED.contains(statement.keyword()) ? StreamedFormat.of(format) : null;
            if (joiner != null) {
                try (ChdbStream stream = connection.stream(sql, format, request.parameters())) {
                    if (stream.startError() == null) {
                        ResponseBody body = sendStream(stream, joiner);
                        return body::finish;
                    }
                    if (!cannotStream(stream.startError())) {
                        throw engineError(stream.startError());
                    }
                }
            }
            ChdbResult result = connection.query(sql, format, request.parameters());
            if (result.failed()) {
                try (result) {
                    throw engineError(result.error());
                }
            }
            return () -> send(result);
        } finally {
            session.leave(request, statement);
        }
    }

    /** Sends a whole result, and frees it. */
    private void send(ChdbResult result) throws IOException {
        try (result) {
            progress.add(result);
            ResponseBody body = startBody();
            result.writeTo(body);
            body.finish();
        }
    }

    /** Sends the stream's parts; the caller finishes the returned body. */
    private ResponseBody sendStream(ChdbStream stream, StreamedFormat joiner) throws IOException {
        ResponseBody body = startBody();
        byte[] slice = new byte[COPY_SLICE];
        for (ChdbResult next; (next = stream.next()) != null; ) {
            try (ChdbResult part = next) {
                if (part.failed()) {
                    body.fail(engineError(part.error()), true);
                    return body;
                }
                progress.add(part);
                part.writeTo(body, joiner.dataStart(part), slice);
            }
        }
        return body;
    }

    private ResponseBody startBody() {
        Headers headers = exchange.getResponseHeaders();
        if (query.statement().keyword().equals("INSERT")) {
            headers.set("Content-Type", Responses.TEXT); // an INSERT has no output format
        } else {
            headers.set("Content-Type", Formats.contentType(format));
            headers.set("X-ClickHouse-Format", format);
        }
        String timezone = request.setting("session_timezone");
        headers.set("X-ClickHouse-Timezone", timezone == null || timezone.isEmpty() ? serverTimezone : timezone);
        return new ResponseBody(exchange, request, spoolDir, () -> progress.summary(started).toJson());
    }

    /** The engine's error as a server words it: without spool file names, with the GET hint. */
    private ClickHouseException engineError(String error) {
        String text = query.spool() == null ? error : SpoolErrors.clean(error, query.spool());
        return ClickHouseException.fromEngine(request.readOnly() ? ReadOnlyHint.add(text) : text);
    }

    private static boolean cannotStream(String error) {
        return error.startsWith("Code: 36.") && error.contains("Streaming query is not supported");
    }

    /** Counters summed over a result's parts, for X-ClickHouse-Summary. */
    private static final class Progress {
        private long readRows;
        private long readBytes;
        private long writtenRows;
        private long writtenBytes;
        private long resultRows;
        private long resultBytes;

        void add(ChdbResult part) {
            readRows += part.readRows();
            readBytes += part.readBytes();
            writtenRows += part.writtenRows();
            writtenBytes += part.writtenBytes();
            resultRows += part.resultRows();
            resultBytes += part.resultBytes();
        }

        QuerySummary summary(long started) {
            return new QuerySummary(readRows, readBytes, writtenRows, writtenBytes, resultRows, resultBytes,
                    System.nanoTime() - started);
        }
    }
}
