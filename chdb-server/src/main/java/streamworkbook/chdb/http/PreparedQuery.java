package streamworkbook.chdb.http;

import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.protocol.ErrorCodes;
import streamworkbook.chdb.sql.Statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A request's statement, ready for the engine.
 *
 * <p>As on a ClickHouse server the statement text is the {@code query} parameter, a newline, and
 * the request body. Only as much of that is read as it takes to know what the statement is:
 * for {@code INSERT … VALUES} / {@code INSERT … FORMAT x} the data that follows is streamed to a
 * spool file untouched and the INSERT is rewritten to {@code … FROM INFILE '<spool>' FORMAT x},
 * because chDB would otherwise split inline data at blank lines like a command-line client.
 * Anything else is read whole (up to a size limit) and checked for a second statement.
 */
final class PreparedQuery implements AutoCloseable {

    private static final int FIRST_READ = 64 * 1024;
    private static final int COPY_BUFFER = 1 << 20;

    private final Statement statement;
    private final byte[] sql;
    private final Path spool;

    private PreparedQuery(Statement statement, byte[] sql, Path spool) {
        this.statement = statement;
        this.sql = sql;
        this.spool = spool;
    }

    /**
     * Reads the statement from {@code queryParameter} (may be null) and {@code body}.
     * {@code maxQueryBytes} bounds what is held in memory: the SQL of a non-INSERT statement.
     */
    static PreparedQuery read(String queryParameter, InputStream body, Path spoolDir, int maxQueryBytes)
            throws IOException {
        byte[] prefix = queryParameter == null || queryParameter.isEmpty()
                ? new byte[0] : (queryParameter + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] head = Arrays.copyOf(prefix, prefix.length + FIRST_READ);
        int length = prefix.length;
        while (true) {
            int want = head.length - length;
            int got = body.readNBytes(head, length, want);
            length += got;
            boolean complete = got < want;
            Statement statement = Statement.analyze(head, length, complete);
            if (statement.hasInlineData() && !statement.incomplete()) {
                return spooled(statement, head, length, complete ? InputStream.nullInputStream() : body, spoolDir);
            }
            if (complete) {
                return inMemory(statement, Arrays.copyOf(head, length));
            }
            if (head.length >= maxQueryBytes) {
                throw ClickHouseException.of(ErrorCodes.QUERY_IS_TOO_LARGE, "Query is too large (more than "
                        + maxQueryBytes + " bytes of SQL in one request; send INSERT data after VALUES or FORMAT)");
            }
            head = Arrays.copyOf(head, (int) Math.min((long) head.length * 2, maxQueryBytes));
        }
    }

    private static PreparedQuery inMemory(Statement statement, byte[] text) {
        if (statement.isEmpty()) {
            throw ClickHouseException.of(ErrorCodes.SYNTAX_ERROR, "Empty query");
        }
        if (statement.multiStatementAt() >= 0) {
            int at = statement.multiStatementAt();
            String rest = new String(text, at, Math.min(text.length - at, 100), StandardCharsets.UTF_8).strip();
            throw ClickHouseException.of(ErrorCodes.SYNTAX_ERROR, "Syntax error (Multi-statements are not allowed): "
                    + "failed at position " + (at + 1) + " (;): " + rest);
        }
        if (statement.outfileAt() >= 0) {
            throw ClickHouseException.of(ErrorCodes.INTO_OUTFILE_NOT_ALLOWED,
                    "INTO OUTFILE is not allowed");
        }
        return new PreparedQuery(statement, text, null);
    }

    private static PreparedQuery spooled(Statement statement, byte[] head, int length, InputStream rest,
                                         Path spoolDir) throws IOException {
        Path file = Files.createTempFile(spoolDir, "insert-", ".data");
        try (OutputStream out = Files.newOutputStream(file)) {
            int start = Math.min(statement.dataStart(), length);
            out.write(head, start, length - start);
            byte[] buffer = new byte[COPY_BUFFER];
            for (int n; (n = rest.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        byte[] sql = statement.insertFromFile(file.toString()).getBytes(StandardCharsets.UTF_8);
        return new PreparedQuery(statement, sql, file);
    }

    Statement statement() {
        return statement;
    }

    /** The SQL to run: the statement as sent, or the INSERT rewritten to read the spool file. */
    byte[] sql() {
        return sql;
    }

    /** The spool file holding an INSERT's data, or null. */
    Path spool() {
        return spool;
    }

    @Override
    public void close() throws IOException {
        if (spool != null) {
            Files.deleteIfExists(spool);
        }
    }
}
