package org.ksmstudio.patch.example.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.PatchJars;
import org.ksmstudio.engine.policy.SharingPolicies;

/**
 * The example patch of docs/patches.md, built with the documented javac and jar commands against
 * the engine jar, loaded from its jar as {@code --patches} does, and compared with stock.
 */
class ExamplePatchTest {
    @TempDir
    static Path work;

    @BeforeAll
    static void buildAndLoad() throws Exception {
        Path jar = PatchBuild.jar(work.resolve("example"), PatchBuild.exampleSource(), "org.example.VolatileTwicePatch");
        assertEquals(List.of("volatile-twice"), PatchJars.load(jar));
    }

    @Test
    void theJarsPatchIsFoundByNameAndIsANewInstancePerRun() {
        assertTrue(SharingPolicies.byName("volatile-twice") instanceof KsmPatch);
        assertTrue(SharingPolicies.byName("volatile-twice") != SharingPolicies.byName("volatile-twice"));
        assertEquals("org.example.VolatileTwicePatch", SharingPolicies.byName("volatile-twice").getClass().getName());
    }

    @Test
    void pagesMergeOneFullScanLaterThanStockWithTheDefaultOfTwoScans() {
        KsmSimulation stock = KsmSimulation.create(TestScenarios.duplicates("stock", 4, 500));
        KsmSimulation patched = KsmSimulation.create(TestScenarios.duplicates("volatile-twice", 4, 500));
        for (int scan = 1; scan <= 2; scan++) {
            stock.stepFullScan();
            patched.stepFullScan();
        }
        assertTrue(stock.snapshot().counters().pagesSharing() > 0, "stock merges at the second scan");
        KsmCounters c = patched.snapshot().counters();
        assertEquals(0, c.pagesSharing(), "the patch waits one more scan");
        assertEquals(2000, c.value("pages_held_back"));
        patched.stepFullScan();
        stock.stepFullScan();
        assertEquals(stock.snapshot().counters().pagesSharing(), patched.snapshot().counters().pagesSharing());
    }

    @Test
    void itsTunableIsSetFromTheSpecificationAndBySysfs() {
        KsmSimulation sim = KsmSimulation.create(TestScenarios.duplicates("volatile-twice:volatile_scans=1", 2, 100));
        assertEquals("1", sim.readSysfs("volatile_scans"));
        sim.stepFullScan();
        sim.stepFullScan();
        assertTrue(sim.snapshot().counters().pagesSharing() > 0, "volatile_scans=1 is stock");
        assertTrue(sim.writeSysfs("volatile_scans", "3").ok());
        assertEquals("volatile_scans = 0: EINVAL (must be 1..100)", sim.writeSysfs("volatile_scans", "0").message());
    }

    @Test
    void aJarThatIsNoJarOrHasNoPatchOrATakenNameIsOneLine() throws Exception {
        Path notJar = Files.writeString(work.resolve("broken.jar"), "not a zip");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PatchJars.load(notJar));
        assertTrue(e.getMessage().startsWith("patches " + notJar + ": not a jar"), e.getMessage());
        Path empty = Files.createDirectories(work.resolve("empty"));
        e = assertThrows(IllegalArgumentException.class, () -> PatchJars.load(empty));
        assertEquals("patches " + empty + ": no .jar file in this folder", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PatchJars.load(work.resolve("missing")));
        assertEquals("patches " + work.resolve("missing") + ": no such jar or folder", e.getMessage());
        Path again = PatchBuild.jar(work.resolve("again"), PatchBuild.exampleSource(), "org.example.VolatileTwicePatch");
        e = assertThrows(IllegalArgumentException.class, () -> PatchJars.load(again));
        assertTrue(e.getMessage().contains("is named 'volatile-twice', which is taken"), e.getMessage());
        String noServices = "package org.example; public class Nothing {}";
        Path plain = PatchBuild.jar(work.resolve("plain"), noServices, "org.example.Nothing");
        e = assertThrows(IllegalArgumentException.class, () -> PatchJars.load(plain));
        assertTrue(e.getMessage().contains("org.example.Nothing"), e.getMessage());
    }
}
