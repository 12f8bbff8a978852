package streamworkbook.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.cluster.FlinkClasspath;
import streamworkbook.kit.infra.local.cluster.FlinkCluster;

/**
 * One Flink standalone session cluster (a JobManager and two TaskManagers, each its own JVM, from Flink's own jars) for
 * the cluster drills of this JVM, on free ports; the platform's job jar, built by {@code package}. Stopped at JVM exit.
 */
final class SharedFlinkCluster {

    private static FlinkCluster cluster;

    private SharedFlinkCluster() {
    }

    static synchronized FlinkCluster get() throws IOException {
        if (cluster == null) {
            // kit-servers/flink-cluster/pom.xml lists Flink's jars; Maven resolves them (offline first) into kit-servers/target
            String classpath = FlinkClasspath.ofCheckout(Path.of("..", "kit-servers").toAbsolutePath().normalize());
            // one port for the JobManager, the next ones for TaskManagers (a taken one costs only that reporter)
            cluster = OwnFlinkClusterJob.startCluster(classpath, 2, FreePorts.pick(), FreePorts.pick());
            FlinkCluster started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-flink-cluster"));
        }
        return cluster;
    }

    /** The platform's job jar (the shade plugin's {@code job} artifact). */
    static Path jobJar() {
        String jar = System.getProperty("platform.jobJar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no job jar at " + jar + ": the cluster drills run after `package` (mvn verify)");
        }
        return Path.of(jar);
    }
}
