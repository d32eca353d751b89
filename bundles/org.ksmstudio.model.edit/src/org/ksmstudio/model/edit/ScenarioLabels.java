package org.ksmstudio.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAnnotation;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.model.CpuList;
import org.ksmstudio.model.ScenarioQueries;
import org.ksmstudio.model.scenario.CapturedContent;
import org.ksmstudio.model.scenario.Checkpoint;
import org.ksmstudio.model.scenario.Compaction;
import org.ksmstudio.model.scenario.CostModel;
import org.ksmstudio.model.scenario.Expectation;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.ForkProcess;
import org.ksmstudio.model.scenario.ForkTime;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.model.scenario.KvmGuest;
import org.ksmstudio.model.scenario.MemoryFailure;
import org.ksmstudio.model.scenario.MemoryPressure;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.MigratePages;
import org.ksmstudio.model.scenario.MovePages;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.PageRangeEvent;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.ProcessExit;
import org.ksmstudio.model.scenario.RepeatedContent;
import org.ksmstudio.model.scenario.RunMode;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.ScenarioPackage.Literals;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.Timeline;
import org.ksmstudio.model.scenario.TimelineEvent;
import org.ksmstudio.model.scenario.Topology;
import org.ksmstudio.model.scenario.UniquePages;
import org.ksmstudio.model.scenario.Workload;
import org.ksmstudio.model.scenario.WritePages;
import org.ksmstudio.model.scenario.ZeroPages;

/**
 * Labels of scenario objects as a kernel developer reads them at a glance: "Node 1 · 16 GiB ·
 * 8 CPUs", "max_page_sharing = 256", "echo 10 > max_page_sharing". Used by the item providers'
 * getText and by views that show tunables.
 */
public final class ScenarioLabels {

    private static final String UI = "http://www.ksmstudio.org/scenario/ui";
    private static final String SEP = " \u00b7 ";
    private static final Set<String> UNITS_NOT_SHOWN = Set.of("cpulist", "SLIT units", "fraction", "page");
    private static final KsmConfig KERNEL_DEFAULTS = ScenarioFactory.eINSTANCE.createKsmConfig();

    private ScenarioLabels() {
    }

    /** The label of a scenario object. */
    public static String text(Object object) {
        if (object instanceof Scenario s) {
            return s.getName().isEmpty() ? "Scenario" : s.getName();
        }
        if (object instanceof Topology t) {
            return "Topology" + SEP + t.getArchitecture().getLiteral() + SEP + plural(t.getCpuCount(), "CPU") + SEP
                    + plural(t.getNodes().size(), "node") + SEP + bytes(t.getPageSize()) + " pages";
        }
        if (object instanceof NumaNode n) {
            return "Node " + n.getId() + SEP + mib(n.getMemoryMiB()) + SEP + plural(cpuCount(n.getCpus()), "CPU");
        }
        if (object instanceof Workload w) {
            long pages = 0;
            for (Process p : w.getProcesses()) {
                for (MergeableRegion r : p.getRegions()) {
                    pages += r.getSizePages();
                }
            }
            return "Workload" + SEP + plural(w.getProcesses().size(), "process") + SEP + plural(pages, "page");
        }
        if (object instanceof KvmGuest g) {
            return "KVM guest " + g.getPid() + name(g.getName()) + SEP + "node " + g.getHomeNode() + SEP
                    + plural(g.getVcpus(), "vCPU") + (g.isActive() ? "" : SEP + "idle");
        }
        if (object instanceof Process p) {
            return "Process " + p.getPid() + name(p.getName()) + SEP + "node " + p.getHomeNode() + SEP
                    + plural(p.getRegions().size(), "region") + (p.isMemoryMerge() ? SEP + "PR_SET_MEMORY_MERGE" : "")
                    + (p.isActive() ? "" : SEP + "idle");
        }
        if (object instanceof Fork f) {
            String pids = ScenarioQueries.scenarioOf(f).filter(s -> s.getWorkload() != null)
                    .map(s -> ScenarioQueries.firstChildPid(s, f))
                    .map(first -> f.getCount() == 1 ? " (pid " + first + ")"
                            : " (pids " + first + "-" + (first + f.getCount() - 1) + ")")
                    .orElse("");
            return "Fork" + SEP + plural(f.getCount(), "child", "children") + pids + SEP
                    + (f.getWhen() == ForkTime.AFTER_FILL ? "after fill" : "before fill");
        }
        if (object instanceof MergeableRegion r) {
            long bytes = ScenarioQueries.scenarioOf(r).map(s -> (long) s.getTopology().getPageSize()).orElse(4096L)
                    * r.getSizePages();
            return "Region " + (r.getName().isEmpty() ? "(unnamed)" : r.getName()) + SEP + plural(r.getSizePages(), "page")
                    + " (" + bytes(bytes) + ")" + SEP + r.getAdvice().getLiteral()
                    + (r.getHugePages() > 0 ? SEP + plural(r.getHugePages(), "huge page") : "")
                    + (r.getPinnedPages() > 0 ? SEP + r.getPinnedPages() + " pinned" : "")
                    + (r.getWritesPerSecond() > 0 ? SEP + number(r.getWritesPerSecond()) + " writes/s" : "");
        }
        if (object instanceof RepeatedContent c) {
            return plural(c.getDistinct(), "content") + " \u00d7 " + plural(c.getCopies(), "copy", "copies") + SEP
                    + c.getLayout().getLiteral() + (c.getTag().isEmpty() ? "" : SEP + "tag " + c.getTag());
        }
        if (object instanceof UniquePages u) {
            return plural(u.getCount(), "unique page");
        }
        if (object instanceof CapturedContent c) {
            return "Captured " + plural(c.getPages(), "page") + SEP + plural(c.getDistinct(), "distinct content")
                    + SEP + "stream " + c.getStream();
        }
        if (object instanceof ZeroPages z) {
            return plural(z.getCount(), "zero page");
        }
        if (object instanceof KsmConfig k) {
            return ksm(k);
        }
        if (object instanceof CostModel c) {
            return "Cost model: " + c.getName();
        }
        if (object instanceof Timeline t) {
            return "Timeline" + SEP + plural(t.getEvents().size(), "event");
        }
        if (object instanceof TimelineEvent e) {
            return when(e) + event(e) + repeat(e);
        }
        if (object instanceof Expectation e) {
            return e.getCounter() + (e.getPid() == 0 ? "" : " of " + e.getPid()) + " = " + e.getValue();
        }
        if (object instanceof RunSettings r) {
            String length = r.getMode() == RunMode.FOR_DURATION ? "for " + millis(r.getDurationMillis())
                    : "until converged";
            return "Run " + (r.getName().isEmpty() ? "" : "'" + r.getName() + "' ") + SEP + length + SEP
                    + (r.getPolicies().isEmpty() ? "stock" : String.join(" vs ", r.getPolicies())) + SEP + "seed "
                    + r.getSeed();
        }
        return String.valueOf(object);
    }

    /** "max_page_sharing = 256": a tunable as its sysfs file shows it. */
    public static String tunable(KsmConfig config, EAttribute attribute) {
        return label(attribute) + " = " + value(config, config.eGet(attribute));
    }

    /**
     * What setting {@code feature} of {@code owner} to {@code value} does, as an undo label reads it:
     * "Set max_page_sharing = 128", "Set name = web", "Reset pages_to_scan" (for
     * {@link SetCommand#UNSET_VALUE}).
     */
    public static String setting(EObject owner, EStructuralFeature feature, Object value) {
        if (value == SetCommand.UNSET_VALUE) {
            return "Reset " + label(feature);
        }
        return "Set " + label(feature) + " = " + value(owner, value);
    }

    /** A value as sysfs shows it for tunables (booleans as 1 and 0), enum literals, else its string. */
    private static String value(EObject owner, Object value) {
        if (value instanceof Boolean b && owner instanceof KsmConfig) {
            return b ? "1" : "0";
        }
        return value instanceof Enumerator e ? e.getLiteral() : String.valueOf(value);
    }

    /** The unit shown after values of {@code feature}, or null. */
    public static @Nullable String unit(EStructuralFeature feature) {
        EAnnotation annotation = feature.getEAnnotation(UI);
        String unit = annotation == null ? null : annotation.getDetails().get("unit");
        return unit == null || unit.isEmpty() || UNITS_NOT_SHOWN.contains(unit) ? null : unit;
    }

    /** The label of {@code feature}: the sysfs file name for tunables. */
    public static String label(EStructuralFeature feature) {
        EAnnotation annotation = feature.getEAnnotation(UI);
        String label = annotation == null ? null : annotation.getDetails().get("label");
        return label == null ? feature.getName() : label;
    }

    private static String ksm(KsmConfig k) {
        List<String> shown = new ArrayList<>();
        for (EAttribute attribute : k.eClass().getEAllAttributes()) {
            boolean always = attribute == Literals.KSM_CONFIG__RUN || attribute == Literals.KSM_CONFIG__MAX_PAGE_SHARING;
            if (always || !k.eGet(attribute).equals(KERNEL_DEFAULTS.eGet(attribute))) {
                shown.add(tunable(k, attribute));
            }
        }
        return "KSM" + SEP + String.join(SEP, shown);
    }

    private static String event(TimelineEvent e) {
        if (e instanceof SysfsWrite w) {
            return "echo " + w.getValue() + " > " + w.getFile()
                    + (w.getExpectedResult().isEmpty() ? "" : " (" + w.getExpectedResult() + ")");
        }
        if (e instanceof MigratePages m) {
            return "migrate_pages(" + m.getPid() + ", node " + m.getFromNode() + " \u2192 " + m.getToNode() + ")"
                    + (m.isBounce() ? ", bouncing" : "");
        }
        if (e instanceof MovePages m) {
            return "move_pages(" + range(m) + ") \u2192 node " + m.getToNode();
        }
        if (e instanceof WritePages w) {
            return "write " + range(w) + " (" + w.getContent().getLiteral() + ")";
        }
        if (e instanceof MemoryFailure f) {
            return "memory failure of " + range(f);
        }
        if (e instanceof Compaction c) {
            return "compact node " + c.getNode();
        }
        if (e instanceof MemoryPressure p) {
            return "memory pressure on node " + p.getNode() + ": reclaim " + plural(p.getPages(), "page")
                    + (p.getDurationMillis() > 0 ? " for " + millis(p.getDurationMillis()) : "");
        }
        if (e instanceof ForkProcess f) {
            return "fork " + plural(f.getCount(), "child", "children") + " of " + f.getPid();
        }
        if (e instanceof ProcessExit x) {
            return "exit of " + x.getPid();
        }
        if (e instanceof Checkpoint c) {
            return "checkpoint " + c.getName()
                    + (c.getExpectations().isEmpty() ? "" : SEP + plural(c.getExpectations().size(), "expected value"));
        }
        return e.eClass().getName();
    }

    private static String range(PageRangeEvent e) {
        String who = e.isEveryProcess() ? "every process" : "pid " + e.getPid();
        String region = e.getRegion().isEmpty() ? "" : " " + e.getRegion();
        String step = e.getStep() == 1 ? "" : " step " + e.getStep();
        return "pages " + e.getFromPage() + "-" + e.getToPage() + step + " of" + region + " in " + who;
    }

    private static String when(TimelineEvent e) {
        return switch (e.getTrigger()) {
            case AT_TIME -> "at " + millis(e.getTimeMillis()) + ": ";
            case AFTER_PREVIOUS -> e.getTimeMillis() == 0 ? "then: " : "+" + millis(e.getTimeMillis()) + ": ";
            case AFTER_CONVERGENCE -> "after convergence" + (e.getTimeMillis() == 0 ? "" : " +" + millis(e.getTimeMillis()))
                    + ": ";
        };
    }

    private static String repeat(TimelineEvent e) {
        if (e.getPeriodMillis() <= 0) {
            return "";
        }
        return SEP + "every " + millis(e.getPeriodMillis()) + (e.getRepeat() == 0 ? " until the end" : " \u00d7 " + e.getRepeat());
    }

    private static int cpuCount(String cpulist) {
        try {
            return CpuList.parse(cpulist).size();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static String name(String name) {
        return name == null || name.isEmpty() ? "" : " " + name;
    }

    static String plural(long n, String one) {
        return plural(n, one, one.endsWith("s") ? one + "es" : one + "s");
    }

    static String plural(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? one : many);
    }

    static String mib(long mib) {
        if (mib >= 1024 && mib % 1024 == 0) {
            return mib / 1024 + " GiB";
        }
        return mib + " MiB";
    }

    static String bytes(long bytes) {
        String[] units = { "bytes", "KiB", "MiB", "GiB", "TiB" };
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return number(value) + " " + units[unit];
    }

    static String millis(long ms) {
        if (ms >= 1000 && ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms + " ms";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
