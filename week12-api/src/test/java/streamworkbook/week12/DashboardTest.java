package streamworkbook.week12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;

/**
 * The dashboard in a real headless Chromium, on the reference solutions and week 7's generated traffic: it loads,
 * every panel renders, its numbers equal the API's (and the events' own, counted here), its chart has drawn points,
 * an alert written while it is open appears, and a screenshot is saved as {@code target/dashboard.png}.
 * Credits no exercise.
 */
class DashboardTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a browser start, and an alert that appears only when the cached answer (10 s) expires
    void theDashboardShowsTheApisNumbersAndLiveAlerts() throws Exception {
        TestShop.Shop shop = TestShop.shared();
        Instant from = shop.first().truncatedTo(ChronoUnit.HOURS);
        Instant to = shop.last().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
        try (ApiServer api = ApiServer.builder(shop.endpoint()).port(0).build().start(); Chromium browser = Chromium.start()) {
            browser.driver.get(api.url() + "/#from=" + from + "&to=" + to);
            browser.awaitRefreshes(1);
            for (String panel : List.of("kpis", "revenue-panel", "top-panel", "category-panel", "funnel-panel", "alerts-panel", "health-panel")) {
                WebElement e = browser.driver.findElement(By.id(panel));
                assertEquals("ready", e.getAttribute("data-state"), panel + ": " + e.getText());
            }

            // the KPIs: the API's sums, and the events' own
            BigDecimal revenue = BigDecimal.ZERO;
            long purchases = 0;
            for (ShopEvent e : shop.events()) {
                if (!e.eventTime().isBefore(from) && e.eventTime().isBefore(to) && e.type() == EventType.PURCHASE) {
                    revenue = revenue.add(e.revenue());
                    purchases++;
                }
            }
            double apiRevenue = sum(api, "revenue", from, to);
            assertEquals(revenue.doubleValue(), apiRevenue, 0.005, "the API's revenue against the events'");
            assertEquals(apiRevenue, Double.parseDouble(kpi(browser, "revenue")), 0.005, "the revenue shown");
            assertEquals(purchases, Math.round(Double.parseDouble(kpi(browser, "purchases"))), "the purchases shown");
            assertEquals(Math.round(sum(api, "events", from, to)), Math.round(Double.parseDouble(kpi(browser, "events"))));

            // the chart: one point per minute, and pixels of the revenue line on the canvas
            @SuppressWarnings("unchecked")
            List<Long> chart = (List<Long>) browser.js("""
                    const u = window.dashboard.state.charts.revenue;
                    const c = u.ctx.canvas, px = u.ctx.getImageData(0, 0, c.width, c.height).data;
                    let blue = 0;
                    for (let i = 0; i < px.length; i += 4) if (px[i] < 90 && px[i + 1] < 140 && px[i + 2] > 200 && px[i + 3] > 200) blue++;
                    return [u.data[0].length, u.data[1].filter(v => v > 0).length, blue];
                    """);
            assertEquals(Duration.between(from, to).toMinutes(), chart.get(0), "points on the chart: one per minute");
            assertTrue(chart.get(1) > 10, "minutes with revenue on the chart: " + chart.get(1));
            assertTrue(chart.get(2) > 200, "pixels of the revenue line drawn on the canvas: " + chart.get(2));

            // the top products: the API's, in its order
            List<String> shown = new ArrayList<>();
            browser.driver.findElements(By.cssSelector("#top-panel tbody tr")).forEach(r -> shown.add(r.getAttribute("data-product")));
            List<String> top = new ArrayList<>();
            Http.get(api.url() + "/api/top-products?" + Http.query("from", from.toString(),
                    "to", to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS).toString(), "n", "10"))
                    .json().get("products").forEach(p -> top.add(p.get("product_id").asText()));
            assertEquals(top, shown, "the top products table");
            browser.screenshot(Path.of("target", "dashboard.png"));

            // an alert written while the page is open appears at a refresh once the cached answer has expired
            assertEquals(0, browser.driver.findElements(By.cssSelector("#alerts-panel li[data-series]")).size());
            Instant minute = to.minusSeconds(600).truncatedTo(ChronoUnit.MINUTES);
            shop.clickhouse().execute("INSERT INTO alerts (series, minute, rule, value, expected, score) VALUES "
                    + "('checkout_failures', " + minute.getEpochSecond() + ", 'zscore', 42, 3, 6.5)");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (browser.driver.findElements(By.cssSelector("#alerts-panel li[data-series='checkout_failures']")).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the injected alert did not appear within 40 s");
                Thread.sleep(1_000);
                browser.refresh();
            }
            WebElement alert = browser.driver.findElement(By.cssSelector("#alerts-panel li[data-series='checkout_failures']"));
            assertEquals(minute.toString(), alert.getAttribute("data-minute"));
            assertTrue(alert.getText().contains("zscore") && alert.getText().contains("42.0"), alert.getText());
            browser.screenshot(Path.of("target", "dashboard.png"));
        } finally {
            shop.clickhouse().execute("TRUNCATE TABLE alerts");
        }
    }

    private static String kpi(Chromium browser, String name) {
        return browser.driver.findElement(By.cssSelector("[data-kpi='" + name + "']")).getAttribute("data-raw");
    }

    private static double sum(ApiServer api, String metric, Instant from, Instant to) {
        JsonNode s = Http.get(api.url() + "/api/series?" + Http.query("metric", metric, "step", "minute",
                "from", from.toString(), "to", to.toString())).json();
        double total = 0;
        for (JsonNode v : s.get("v")) {
            total += v.asDouble();
        }
        return total;
    }
}
