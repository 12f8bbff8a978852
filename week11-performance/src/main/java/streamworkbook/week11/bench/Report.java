package streamworkbook.week11.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A markdown report: headings, paragraphs, tables and images, written where the plots are. */
public final class Report {

    private final StringBuilder text = new StringBuilder();

    public Report(String title) {
        text.append("# ").append(title).append("\n\n");
        text.append("Run at ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, load average (1 min) when the report was written ")
                .append(String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", Java ").append(Runtime.version()).append(".\n\n");
    }

    public Report heading(String heading) {
        text.append("## ").append(heading).append("\n\n");
        return this;
    }

    public Report paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
        return this;
    }

    public Report table(List<String> header, List<List<String>> rows) {
        text.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> text.append("---|"));
        text.append('\n');
        for (List<String> row : rows) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        text.append('\n');
        return this;
    }

    public Report image(String alt, Path file) {
        text.append("![").append(alt).append("](").append(file.getFileName()).append(")\n\n");
        return this;
    }

    public String text() {
        return text.toString();
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
