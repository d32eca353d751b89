package org.ksmstudio.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.policy.PolicyParameters;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.policy.SharingPolicy;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentSharing;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.ScenarioException;

/**
 * Builds a {@link KsmEngine} from a scenario: faults in every region with its contents, in process
 * order, registers the mms with KSM, applies the tunables (run last, as a sysfs write); the start
 * values of a patch's tunables come from its specification ({@code "name:file=value"}).
 */
public final class ScenarioLoader {
    /** Most pages one engine accepts (about 64 GiB of 4 KiB pages times 8). */
    public static final long MAX_PAGES = 1L << 29;

    private ScenarioLoader() {
    }

    public static KsmEngine load(Scenario sc) {
        long total = 0;
        for (ProcessSpec p : sc.workload().processes()) {
            ProcessSpec src = p.forkOf() == 0 ? p : parentOf(sc, p);
            for (MergeableRegion r : src.regions()) {
                total += r.pages();
            }
        }
        if (total > MAX_PAGES) {
            throw new ScenarioException("workload.pages", total, "more than " + MAX_PAGES + " pages");
        }
        SharingPolicy policy = SharingPolicies.byName(sc.run().policy());
        KsmEngine e = new KsmEngine(sc.topology(), sc.costModel(), sc.tunables().withRun(0), policy,
                (int) Math.min(total + 16, Integer.MAX_VALUE - 16));
        PolicyParameters.patchTunables(policy, sc.run().policy()).forEach((f, v) -> e.seams.store(f, v));
        Map<String, Long> spaces = new HashMap<>();
        for (ProcessSpec p : sc.workload().processes()) {
            if (p.forkOf() != 0 && p.forkPoint() == ForkPoint.AFTER_FILL) {
                e.processes().fork(p.forkOf(), p.pid(), p.name());
                continue;
            }
            ProcessSpec src = p.forkOf() == 0 ? p : parentOf(sc, p);
            boolean mergeAny = false;
            for (MergeableRegion r : src.regions()) {
                mergeAny |= r.mode() == MergeMode.PR_SET_MEMORY_MERGE;
            }
            List<ProcessEvents.RegionInit> inits = new ArrayList<>();
            for (MergeableRegion r : src.regions()) {
                long[] contents = new long[(int) r.pages()];
                int i = 0;
                for (ContentGroup g : r.groups()) {
                    i = fill(e, contents, i, g, p.pid(), spaces);
                }
                inits.add(new ProcessEvents.RegionInit(r.name(), mergeAny || r.mode() != MergeMode.NONE, contents,
                        r.backing()));
            }
            e.processes().addProcess(p.pid(), p.name(), p.homeNode(), p.cpus(), p.active(), p.kvm(), mergeAny, inits);
        }
        KsmSysfs.apply(e, sc.tunables());
        return e;
    }

    private static ProcessSpec parentOf(Scenario sc, ProcessSpec child) {
        for (ProcessSpec q : sc.workload().processes()) {
            if (q.pid() == child.forkOf()) {
                return q.forkOf() == 0 ? q : parentOf(sc, q);
            }
        }
        throw new ScenarioException("process[" + child.pid() + "].forkOf", child.forkOf(), "no such process");
    }

    private static int fill(KsmEngine e, long[] contents, int i, ContentGroup g, int pid, Map<String, Long> spaces) {
        switch (g.kind()) {
            case ZERO -> {
                for (long k = 0; k < g.pages(); k++) {
                    contents[i++] = 0L;
                }
            }
            case UNIQUE -> {
                for (long k = 0; k < g.pages(); k++) {
                    contents[i++] = e.processes().nextUniqueContent();
                }
            }
            case DUPLICATES -> {
                long space = spaces.computeIfAbsent(g.contentSpace(), ScenarioLoader::spaceId);
                long salt = g.sharing() == ContentSharing.SALTED ? pid : 0;
                int k = g.distinctContents();
                int r = g.copiesPerContent();
                long n = (long) k * r;
                for (long p = 0; p < n; p++) {
                    long idx = g.layout() == Layout.BLOCK ? p / r : p % k;
                    contents[i++] = duplicateContent(space, idx, salt);
                }
            }
            case EXPLICIT -> {
                long space = spaces.computeIfAbsent(g.contentSpace(), ScenarioLoader::spaceId);
                long salt = g.sharing() == ContentSharing.SALTED ? pid : 0;
                PageContentIds ids = g.explicitIds();
                for (int p = 0, n = ids.pages(); p < n; p++) {
                    int id = ids.id(p);
                    contents[i++] = id == 0 ? 0L : duplicateContent(space, id, salt);
                }
            }
            default -> throw new IllegalStateException();
        }
        return i;
    }

    private static long spaceId(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return h;
    }

    static long duplicateContent(long space, long index, long salt) {
        long c = Mix.mix64(Mix.mix64(space) + index * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL);
        return c == 0 ? 1 : c;
    }
}
