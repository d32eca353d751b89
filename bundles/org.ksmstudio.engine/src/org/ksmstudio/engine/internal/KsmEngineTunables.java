package org.ksmstudio.engine.internal;

import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.scenario.KsmTunables;

/** Writes a tunables record through sysfs in the order a start-up script would (run last). */
public final class KsmEngineTunables {
    private KsmEngineTunables() {
    }

    public static void apply(KsmEngine e, KsmTunables t) {
        write(e, "advisor_max_cpu", Long.toString(t.advisorMaxCpu()));
        write(e, "advisor_min_pages_to_scan", Long.toString(t.advisorMinPagesToScan()));
        write(e, "advisor_max_pages_to_scan", Long.toString(t.advisorMaxPagesToScan()));
        write(e, "advisor_target_scan_time", Long.toString(t.advisorTargetScanTime()));
        write(e, "advisor_mode", t.advisorMode().sysfsName());
        if (t.advisorMode() == org.ksmstudio.engine.scenario.AdvisorMode.NONE) {
            write(e, "pages_to_scan", Long.toString(t.pagesToScan()));
        }
        write(e, "sleep_millisecs", Long.toString(t.sleepMillisecs()));
        write(e, "merge_across_nodes", Integer.toString(t.mergeAcrossNodes()));
        write(e, "max_page_sharing", Integer.toString(t.maxPageSharing()));
        write(e, "stable_node_chains_prune_millisecs", Long.toString(t.stableNodeChainsPruneMillisecs()));
        write(e, "use_zero_pages", t.useZeroPages() ? "1" : "0");
        write(e, "smart_scan", t.smartScan() ? "1" : "0");
        write(e, "run", Integer.toString(t.run()));
    }

    private static void write(KsmEngine e, String file, String value) {
        SysfsResult r = e.writeSysfs(file, value);
        if (!r.ok()) {
            throw new org.ksmstudio.engine.scenario.ScenarioException("tunables." + file, value, r.message());
        }
    }
}
