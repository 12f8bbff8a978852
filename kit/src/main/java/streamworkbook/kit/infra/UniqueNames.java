package streamworkbook.kit.infra;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Names for topics, schemas and databases that no other test in the same JVM or on the same shared
 * server will pick: tests isolate themselves by name, not by restarting servers.
 */
public final class UniqueNames {

    private UniqueNames() {
    }

    /** {@code prefix-xxxxxx}: lower case letters and digits, valid as a Kafka topic, schema or database name. */
    public static String next(String prefix) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(prefix).append('-');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        s.append(alphabet.charAt(random.nextInt(26)));
        for (int i = 0; i < 7; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
