package streamworkbook.kit.verify;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** Reads the framework's annotations of a test: on the method first, then its class, then enclosing classes. */
final class TestExercises {

    private TestExercises() {
    }

    static <A extends Annotation> Optional<A> find(Class<?> type, Method method, Class<A> annotation) {
        if (method != null && method.isAnnotationPresent(annotation)) {
            return Optional.of(method.getAnnotation(annotation));
        }
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (t.isAnnotationPresent(annotation)) {
                return Optional.of(t.getAnnotation(annotation));
            }
        }
        return Optional.empty();
    }

    /** The exercise a test (a method or class of the test plan) checks. */
    static Optional<Exercise> exerciseOf(TestSource source) {
        try {
            if (source instanceof MethodSource m) {
                return find(m.getJavaClass(), m.getJavaMethod(), Exercise.class);
            }
            if (source instanceof ClassSource c) {
                return find(c.getJavaClass(), null, Exercise.class);
            }
        } catch (RuntimeException | LinkageError e) {
            // a class that cannot be loaded says nothing about an exercise
        }
        return Optional.empty();
    }
}
