package streamworkbook.week11.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** The benchmark's plots, as PNG files (XChart draws them without a display: the JVM runs headless). */
public final class Plots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Rows queryable over time, one line per run. */
    public static Path throughput(Path file, String title, Map<String, List<ThroughputSampler.Sample>> runs) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("seconds").yAxisTitle("rows queryable in ClickHouse").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(0);
        runs.forEach((name, samples) -> {
            if (!samples.isEmpty()) {
                List<Double> x = samples.stream().map(s -> s.millis() / 1000.0).toList();
                List<Long> y = samples.stream().map(ThroughputSampler.Sample::rows).toList();
                chart.addSeries(name, x, y);
            }
        });
        return save(chart, file);
    }

    /**
     * Latency against percentile, one line per run, the x axis stretched towards the tail (positions are
     * log10(1 / (1 − p)): 90 %, 99 %, 99.9 % are equally far apart).
     */
    public static Path latencyPercentiles(Path file, String title, Map<String, Latencies> runs) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("percentile").yAxisTitle("event → queryable, ms").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(4);
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            double p = 100 * (1 - Math.pow(10, -x));
            return p < 99 ? String.format("%.0f%%", p) : String.format("%.1f%%", p);
        });
        runs.forEach((name, latencies) -> {
            if (latencies.count() == 0) {
                return;
            }
            Histogram histogram = latencies.histogram();
            List<Double> x = new ArrayList<>();
            List<Long> y = new ArrayList<>();
            for (HistogramIterationValue v : histogram.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100) {
                    break;
                }
                x.add(Math.log10(1 / (1 - p / 100)));
                y.add(v.getValueIteratedTo());
            }
            chart.addSeries(name, x, y);
        });
        return save(chart, file);
    }

    /** One line per series over a shared x axis, a second y axis for the series named in {@code rightAxis}. */
    public static Path lines(Path file, String title, String xTitle, String leftTitle, String rightTitle, List<Double> x,
                             Map<String, List<Double>> left, Map<String, List<Double>> right) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(6);
        chart.setYAxisGroupTitle(0, leftTitle);
        left.forEach((name, y) -> chart.addSeries(name, x, y));
        if (!right.isEmpty()) {
            chart.setYAxisGroupTitle(1, rightTitle);
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            right.forEach((name, y) -> {
                XYSeries series = chart.addSeries(name, x, y);
                series.setYAxisGroup(1);
            });
        }
        return save(chart, file);
    }

    /** Before and after, one group of bars per experiment (values on one scale, e.g. events/s). */
    public static Path bars(Path file, String title, String yTitle, List<String> groups, Map<String, List<Double>> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        series.forEach((name, values) -> chart.addSeries(name, groups, values));
        return save(chart, file);
    }

    private static Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            javax.imageio.ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
