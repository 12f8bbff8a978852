package streamworkbook.week10.solutions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import streamworkbook.week10.Compatibility;

/**
 * Exercise 10.3, reference solution. Compatibility is one question asked in two directions: can a reader read
 * everything a writer may write? Backward asks it with the new schema reading, forward with the old one.
 */
public class SchemaCompatibility implements Compatibility {

    @Override
    public List<Incompatibility> check(JsonNode older, JsonNode newer, Mode mode) {
        List<Incompatibility> found = new ArrayList<>();
        for (Direction direction : mode.directions()) {
            boolean backward = direction == Direction.BACKWARD;
            found.addAll(canRead(new Shape(backward ? newer : older), new Shape(backward ? older : newer), direction));
        }
        return found;
    }

    private static List<Incompatibility> canRead(Shape reader, Shape writer, Direction direction) {
        List<Incompatibility> problems = new ArrayList<>();
        // what the reader cannot do without, the writer must always send
        for (String needed : reader.required) {
            if (reader.namesOf(needed).stream().noneMatch(writer.required::contains)) {
                problems.add(new Incompatibility(direction, "$." + needed, "$." + needed
                        + " is required by the reader, but data written with the writer's schema may lack it"));
            }
        }
        // everything the writer may send, the reader must accept
        for (Map.Entry<String, JsonNode> written : writer.properties.entrySet()) {
            String name = written.getKey();
            String readAs = reader.propertyFor(name);
            if (readAs == null) {
                if (!reader.open) {
                    problems.add(new Incompatibility(direction, "$." + name, "$." + name
                            + " may be written, but the reader's schema is closed and has no such property"));
                }
            } else if (!accepts(reader.properties.get(readAs), written.getValue())) {
                problems.add(new Incompatibility(direction, "$." + name, "$." + name + " is written as "
                        + kinds(written.getValue()) + ", which the reader's " + readAs + " (" + kinds(reader.properties.get(readAs))
                        + ") does not accept"));
            }
        }
        // an open writer may send anything else, under any name, with any value
        if (writer.open) {
            if (!reader.open) {
                problems.add(new Incompatibility(direction, "$", "$: the writer's schema is open (any other property),"
                        + " the reader's is closed"));
            }
            for (Map.Entry<String, JsonNode> declared : reader.properties.entrySet()) {
                boolean unknownToWriter = reader.namesOf(declared.getKey()).stream().noneMatch(writer.properties::containsKey);
                if (unknownToWriter && !kinds(declared.getValue()).isEmpty()) {
                    problems.add(new Incompatibility(direction, "$." + declared.getKey(), "$." + declared.getKey()
                            + " is new to the writer, whose open schema may already carry it with a value of another kind"));
                }
            }
        }
        return problems;
    }

    /** Whether every value a writer's property allows, the reader's property allows. */
    private static boolean accepts(JsonNode reader, JsonNode writer) {
        if (reader.has("const") && !reader.get("const").equals(writer.get("const"))) {
            return false;
        }
        Set<String> readerKinds = kinds(reader);
        if (readerKinds.isEmpty()) {
            return true;                               // no type: any value
        }
        Set<String> writerKinds = kinds(writer);
        if (writerKinds.isEmpty()) {
            return false;                              // the writer allows any value, the reader does not
        }
        for (String kind : writerKinds) {
            boolean within = readerKinds.contains(kind) || kind.equals("integer") && readerKinds.contains("number");
            if (!within) {
                return false;
            }
        }
        return true;
    }

    /** The JSON types a property allows: its {@code type} (a name or a list), or the type of its {@code const}; empty = any. */
    private static Set<String> kinds(JsonNode property) {
        Set<String> kinds = new HashSet<>();
        JsonNode type = property.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> kinds.add(t.asText()));
        } else if (type != null) {
            kinds.add(type.asText());
        } else if (property.has("const")) {
            JsonNode c = property.get("const");
            kinds.add(c.isTextual() ? "string" : c.isIntegralNumber() ? "integer" : c.isNumber() ? "number"
                    : c.isBoolean() ? "boolean" : c.isNull() ? "null" : c.isArray() ? "array" : "object");
        }
        return kinds;
    }

    /** The parts of an object schema that decide compatibility. */
    private static final class Shape {
        final Map<String, JsonNode> properties = new LinkedHashMap<>();
        final Set<String> required = new HashSet<>();
        final boolean open;

        Shape(JsonNode schema) {
            schema.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue()));
            schema.path("required").forEach(r -> required.add(r.asText()));
            open = !schema.has("additionalProperties") || schema.get("additionalProperties").asBoolean(true);
        }

        /** A property's own name and its aliases: the names a writer may have used for it. */
        List<String> namesOf(String property) {
            List<String> names = new ArrayList<>(List.of(property));
            JsonNode declared = properties.get(property);
            if (declared != null) {
                declared.path("x-aliases").forEach(a -> names.add(a.asText()));
            }
            return names;
        }

        /** The property that reads a writer's field of this name: the same name, or the one that has it as alias. */
        String propertyFor(String writtenName) {
            if (properties.containsKey(writtenName)) {
                return writtenName;
            }
            for (String property : properties.keySet()) {
                if (namesOf(property).contains(writtenName)) {
                    return property;
                }
            }
            return null;
        }
    }
}
