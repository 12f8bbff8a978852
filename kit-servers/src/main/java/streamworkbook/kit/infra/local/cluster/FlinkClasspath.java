package streamworkbook.kit.infra.local.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import streamworkbook.kit.infra.InfraUnavailable;

/**
 * The classpath of a Flink standalone cluster: Flink's own jars only, as {@code flink-dist}'s {@code lib/} holds them,
 * listed by {@code kit-servers/flink-cluster/pom.xml} and resolved by Maven.
 *
 * <p>Nothing else may be on it: with the Kafka connector or kafka-clients on the cluster's classpath as well as in a
 * job jar, the job fails with a {@code ClassCastException} between the two copies of a class.
 */
public final class FlinkClasspath {

    private FlinkClasspath() {
    }

    /** A classpath written by Maven's {@code dependency:build-classpath} (what the launcher does). */
    public static String fromFile(Path file) {
        try {
            String classpath = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (classpath.isEmpty()) {
                throw new InfraUnavailable("the Flink classpath file " + file + " is empty: delete it and build it again");
            }
            return classpath;
        } catch (IOException e) {
            throw new InfraUnavailable("cannot read the Flink classpath file " + file
                    + " (`./workbook up --flink` writes it; or run Maven's dependency:build-classpath on kit-servers/flink-cluster/pom.xml)", e);
        }
    }

    /**
     * Resolves {@code pom}'s dependencies with Maven into {@code cache}, unless {@code cache} is newer than {@code pom}.
     * Offline first (every jar is usually in the local repository already), then online.
     */
    public static String resolve(Path pom, Path cache) {
        try {
            if (Files.exists(cache) && newerThan(cache, pom) && newerThan(cache, pom.toAbsolutePath().getParent().resolve("../../pom.xml"))) {
                return fromFile(cache);
            }
            Files.createDirectories(cache.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new InfraUnavailable("cannot prepare " + cache, e);
        }
        Path log = cache.resolveSibling(cache.getFileName() + ".log");
        if (maven(pom, cache, log, true) != 0 && maven(pom, cache, log, false) != 0) {
            throw new InfraUnavailable("Maven could not resolve Flink's jars from " + pom + ". Its output, " + log + ", ends with:\n"
                    + tail(log));
        }
        return fromFile(cache);
    }

    /** The classpath for a source checkout: {@code kit-servers/flink-cluster/pom.xml}, cached in {@code kit-servers/target}. */
    public static String ofCheckout(Path kitServersDir) {
        return resolve(kitServersDir.resolve("flink-cluster/pom.xml"), kitServersDir.resolve("target/flink-cluster.classpath"));
    }

    /** True when {@code file} is newer than {@code source}, or {@code source} does not exist (the root pom pins Flink's version). */
    private static boolean newerThan(Path file, Path source) throws IOException {
        return !Files.exists(source) || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(source)) > 0;
    }

    private static int maven(Path pom, Path cache, Path log, boolean offline) {
        List<String> command = new ArrayList<>(List.of(mavenCommand(), "-B", "-q"));
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of("-f", pom.toAbsolutePath().toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + cache.toAbsolutePath(), "-Dmdep.includeScope=runtime"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new InfraUnavailable("cannot run Maven (" + command.get(0) + ") to resolve Flink's jars: install Maven 3.8+", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Maven resolved Flink's jars", e);
        }
    }

    private static String mavenCommand() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
