package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.SysfsResult.Outcome;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/** The one table of /sys/kernel/mm/ksm: every row through the engine, and the table's own rules. */
class KsmSysfsFileTest {

    private static KsmSimulation idle() {
        return KsmSimulation.create(Scenarios.mixed(1, 1, 600, Layout.BLOCK, 10, 0, KsmTunables.DEFAULTS, 1));
    }

    /** A value the kernel accepts that differs from the default. */
    private static String other(KsmSysfsFile file) {
        String def = file.defaultValue().orElseThrow();
        if (file.isText()) {
            return "scan-time".equals(def) ? "none" : "scan-time";
        }
        if (file.isBoolean()) {
            return "1".equals(def) ? "0" : "1";
        }
        long n = Long.parseLong(def);
        return Long.toString(file.parse(Long.toString(n + 1)).ok() ? n + 1 : n - 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KsmSysfsFile.class)
    void everyRowRoundTripsThroughTheEngine(KsmSysfsFile file) {
        KsmSimulation sim = idle();
        String before = sim.readSysfs(file.fileName());
        if (!file.writable()) {
            assertEquals(Outcome.EACCES, sim.writeSysfs(file.fileName(), "1").outcome());
            assertEquals(before, sim.readSysfs(file.fileName()));
            file.toNumber(file.normalize(before));
            return;
        }
        assertEquals(file.defaultValue().orElseThrow(), file.normalize(before), "the engine starts at the default");
        String value = other(file);
        SysfsResult r = sim.writeSysfs(file.fileName(), value + "\n");
        assertTrue(r.ok(), r.message());
        assertEquals(value, file.normalize(sim.readSysfs(file.fileName())));
        assertEquals(file.parse(value).value(), sim.snapshot().counters().value(file));
        assertTrue(sim.writeSysfs(file.fileName(), file.defaultValue().orElseThrow()).ok());
        assertEquals(before, sim.readSysfs(file.fileName()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KsmSysfsFile.class)
    void everyRowHasItsDescription(KsmSysfsFile file) {
        assertFalse(file.meaning().isBlank());
        assertTrue(file.since().matches("[2-9]\\.[0-9]+(\\.[0-9]+)?"), file.since());
        assertFalse(file.range().isBlank());
        assertEquals(file, KsmSysfsFile.byName(file.fileName()).orElseThrow());
        if (file.writable()) {
            String def = file.defaultValue().orElseThrow();
            assertTrue(file.parse(def).ok(), file + " default " + def);
            assertEquals(def, KsmTunables.DEFAULTS.written(file), "KsmTunables.DEFAULTS");
            assertTrue(file.parse("bogus").outcome() == Outcome.EINVAL, file + " takes 'bogus'");
        } else {
            assertTrue(file.defaultValue().isEmpty());
            assertEquals(Outcome.EACCES, file.parse("0").outcome());
        }
    }

    @Test
    void writeOrderIsOneTheKernelAccepts() {
        List<KsmSysfsFile> order = KsmSysfsFile.writeOrder();
        assertEquals(13, order.size());
        assertEquals(KsmSysfsFile.RUN, order.get(order.size() - 1), "run last");
        assertTrue(order.get(0).busyWhileShared() && order.get(1).busyWhileShared(), "EBUSY files first");
        assertTrue(order.indexOf(KsmSysfsFile.PAGES_TO_SCAN) < order.indexOf(KsmSysfsFile.ADVISOR_MODE),
                "pages_to_scan before the advisor may be switched on");
        for (KsmSysfsFile limit : List.of(KsmSysfsFile.ADVISOR_MAX_CPU, KsmSysfsFile.ADVISOR_MIN_PAGES_TO_SCAN,
                KsmSysfsFile.ADVISOR_MAX_PAGES_TO_SCAN, KsmSysfsFile.ADVISOR_TARGET_SCAN_TIME)) {
            assertTrue(order.indexOf(limit) < order.indexOf(KsmSysfsFile.ADVISOR_MODE), limit + " before advisor_mode");
        }
        assertEquals(11, KsmSysfsFile.counters().size());
    }

    @Test
    void rulesGiveTheKernelsErrnos() {
        assertEquals(Outcome.EINVAL, KsmSysfsFile.RUN.parse("3").outcome());
        assertEquals("must be 0, 1 or 2", KsmSysfsFile.RUN.parse("3").reason());
        assertEquals(Outcome.EINVAL, KsmSysfsFile.PAGES_TO_SCAN.parse("4294967296").outcome(), "kstrtouint: EINVAL");
        assertEquals(Outcome.ERANGE, KsmSysfsFile.MERGE_ACROSS_NODES.parse("99999999999999999999").outcome(),
                "kstrtoul returns ERANGE");
        assertEquals(Outcome.EINVAL, KsmSysfsFile.MERGE_ACROSS_NODES.parse("2").outcome());
        assertEquals(Outcome.ERANGE, KsmSysfsFile.MAX_PAGE_SHARING.parse("2147483648").outcome(), "kstrtoint");
        assertEquals(Outcome.EINVAL, KsmSysfsFile.MAX_PAGE_SHARING.parse("1").outcome());
        assertEquals(2, KsmSysfsFile.MAX_PAGE_SHARING.parse("+2\n").value(), "a '+' and one newline are taken");
        assertEquals(Outcome.EINVAL, KsmSysfsFile.SLEEP_MILLISECS.parse("20\n\n").outcome());
        assertEquals(1, KsmSysfsFile.SMART_SCAN.parse("on").value());
        assertEquals(0, KsmSysfsFile.USE_ZERO_PAGES.parse("N").value());
        assertEquals(1, KsmSysfsFile.ADVISOR_MODE.parse("scan-time\n").value());
        assertEquals(Outcome.EINVAL, KsmSysfsFile.ADVISOR_TARGET_SCAN_TIME.parse("0").outcome());
        assertEquals(Outcome.EINVAL, KsmSysfsFile.PAGES_TO_SCAN.check("100", 100, true, () -> false).outcome(),
                "pages_to_scan under the scan-time advisor");
        assertEquals(Outcome.EBUSY, KsmSysfsFile.MAX_PAGE_SHARING.check("10", 256, false, () -> true).outcome());
        assertEquals(Outcome.OK, KsmSysfsFile.MAX_PAGE_SHARING.check("256", 256, false, () -> true).outcome(),
                "the same value is no change");
        assertEquals(Outcome.EINVAL, KsmSysfsFile.MAX_PAGE_SHARING.check("1", 256, false, () -> true).outcome(),
                "EINVAL is tested before EBUSY");
        assertEquals(Outcome.OK, KsmSysfsFile.SLEEP_MILLISECS.check("10", 20, true, () -> true).outcome());
        assertEquals("[none] scan-time", KsmSysfsFile.ADVISOR_MODE.print(0));
        assertEquals("none [scan-time]", KsmSysfsFile.ADVISOR_MODE.print(1));
        assertEquals("scan-time", KsmSysfsFile.ADVISOR_MODE.normalize("none [scan-time]\n"));
        assertNotEquals(KsmSysfsFile.RUN.range(), KsmSysfsFile.PAGES_TO_SCAN.range());
    }
}
