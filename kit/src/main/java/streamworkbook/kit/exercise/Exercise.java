package streamworkbook.kit.exercise;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a verification test class or method with the exercise it checks, such as {@code @Exercise("1.2")}.
 * The progress summary counts an exercise done when every test marked with it passed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Exercise {
    String value();
}
