package streamworkbook.kit.infra.local.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code flink run} is given: a job jar, its program arguments, and optionally the entry class, the job's
 * parallelism and a savepoint to start from.
 *
 * @param jar                    the job jar (the program and what it needs, without Flink: the cluster provides Flink)
 * @param mainClass              the program's class, or null for the jar manifest's {@code Main-Class}
 * @param args                   the program's arguments
 * @param parallelism            the job's default parallelism ({@code -p}), or 0 for the cluster's. A program that sets
 *                               its own ({@code FlinkJobs.programEnvironment(parallelism, …)}, as the weeks' programs
 *                               do) overrides it: rescale those with their {@code --parallelism} argument instead
 * @param savepoint              a savepoint (or retained checkpoint) to restore the job's state from ({@code -s}), or null
 * @param allowNonRestoredState  start even if the savepoint holds state of an operator the job no longer has ({@code -n})
 */
public record JobSubmission(Path jar, String mainClass, List<String> args, int parallelism, String savepoint,
                            boolean allowNonRestoredState) {

    public JobSubmission {
        args = List.copyOf(args);
    }

    public static JobSubmission of(Path jar, String... args) {
        return new JobSubmission(jar, null, List.of(args), 0, null, false);
    }

    public JobSubmission withMainClass(String className) {
        return new JobSubmission(jar, className, args, parallelism, savepoint, allowNonRestoredState);
    }

    public JobSubmission withParallelism(int value) {
        return new JobSubmission(jar, mainClass, args, value, savepoint, allowNonRestoredState);
    }

    public JobSubmission fromSavepoint(String path) {
        return new JobSubmission(jar, mainClass, args, parallelism, path, allowNonRestoredState);
    }

    public JobSubmission allowingNonRestoredState() {
        return new JobSubmission(jar, mainClass, args, parallelism, savepoint, true);
    }
}
