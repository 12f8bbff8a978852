package streamworkbook.week07.solutions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import streamworkbook.kit.shop.EventType;
import streamworkbook.week07.ContractCheck;
import streamworkbook.week07.Violation;

/** Exercise 7.3, reference solution: one compiled JSON Schema per event type, chosen by the record's type. */
public class SchemaContracts implements ContractCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    public SchemaContracts() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)   // draft 2020-12 treats "format" as a mere annotation by default
                .pathType(PathType.JSON_PATH)    // fields as $.quantity, as people write them
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        for (EventType type : EventType.values()) {
            String resource = "contracts/" + type.wireName() + ".schema.json";
            try (InputStream in = SchemaContracts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no contract " + resource + " on the classpath");
                }
                schemas.put(type, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public List<Violation> check(byte[] record) {
        JsonNode node;
        try {
            node = JSON.readTree(record);
        } catch (JsonProcessingException e) {
            return List.of(new Violation("$", "json", "not JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            return List.of(new Violation("$", "json", "not a JSON object"));
        }
        JsonNode type = node.get("type");
        if (type == null) {
            return List.of(new Violation("$.type", "required", "required property 'type' not found"));
        }
        EventType eventType = find(type.asText());
        if (eventType == null || !type.isTextual()) {
            return List.of(new Violation("$.type", "enum", "'" + type + "' is not an event type"));
        }
        return schemas.get(eventType).validate(node).stream().map(SchemaContracts::violation).toList();
    }

    private static EventType find(String wireName) {
        for (EventType t : EventType.values()) {
            if (t.wireName().equals(wireName)) {
                return t;
            }
        }
        return null;
    }

    /**
     * A missing or an unexpected property is reported at the object that should (not) have it; the field at
     * fault is the property itself.
     */
    private static Violation violation(Error error) {
        String at = error.getInstanceLocation().toString();
        boolean aboutAProperty = "required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword());
        String field = aboutAProperty && error.getProperty() != null ? at + "." + error.getProperty() : at;
        return new Violation(field, error.getKeyword(), field + ": " + error.getMessage());
    }
}
