package streamworkbook.kit.infra.containers;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a Docker engine answers here, decided once, cheaply, before Testcontainers is touched. */
public final class DockerProbe {

    private static Boolean answers;

    private DockerProbe() {
    }

    public static synchronized boolean dockerAnswers() {
        if (answers == null) {
            answers = probe();
        }
        return answers;
    }

    private static boolean probe() {
        // a socket file or DOCKER_HOST is needed before asking Testcontainers, which is slow to say no
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker/run/docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
