package streamworkbook.chdb.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.chdb.ForkedJvm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChdbLibraryTest {

    @Test
    void anExplicitLibraryMustExist(@TempDir Path dir) throws Exception {
        ChdbUnavailableException e = assertThrows(ChdbUnavailableException.class,
                () -> ChdbLibrary.resolve(dir.resolve("missing.so").toString(), dir));
        assertEquals("CHDB_LIB (or -Dchdb.lib) is " + dir.resolve("missing.so")
                + ", which is not a file; point it at libchdb.so / libchdb.dylib or unset it", e.getMessage());
        Path lib = Files.createFile(dir.resolve("libchdb.so"));
        assertEquals(lib, ChdbLibrary.resolve(lib.toString(), dir.resolve("unused-cache")));
    }

    @Test
    void anUnpackedPackageInTheCacheIsUsedWithoutNpm(@TempDir Path cache) throws Exception {
        Path pkg = Files.createDirectories(cache.resolve(ChdbLibrary.VERSION).resolve("package"));
        Path lib = Files.createFile(pkg.resolve("libchdb.so"));
        Files.createFile(pkg.resolve("package.json"));
        assertEquals(lib, ChdbLibrary.resolve(null, cache));
        assertEquals(lib, ChdbLibrary.resolve("", cache));
    }

    @Test
    void thisPlatformHasAPackage() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        String expected = os.startsWith("Linux") ? "@chdb/lib-linux-x64-gnu"
                : arch.equals("aarch64") ? "@chdb/lib-darwin-arm64" : "@chdb/lib-darwin-x64";
        assertEquals(expected, ChdbLibrary.npmPackage());
    }

    /** Without a cached copy and without npm on the PATH the message says what to install. */
    @Test
    void missingNpmIsReportedWithWhatToInstall(@TempDir Path cache) throws Exception {
        ProcessBuilder pb = ForkedJvm.builder(List.of(), ResolveMain.class).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("CHDB_LIB");
        env.put("CHDB_CACHE", cache.toString());
        env.put("PATH", cache.resolve("no-bin").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        String version = ChdbLibrary.VERSION;
        assertTrue(output.startsWith("downloading chDB " + version + " (~170 MB) with npm into "
                + cache.resolve(version) + "\n"), output);
        assertTrue(output.contains("error: npm is needed once to fetch chDB " + version + " ("
                + ChdbLibrary.npmPackage() + "): install Node.js (it brings npm), or set CHDB_LIB to an existing"
                + " libchdb (npm could not be started: "), output);
        try (var left = Files.list(cache.resolve(version))) {
            assertEquals(".lock", left.map(f -> f.getFileName().toString()).reduce("", String::concat));
        }
        assertFalse(Files.exists(cache.resolve(version).resolve("package")));
    }
}
