package streamworkbook.week05;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A query's rows as a plain-text table: a header, a rule, numbers right-aligned. */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] numeric;

    TextTable(String... header) {
        this.header = List.of(header);
        this.numeric = new boolean[header.length];
    }

    /** Every row of the result set, every column by its label. */
    static TextTable of(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        String[] labels = new String[meta.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
        }
        TextTable table = new TextTable(labels);
        while (rs.next()) {
            Object[] values = new Object[labels.length];
            for (int i = 0; i < labels.length; i++) {
                values[i] = switch (meta.getColumnType(i + 1)) {
                    // as the column's time zone shows it, not converted to this JVM's
                    case Types.TIMESTAMP -> rs.getObject(i + 1, LocalDateTime.class);
                    case Types.DATE -> rs.getObject(i + 1, LocalDate.class);
                    default -> rs.getObject(i + 1);
                };
            }
            table.add(values);
        }
        return table;
    }

    TextTable add(Object... values) {
        List<String> row = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            numeric[i] |= values[i] instanceof Number;
            row.add(text(values[i]));
        }
        rows.add(row);
        return this;
    }

    int size() {
        return rows.size();
    }

    void print(PrintStream out) {
        if (rows.isEmpty()) {
            out.println("  (no rows)");
            return;
        }
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        out.println(line(header, width));
        out.println("  " + Arrays.stream(width).mapToObj("-"::repeat).collect(Collectors.joining("  ")));
        for (List<String> row : rows) {
            out.println(line(row, width));
        }
    }

    private String line(List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder(" ");
        for (int i = 0; i < cells.size(); i++) {
            String pad = " ".repeat(width[i] - cells.get(i).length());
            line.append(' ').append(numeric[i] ? pad + cells.get(i) : cells.get(i) + pad).append(' ');
        }
        return line.toString().stripTrailing();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Array a) {
            try {
                return Arrays.stream((Object[]) a.getArray()).map(TextTable::text).collect(Collectors.joining(", ", "[", "]"));
            } catch (SQLException e) {
                return value.toString();
            }
        }
        if (value.getClass().isArray() && value instanceof Object[] array) {
            return Arrays.stream(array).map(TextTable::text).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Temporal) {
            return value.toString().replace('T', ' '); // 2026-11-24 10:00, not 2026-11-24T10:00
        }
        return value.toString();
    }
}
