package streamworkbook.chdb;

import java.nio.file.Path;
import streamworkbook.chdb.engine.SignalChaining;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM that tests start: this JVM's java and class path, with native access
 * enabled for JNA — as kit starts {@code ChdbServerMain}. Without the flag Java 22+ prints a
 * "restricted method" warning to stderr when JNA loads libchdb (Java 17 accepts the flag too).
 * {@link #builder} also preloads the JDK's libjsig, as kit does ({@link SignalChaining}).
 */
public final class ForkedJvm {

    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private ForkedJvm() {
    }

    /** {@code java <jvmOptions> --enable-native-access=ALL-UNNAMED -cp <class path> <mainClass> <args>}. */
    public static List<String> command(List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(NATIVE_ACCESS);
        if (System.getProperty("chdb.lib") != null) {
            command.add("-Dchdb.lib=" + System.getProperty("chdb.lib"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** A process builder for {@link #command}, with the environment a JVM that loads chDB needs. */
    public static ProcessBuilder builder(List<String> jvmOptions, Class<?> mainClass, String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(jvmOptions, mainClass, args));
        builder.environment().putAll(SignalChaining.launchEnvironment());
        return builder;
    }
}
