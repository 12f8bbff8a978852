package streamworkbook.kit.infra.local.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.local.cluster.jobs.CountingJob;

/**
 * A job jar built in milliseconds from compiled test classes: the {@code jobs} package and kit's {@code FlinkJobs}
 * (what a week's job jar carries of kit), with {@code Main-Class} in its manifest, and no Flink inside.
 */
final class JobJars {

    private JobJars() {
    }

    static Path countingJob(Path dir) throws IOException {
        Path jar = dir.resolve("counting-job.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, CountingJob.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            Path classes = classesDir(CountingJob.class);
            Path jobs = classes.resolve(CountingJob.class.getPackageName().replace('.', '/'));
            try (Stream<Path> files = Files.list(jobs)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    add(out, classes.relativize(file).toString().replace('\\', '/'), Files.newInputStream(file));
                }
            }
            for (Class<?> type : List.of(FlinkJobs.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                add(out, entry, type.getClassLoader().getResourceAsStream(entry));
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, InputStream in) throws IOException {
        try (InputStream source = in) {
            out.putNextEntry(new JarEntry(name));
            source.transferTo(out);
            out.closeEntry();
        }
    }

    private static Path classesDir(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException(type + " is not loaded from a directory of classes: " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
