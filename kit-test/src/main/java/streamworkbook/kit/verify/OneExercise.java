package streamworkbook.kit.verify;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * {@code -Dworkbook.exercise=1.2} (what {@code ./workbook verify week01 1.2} passes): only the tests of that
 * exercise run, the others are left out of the test plan — not skipped, so the output stays short and the
 * saved progress of the other exercises is kept. Several ids may be given, separated by commas.
 * Registered through {@code META-INF/services/org.junit.platform.launcher.PostDiscoveryFilter}.
 */
public class OneExercise implements PostDiscoveryFilter {

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        String wanted = System.getProperty("workbook.exercise", "").trim();
        if (wanted.isEmpty() || !descriptor.isTest()) {
            return FilterResult.included("no exercise chosen, or a container");
        }
        Set<String> ids = Arrays.stream(wanted.split(",")).map(String::trim).collect(Collectors.toSet());
        return TestExercises.exerciseOf(descriptor.getSource().orElse(null))
                .filter(e -> ids.contains(e.value()))
                .map(e -> FilterResult.included("checks exercise " + e.value()))
                .orElseGet(() -> FilterResult.excluded("not a test of exercise " + wanted));
    }
}
