package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `./workbook demo` end to end, on its own embedded servers: every acknowledged event is queryable once. */
class PlatformDemoTest {

    @Test
    void everyGeneratedEventEndsUpInClickHouseExactlyOnce() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PlatformDemo demo = new PlatformDemo(new PrintStream(printed, true, StandardCharsets.UTF_8));

        int exit = new CommandLine(demo).execute("--events", "3000", "--users", "150", "--seed", "7");

        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, output);
        Map<String, Long> expectedByType = PlatformDemo.traffic(7, 150).take(3000)
                .stream()
                .collect(Collectors.groupingBy(e -> e.type().wireName(), TreeMap::new, Collectors.counting()));
        assertEquals(new PlatformDemo.Outcome(3000, 3000, 3000, expectedByType), demo.outcome());
        assertTrue(output.contains("reconciled: 3,000 acknowledged by Kafka = 3,000 rows in ClickHouse (3,000 distinct event ids)\n"),
                output);
        assertTrue(output.contains("50 categories, 10000 products, 5000 users, 10000 stock levels"), output);
        assertTrue(output.contains("product changes published to demo-"), output);
    }

}
