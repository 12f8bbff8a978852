package streamworkbook.week12;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 12.4 in a real headless Chromium: the learner's funnel panel, on two ranges of week 7's traffic, against
 * {@code /api/funnel}.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a range of its own (the last 24 hours, or none) instead of the dashboard's: the second range's numbers differ;</li>
 *   <li>shares mixed up: "of first" is each step's sessions over the first step's, "of previous" over the step
 *       before, both with one decimal ({@code 30.3 %}), and "–" where there is no step before;</li>
 *   <li>rows added at every refresh instead of replaced: after two more refreshes there are still three rows;</li>
 *   <li>the steps in another order, or numbers formatted without their raw value in {@code data-raw}.</li>
 * </ul>
 */
@Exercise("12.4")
class FunnelPanelTest {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS) // a browser start and three refreshes of the dashboard
    void thePanelShowsTheFunnelOfTheDashboardsRange() throws Exception {
        TestShop.Shop shop = TestShop.shared();
        String panel = Exercises.solutionsMode() ? "dashboard/solutions/funnel-panel.js" : "dashboard/exercises/funnel-panel.js";
        Instant from = shop.first().truncatedTo(ChronoUnit.MINUTES);
        Instant to = shop.last().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
        try (ApiServer api = ApiServer.builder(shop.endpoint()).port(0).funnelPanel(panel).build().start();
             Chromium browser = Chromium.start()) {
            check(api, browser, from, to);
            browser.refresh();
            browser.refresh();
            assertEquals(3, browser.driver.findElements(By.cssSelector("#funnel-panel tr[data-step]")).size(),
                    "after two more refreshes the panel still has one row per step (replace, do not append)");
            // another range in a fresh page: the panel must follow the dashboard's range
            browser.driver.get("about:blank");
            check(api, browser, from.plusSeconds(600), from.plusSeconds(1500));
        }
    }

    private static void check(ApiServer api, Chromium browser, Instant from, Instant to) {
        browser.driver.get(api.url() + "/#from=" + from + "&to=" + to);
        browser.awaitRefreshes(1);
        WebElement element = browser.driver.findElement(By.id("funnel-panel"));
        if ("pending".equals(element.getAttribute("data-state"))) {
            throw new NotImplementedYet(element.getAttribute("data-pending"));
        }
        assertEquals("ready", element.getAttribute("data-state"), "the funnel panel: " + element.getText());
        JsonNode funnel = Http.get(api.url() + "/api/funnel?" + Http.query("from", from.toString(), "to", to.toString())).json();
        List<String> expected = new ArrayList<>();
        long first = funnel.at("/steps/0/sessions").asLong();
        long previous = -1;
        for (JsonNode step : funnel.get("steps")) {
            long n = step.get("sessions").asLong();
            expected.add(step.get("step").asText() + " " + n + " " + percent(n, first) + " " + (previous < 0 ? "–" : percent(n, previous)));
            previous = n;
        }
        List<String> shown = new ArrayList<>();
        for (WebElement row : element.findElements(By.cssSelector("tr[data-step]"))) {
            shown.add(row.getAttribute("data-step") + " " + row.findElement(By.cssSelector(".sessions")).getAttribute("data-raw")
                    + " " + row.findElement(By.cssSelector(".of-first")).getText().trim()
                    + " " + row.findElement(By.cssSelector(".of-previous")).getText().trim());
        }
        assertEquals(expected, shown, "the funnel of " + from + " – " + to + ": step, sessions (data-raw), of first, of previous");
    }

    private static String percent(long n, long of) {
        return of == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
    }
}
