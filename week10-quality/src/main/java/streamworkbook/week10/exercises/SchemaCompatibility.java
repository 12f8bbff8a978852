package streamworkbook.week10.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week10.Compatibility;

/**
 * Exercise 10.3 — decide whether a new version of a contract may replace the old one, and say which field breaks.
 *
 * @see Compatibility the contract
 * @see <a href="../../../../../../README.md#103-schema-compatibility">week10-quality/README.md#103-schema-compatibility</a>
 */
public class SchemaCompatibility implements Compatibility {

    @Override
    public List<Incompatibility> check(JsonNode older, JsonNode newer, Mode mode) {
        throw new NotImplementedYet("10.3");
    }
}
