package streamworkbook.week10;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A schema registry in miniature: each subject (a topic's value, {@code shop-purchase-value}) has versions, and a new
 * version is accepted only if it is compatible with the latest one under the subject's mode (BACKWARD by default, as
 * in Confluent Schema Registry). What a real registry adds — storage in a Kafka topic, ids in every record, a REST API,
 * transitive modes, serializers that fetch schemas — is in the README.
 */
public final class ContractRegistry {

    /** A new version was refused; the message lists every incompatibility, each naming its field. */
    public static final class IncompatibleSchemaException extends RuntimeException {
        private final transient List<Compatibility.Incompatibility> incompatibilities;

        IncompatibleSchemaException(String subject, int version, List<Compatibility.Incompatibility> incompatibilities) {
            super("version " + version + " of " + subject + " is refused: "
                    + incompatibilities.stream().map(i -> i.direction() + " " + i.reason()).collect(Collectors.joining("; ")));
            this.incompatibilities = List.copyOf(incompatibilities);
        }

        public List<Compatibility.Incompatibility> incompatibilities() {
            return incompatibilities;
        }
    }

    private final Compatibility compatibility;
    private final Map<String, List<JsonNode>> versions = new HashMap<>();
    private final Map<String, Compatibility.Mode> modes = new HashMap<>();

    public ContractRegistry(Compatibility compatibility) {
        this.compatibility = compatibility;
    }

    /** The compatibility a subject's new versions must keep (BACKWARD unless set). */
    public synchronized void setMode(String subject, Compatibility.Mode mode) {
        modes.put(subject, mode);
    }

    /**
     * Adds {@code schema} as the subject's next version and returns its number (1 for the first), or refuses it.
     *
     * @throws IncompatibleSchemaException when it breaks the subject's mode against the latest version
     */
    public synchronized int register(String subject, JsonNode schema) {
        List<JsonNode> existing = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!existing.isEmpty()) {
            Compatibility.Mode mode = modes.getOrDefault(subject, Compatibility.Mode.BACKWARD);
            List<Compatibility.Incompatibility> problems = compatibility.check(existing.get(existing.size() - 1), schema, mode);
            if (!problems.isEmpty()) {
                throw new IncompatibleSchemaException(subject, existing.size() + 1, problems);
            }
        }
        existing.add(schema);
        return existing.size();
    }

    /** The latest version of a subject. */
    public synchronized JsonNode latest(String subject) {
        List<JsonNode> existing = versions.get(subject);
        if (existing == null || existing.isEmpty()) {
            throw new IllegalArgumentException("no schema registered for " + subject);
        }
        return existing.get(existing.size() - 1);
    }
}
