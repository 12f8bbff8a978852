package streamworkbook.kit.verify;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a verification test class or method with the exercise it checks, such as {@code @Exercise("1.3")}.
 * The progress summary counts an exercise done when every test marked with it passed.
 *
 * <p>A test credits the exercise whose stub it exercises. Anything else it needs comes from the reference
 * solutions, except where the test is about two of the learner's pieces working together (a producer and a
 * consumer): it names the earlier one in {@link #needs()}. While a needed exercise is pending or failing, such
 * a test reports its own exercise as pending — "exercise 1.3 needs 1.2 first" — never as failing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Exercise {

    /** The exercise this test checks, such as "1.3". */
    String value();

    /** Earlier exercises of the learner's that this test runs too, such as {"1.2"}. */
    String[] needs() default {};
}
