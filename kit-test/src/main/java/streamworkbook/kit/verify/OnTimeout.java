package streamworkbook.kit.verify;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What to tell a learner whose code made this test time out, such as
 * {@code @OnTimeout("is your source bounded? A test job must end: setBounded(OffsetsInitializer.latest())")}.
 * Without it the learner gets a general hint about code that waits for something that never comes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OnTimeout {
    String value();
}
