package org.ksmstudio.engine.internal;

import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.SysfsResult.Outcome;
import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.ScenarioException;

/**
 * The files of /sys/kernel/mm/ksm on an engine: writes with the kernel's parsing and outcomes
 * (EINVAL out of range, ERANGE, EBUSY for max_page_sharing and merge_across_nodes while pages are
 * shared, EACCES for counters, ENOENT), reads as the kernel prints them, and a tunables record
 * written at start-up.
 */
final class KsmSysfs {
    private static final long UINT_MAX = 0xffff_ffffL;

    private KsmSysfs() {
    }

    /** Writes a tunables record through sysfs in the order a start-up script would (run last). */
    static void apply(KsmEngine e, KsmTunables t) {
        applyOne(e, "advisor_max_cpu", Long.toString(t.advisorMaxCpu()));
        applyOne(e, "advisor_min_pages_to_scan", Long.toString(t.advisorMinPagesToScan()));
        applyOne(e, "advisor_max_pages_to_scan", Long.toString(t.advisorMaxPagesToScan()));
        applyOne(e, "advisor_target_scan_time", Long.toString(t.advisorTargetScanTime()));
        applyOne(e, "advisor_mode", t.advisorMode().sysfsName());
        if (t.advisorMode() == AdvisorMode.NONE) {
            applyOne(e, "pages_to_scan", Long.toString(t.pagesToScan()));
        }
        applyOne(e, "sleep_millisecs", Long.toString(t.sleepMillisecs()));
        applyOne(e, "merge_across_nodes", Integer.toString(t.mergeAcrossNodes()));
        applyOne(e, "max_page_sharing", Integer.toString(t.maxPageSharing()));
        applyOne(e, "stable_node_chains_prune_millisecs", Long.toString(t.stableNodeChainsPruneMillisecs()));
        applyOne(e, "use_zero_pages", t.useZeroPages() ? "1" : "0");
        applyOne(e, "smart_scan", t.smartScan() ? "1" : "0");
        applyOne(e, "run", Integer.toString(t.run()));
    }

    private static void applyOne(KsmEngine e, String file, String value) {
        SysfsResult r = write(e, file, value);
        if (!r.ok()) {
            throw new ScenarioException("tunables." + file, value, r.message());
        }
    }

    /** Writes a /sys/kernel/mm/ksm file with the kernel's parsing and outcomes. */
    static SysfsResult write(KsmEngine e, String file, String value) {
        String v = value == null ? "" : value;
        return switch (file) {
            case "run" -> writeRun(e, file, v);
            case "pages_to_scan" -> {
                if (e.advisor != AdvisorMode.NONE) {
                    yield fail(Outcome.EINVAL, file, v, "advisor_mode is not none");
                }
                long n = SysfsParse.parseUnsigned(v, UINT_MAX);
                if (n < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not an unsigned int");
                }
                e.pagesToScan = n;
                yield ok(file, v);
            }
            case "sleep_millisecs" -> {
                long n = SysfsParse.parseUnsigned(v, UINT_MAX);
                if (n < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not an unsigned int");
                }
                boolean changed = n != e.sleepMillisecs;
                e.sleepMillisecs = n;
                if (changed) {
                    e.clock.interruptSleep();
                }
                yield ok(file, v);
            }
            case "merge_across_nodes" -> writeMergeAcrossNodes(e, file, v);
            case "max_page_sharing" -> writeMaxPageSharing(e, file, v);
            case "stable_node_chains_prune_millisecs" -> {
                long n = SysfsParse.parseUnsigned(v, UINT_MAX);
                if (n < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not an unsigned int");
                }
                e.pruneMillisecs = n;
                yield ok(file, v);
            }
            case "use_zero_pages", "smart_scan" -> {
                int b = SysfsParse.parseBool(v);
                if (b < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not a boolean");
                }
                if (file.equals("use_zero_pages")) {
                    e.useZeroPages = b == 1;
                } else {
                    e.smartScan = b == 1;
                }
                yield ok(file, v);
            }
            case "advisor_mode" -> {
                String t = SysfsParse.stripNewline(v);
                AdvisorMode m = t.equals("scan-time") ? AdvisorMode.SCAN_TIME
                        : t.equals("none") ? AdvisorMode.NONE : null;
                if (m == null) {
                    yield fail(Outcome.EINVAL, file, v, "must be none or scan-time");
                }
                if (m != e.advisor) {
                    e.advisor = m;
                    if (m == AdvisorMode.NONE) {
                        e.pagesToScan = 100;
                    } else {
                        e.advStartScan = 0;
                        e.advContext = ScanTimeAdvisor.Context.ZERO;
                        e.pagesToScan = e.advisorMinPages & UINT_MAX;
                    }
                }
                yield ok(file, v);
            }
            case "advisor_max_cpu", "advisor_min_pages_to_scan", "advisor_max_pages_to_scan" -> {
                long n = SysfsParse.parseUnsigned(v, -1L);
                if (n == -2) {
                    yield fail(Outcome.ERANGE, file, v, "out of range");
                }
                if (n < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not an unsigned long");
                }
                switch (file) {
                    case "advisor_max_cpu" -> e.advisorMaxCpu = n & UINT_MAX;
                    case "advisor_min_pages_to_scan" -> e.advisorMinPages = n;
                    default -> e.advisorMaxPages = n;
                }
                yield ok(file, v);
            }
            case "advisor_target_scan_time" -> {
                long n = SysfsParse.parseUnsigned(v, -1L);
                if (n < 1) {
                    yield fail(Outcome.EINVAL, file, v, "must be >= 1");
                }
                e.advisorTarget = n;
                yield ok(file, v);
            }
            case "pages_scanned", "pages_shared", "pages_sharing", "pages_unshared", "pages_volatile",
                    "pages_skipped", "ksm_zero_pages", "full_scans", "stable_node_chains", "stable_node_dups",
                    "general_profit" -> fail(Outcome.EACCES, file, v, "read-only");
            default -> fail(Outcome.ENOENT, file, v, "no such file in /sys/kernel/mm/ksm");
        };
    }

    private static SysfsResult ok(String file, String value) {
        return new SysfsResult(Outcome.OK, file, value, "");
    }

    private static SysfsResult fail(Outcome o, String file, String value, String why) {
        return new SysfsResult(o, file, value, file + " = " + value + ": " + o + " (" + why + ")");
    }

    private static SysfsResult writeRun(KsmEngine e, String file, String v) {
        long flagsValue = SysfsParse.parseUnsigned(v, UINT_MAX);
        if (flagsValue < 0 || flagsValue > 2) {
            return fail(Outcome.EINVAL, file, v, "must be 0, 1 or 2");
        }
        int nv = (int) flagsValue;
        if (e.run != nv) {
            e.run = nv;
            if ((nv & 2) != 0) {
                e.unmergeAndRemoveAllRmapItems();
            }
        }
        if ((nv & 1) != 0) {
            e.wakeThreadWait();
        } else if (!e.shouldRun()) {
            // ksmd finishes its sleep, finds nothing to do and waits
            e.clock.waitForWork();
        }
        return ok(file, v);
    }

    private static SysfsResult writeMergeAcrossNodes(KsmEngine e, String file, String v) {
        long knob = SysfsParse.parseUnsigned(v, -1L);
        if (knob == -2) {
            return fail(Outcome.ERANGE, file, v, "out of range");
        }
        if (knob < 0 || knob > 1) {
            return fail(Outcome.EINVAL, file, v, "must be 0 or 1");
        }
        if (e.mergeAcrossNodes != knob) {
            if (e.pagesShared != 0 || e.stable.removeAllStableNodes()) {
                return fail(Outcome.EBUSY, file, v, "pages are shared");
            }
            e.mergeAcrossNodes = (int) knob;
        }
        return ok(file, v);
    }

    private static SysfsResult writeMaxPageSharing(KsmEngine e, String file, String v) {
        long knob = SysfsParse.parseSigned(v);
        if (knob == Long.MIN_VALUE) {
            return fail(Outcome.EINVAL, file, v, "not an int");
        }
        if (knob > Integer.MAX_VALUE || knob < Integer.MIN_VALUE) {
            return fail(Outcome.ERANGE, file, v, "out of range");
        }
        if (knob < 2) {
            return fail(Outcome.EINVAL, file, v, "must be >= 2");
        }
        if (e.maxPageSharing == knob) {
            return ok(file, v);
        }
        if (e.pagesShared != 0 || e.stable.removeAllStableNodes()) {
            return fail(Outcome.EBUSY, file, v, "pages are shared");
        }
        e.maxPageSharing = (int) knob;
        return ok(file, v);
    }

    /** Reads a /sys/kernel/mm/ksm file as the kernel prints it (without the newline). */
    static String read(KsmEngine e, String file) {
        String v = e.counters().asSysfsMap().get(file);
        if (v == null) {
            throw new IllegalArgumentException("file = " + file + ": no such file in /sys/kernel/mm/ksm");
        }
        return v;
    }
}
