package streamworkbook.week10;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Exercise 10.3 — may a new version of a contract replace the old one? A reader can read a writer's data when every
 * record the writer's schema accepts, the reader's schema accepts too.
 *
 * <p>Schemas here are JSON Schemas of one flat object, as week 7's contracts are: {@code properties} (each with an
 * optional {@code type}: a name or a list of names; {@code const} is compared as a value), {@code required}, and
 * {@code additionalProperties} ({@code false}: closed, only the listed properties; absent or {@code true}: open, any
 * other property with any value). A reader's property may name older names of itself in {@code x-aliases}: a writer's
 * property of such a name is the same field. Other keywords (formats, bounds, patterns) are outside this check.
 *
 * <p>See week10-quality/README.md, section 10.3.
 */
public interface Compatibility {

    /** Who must be able to read what. */
    enum Direction {
        /** Consumers using the new schema read data written with the old one: reader = new, writer = old. */
        BACKWARD,
        /** Consumers using the old schema read data written with the new one: reader = old, writer = new. */
        FORWARD
    }

    /** What a registry may require of a new version. */
    enum Mode {
        BACKWARD(Direction.BACKWARD), FORWARD(Direction.FORWARD), FULL(Direction.BACKWARD, Direction.FORWARD);

        private final List<Direction> directions;

        Mode(Direction... directions) {
            this.directions = List.of(directions);
        }

        /** The directions this mode checks. */
        public List<Direction> directions() {
            return directions;
        }
    }

    /**
     * One reason a reader cannot read a writer's data.
     *
     * @param direction the direction in which it breaks
     * @param field     the field concerned as a JSON path ({@code $.quantity}), or {@code $} for the object itself
     * @param reason    for a person; it names the field
     */
    record Incompatibility(Direction direction, String field, String reason) {
    }

    /**
     * Every incompatibility of {@code newer} with {@code older} in the directions of {@code mode}; none when the
     * change is allowed. Per direction, with reader R and writer W, exactly one incompatibility per case:
     * <ol>
     *   <li>a property R requires that W does not require (neither under its name nor under one of its
     *       {@code x-aliases} in R): at R's property;</li>
     *   <li>a property W declares that R has (by name or alias) but whose values R does not accept: one of W's types
     *       is not among R's ({@code integer} is within {@code number}; a {@code const} has the type of its value;
     *       a property with neither type nor const takes any value, which only a reader property with neither
     *       accepts), or R has a {@code const} and W not the same one: at W's property;</li>
     *   <li>a property W declares that R does not have, while R is closed: at W's property;</li>
     *   <li>W is open and R is closed: at {@code $};</li>
     *   <li>W is open and R declares a property W does not (by name or alias) with a type: at R's property (W's data
     *       may already carry that name with a value of any kind).</li>
     * </ol>
     * Order does not matter.
     */
    List<Incompatibility> check(JsonNode older, JsonNode newer, Mode mode);
}
