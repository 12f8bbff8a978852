package streamworkbook.kit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.containers.ContainersProvider;
import streamworkbook.kit.infra.local.LocalProvider;

/** With kit-test on the classpath, as in every week's tests, both server providers are found by name. */
class ProvidersInstalledTest {

    @Test
    void localAndContainersAreFoundThroughTheServiceLoader() {
        assertInstanceOf(LocalProvider.class, Infra.named("local"));
        assertInstanceOf(ContainersProvider.class, Infra.named("containers"));
        // no Docker engine on the build machines: auto falls back to the local servers
        assertEquals(new ContainersProvider().usable() ? "containers" : "local", Infra.named("auto").name());
    }
}
