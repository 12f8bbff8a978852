package streamworkbook.chdb.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds {@code libchdb} (ClickHouse built as a shared library), fetching it once if needed.
 *
 * <p>Order: {@code -Dchdb.lib} or {@code CHDB_LIB} naming the file; else the cache
 * {@code ${CHDB_CACHE:-~/.cache/stream-workbook/chdb}/<version>/package/libchdb.*}; else the
 * platform's npm package ({@code @chdb/lib-<platform>}) is fetched with the ordinary npm client
 * ({@code npm pack}) into that cache and unpacked. A lock file in the cache directory makes
 * concurrent JVMs wait for one download instead of racing.
 */
public final class ChdbLibrary {

    /** The chDB release this module is built and tested against. */
    public static final String VERSION = "26.5.3";

    private static final Logger log = LoggerFactory.getLogger(ChdbLibrary.class);
    private static final long NPM_TIMEOUT_MINUTES = 30;

    private ChdbLibrary() {
    }

    /** Path of a loadable libchdb; throws {@link ChdbUnavailableException} saying what to install or set. */
    public static Path resolve() {
        return resolve(System.getProperty("chdb.lib", System.getenv("CHDB_LIB")), cacheRoot());
    }

    /** {@link #resolve()} with the explicit library path (may be null) and the cache root given. */
    static synchronized Path resolve(String explicit, Path cacheRoot) {
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new ChdbUnavailableException("CHDB_LIB (or -Dchdb.lib) is " + explicit
                        + ", which is not a file; point it at libchdb.so / libchdb.dylib or unset it");
            }
            return path;
        }
        Path versionDir = cacheRoot.resolve(VERSION);
        Path found = findIn(versionDir.resolve("package"));
        if (found != null) {
            return found;
        }
        return download(versionDir);
    }

    static Path cacheRoot() {
        String cache = System.getenv("CHDB_CACHE");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "stream-workbook", "chdb");
    }

    /** The npm package holding libchdb for this OS and CPU. */
    static String npmPackage() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux") && x64) {
            return "@chdb/lib-linux-x64-gnu";
        }
        if (os.contains("mac") && arm64) {
            return "@chdb/lib-darwin-arm64";
        }
        if (os.contains("mac") && x64) {
            return "@chdb/lib-darwin-x64";
        }
        throw new ChdbUnavailableException("chDB " + VERSION + " has no prebuilt library for " + os + "/" + arch
                + " (there are builds for Linux x86-64 with glibc, macOS arm64 and macOS x86-64);"
                + " build libchdb yourself and set CHDB_LIB to it, or use the Docker provider");
    }

    private static Path download(Path versionDir) {
        String pkg = npmPackage();
        try {
            Files.createDirectories(versionDir);
            try (FileChannel channel = FileChannel.open(versionDir.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock(); // waits while another JVM downloads
                try {
                    // that other JVM may have finished the download while this one waited
                    Path found = findIn(versionDir.resolve("package"));
                    return found != null ? found : fetch(versionDir, pkg);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new ChdbUnavailableException("cannot fetch chDB " + VERSION + " into " + versionDir + ": " + e, e);
        }
    }

    /** {@code npm pack} the package into a scratch directory, unpack it, move it into place. */
    private static Path fetch(Path versionDir, String pkg) throws IOException {
        // straight to stderr, not through a logger whose level may hide it: a first run can take minutes here
        System.err.println("downloading chDB " + VERSION + " (~170 MB) with npm into " + versionDir);
        Path work = Files.createTempDirectory(versionDir, "download-");
        try {
            run(work, List.of("npm", "pack", "--silent", pkg + "@" + VERSION),
                    "npm is needed once to fetch chDB " + VERSION + " (" + pkg + "): install Node.js"
                            + " (it brings npm), or set CHDB_LIB to an existing libchdb");
            Path tarball = only(work, "*.tgz");
            run(work, List.of("tar", "xzf", tarball.getFileName().toString()), "tar is needed to unpack " + tarball);
            Path unpacked = work.resolve("package");
            if (findIn(unpacked) == null) {
                throw new ChdbUnavailableException(pkg + "@" + VERSION + " holds no libchdb.* file");
            }
            // the rename makes the package visible all at once: a half-unpacked library is never found
            Files.move(unpacked, versionDir.resolve("package"), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(work);
        }
        return findIn(versionDir.resolve("package"));
    }

    private static void run(Path dir, List<String> command, String whenMissing) throws IOException {
        Path output = dir.resolve("command.log");
        Process process;
        try {
            // the child's output goes to a file: stdout of a server process carries only its ready line
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new ChdbUnavailableException(whenMissing + " (" + command.get(0) + " could not be started: "
                    + e.getMessage() + ")", e);
        }
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ChdbUnavailableException(String.join(" ", command) + " did not finish in "
                        + NPM_TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ChdbUnavailableException("interrupted while running " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            String text = Files.readString(output).strip();
            throw new ChdbUnavailableException(String.join(" ", command) + " failed with exit code "
                    + process.exitValue() + (text.isEmpty() ? "" : ": " + text));
        }
    }

    /** The libchdb file in an unpacked npm package (libchdb.so on Linux; whatever libchdb.* macOS ships). */
    private static Path findIn(Path packageDir) {
        if (!Files.isDirectory(packageDir)) {
            return null;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(packageDir, "libchdb.*")) {
            List<Path> candidates = new ArrayList<>();
            files.forEach(candidates::add);
            candidates.sort(Comparator.comparing(Path::toString));
            return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path only(Path dir, String glob) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path file : files) {
                return file;
            }
        }
        throw new ChdbUnavailableException("npm pack produced no " + glob + " in " + dir);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {}: {}", root, e.toString());
        }
    }
}
