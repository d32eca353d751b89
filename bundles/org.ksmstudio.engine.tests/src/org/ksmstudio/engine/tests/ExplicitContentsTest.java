package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.Volatility;

/** Explicit per-page content ids (captured regions) and their sidecar file. */
class ExplicitContentsTest {

    @TempDir
    Path temp;

    private static final KsmTunables FAST = KsmTunables.DEFAULTS.withRun(1).withPagesToScan(1000).withSleepMillisecs(10);

    /** ids of 10 contents x 20 copies (block), 50 unique, 30 zero pages; {@code first} is the first id used. */
    private static int[] ids(int first) {
        int[] ids = new int[280];
        for (int i = 0; i < 200; i++) {
            ids[i] = first + i / 20;
        }
        for (int i = 200; i < 250; i++) {
            ids[i] = first + 10 + i;
        }
        return ids;
    }

    private static KsmCounters converged(List<List<ContentGroup>> regions) {
        Scenario.Builder b = Scenario.builder().name("explicit").tunables(FAST)
                .run(new RunSettings(Duration.ZERO, true, 1, "stock", Duration.ofMillis(100)));
        for (int i = 0; i < regions.size(); i++) {
            b.process(ProcessSpec.of(100 + i, "p" + i,
                    new MergeableRegion("r", MergeMode.MADV_MERGEABLE, regions.get(i), Volatility.NONE)));
        }
        KsmSimulation sim = KsmSimulation.create(b.build());
        assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
        return sim.snapshot().counters();
    }

    @Test
    void explicitIdsMergeLikeTheGeneratedGroupsOfTheSameStructure() {
        List<ContentGroup> generated = List.of(ContentGroup.duplicates(10, 20, Layout.BLOCK), ContentGroup.unique(50),
                ContentGroup.zero(30));
        // the second process's unique pages differ from the first's; its repeated ones are equal
        int[] second = ids(1);
        for (int i = 200; i < 250; i++) {
            second[i] += 1000;
        }
        KsmCounters explicit = converged(List.of(List.of(ContentGroup.explicit(PageContentIds.of(ids(1)), "cap")),
                List.of(ContentGroup.explicit(PageContentIds.of(second), "cap"))));
        KsmCounters groups = converged(List.of(generated, generated));
        assertEquals(groups.pagesShared(), explicit.pagesShared());
        assertEquals(groups.pagesSharing(), explicit.pagesSharing());
        assertEquals(groups.pagesUnshared(), explicit.pagesUnshared());
        assertEquals(11, explicit.pagesShared(), "10 repeated contents and the zero page content");
        assertEquals(2 * 200 + 2 * 30 - 11, explicit.pagesSharing());
    }

    @Test
    void sidecarRoundTripsAndIsSmall() throws IOException {
        int pages = 1 << 20;
        int[] a = new int[pages];
        for (int i = 0; i < pages; i++) {
            a[i] = i % 3 == 0 ? 0 : 1 + (int) ((i * 2654435761L) % 200_000);
        }
        Map<String, PageContentIds> streams = new LinkedHashMap<>();
        streams.put("100/heap@7f00", PageContentIds.of(a));
        streams.put("101/heap@7f00", PageContentIds.of(ids(1)));
        streams.put("empty", PageContentIds.of(new int[0]));
        Path file = temp.resolve("s.ksm.pages");
        ContentIdsFile.write(file, streams);
        assertEquals(streams, ContentIdsFile.read(file));
        assertTrue(Files.size(file) < 4L * pages, "bytes: " + Files.size(file));
    }

    @Test
    void aDamagedOrForeignSidecarIsOneClearLine() throws IOException {
        Path file = temp.resolve("s.ksm.pages");
        ContentIdsFile.write(file, Map.of("r", PageContentIds.of(ids(1))));
        byte[] bytes = Files.readAllBytes(file);

        byte[] flipped = bytes.clone();
        flipped[bytes.length - 3] ^= 0x55;
        Files.write(file, flipped);
        String damaged = assertThrows(IOException.class, () -> ContentIdsFile.read(file)).getMessage();
        assertTrue(damaged.startsWith(file + ": "), damaged);
        assertTrue(!damaged.contains("\n"));

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(file + ": cut short (the file is truncated)",
                assertThrows(IOException.class, () -> ContentIdsFile.read(file)).getMessage());

        byte[] v2 = bytes.clone();
        ByteBuffer.wrap(v2).putInt(8, 2);
        Files.write(file, v2);
        assertEquals(file + ": page-contents version 2 is not known (this KSM Studio reads version 1)",
                assertThrows(IOException.class, () -> ContentIdsFile.read(file)).getMessage());

        for (int cut : new int[] { 10, 20 }) { // inside the header
            Files.write(file, java.util.Arrays.copyOf(bytes, cut));
            assertEquals(file + ": cut short (the file is truncated)",
                    assertThrows(IOException.class, () -> ContentIdsFile.read(file)).getMessage());
        }

        byte[] huge = bytes.clone();
        ByteBuffer.wrap(huge).putLong(16, Integer.MAX_VALUE * 4L);
        Files.write(file, huge);
        String claims = assertThrows(IOException.class, () -> ContentIdsFile.read(file)).getMessage();
        assertTrue(claims.startsWith(file + ": claims 8589934588 bytes of page data"), "never allocated: " + claims);

        byte[] garbage = bytes.clone();
        java.util.Arrays.fill(garbage, 24, garbage.length, (byte) 0xff);
        Files.write(file, garbage);
        String corrupt = assertThrows(IOException.class, () -> ContentIdsFile.read(file)).getMessage();
        assertTrue(corrupt.startsWith(file + ": corrupt compressed data (") && !corrupt.contains("null"), corrupt);

        Files.delete(file);
        Files.createDirectory(file);
        assertEquals(file + ": is a directory, not a page-contents file",
                assertThrows(IOException.class, () -> ContentIdsFile.read(file)).getMessage());
        Files.delete(file);
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ContentIdsFile.read(file));

        Files.writeString(file, "{\"json\": true}");
        assertEquals(file + ": not a KSM Studio page-contents file (it does not start with KSMPAGES)",
                assertThrows(IOException.class, () -> ContentIdsFile.read(file)).getMessage());
    }

    @Test
    void negativeIdsAndMissingIdsAreRefused() {
        assertThrows(ScenarioException.class, () -> PageContentIds.of(new int[] { 1, -2 }));
        assertThrows(ScenarioException.class, () -> new ContentGroup(ContentGroup.Kind.EXPLICIT, 0, 0, null, 5, null, null));
    }
}
