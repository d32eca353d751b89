package org.ksmstudio.engine.reference;

import static org.ksmstudio.engine.io.JsonFields.array;
import static org.ksmstudio.engine.io.JsonFields.bool;
import static org.ksmstudio.engine.io.JsonFields.intIn;
import static org.ksmstudio.engine.io.JsonFields.integer;
import static org.ksmstudio.engine.io.JsonFields.member;
import static org.ksmstudio.engine.io.JsonFields.members;
import static org.ksmstudio.engine.io.JsonFields.number;
import static org.ksmstudio.engine.io.JsonFields.object;
import static org.ksmstudio.engine.io.JsonFields.string;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.ksmstudio.engine.io.InputFiles;
import org.ksmstudio.engine.io.JsonFormatException;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.scenario.ContentSharing;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RegionBacking;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.Volatility;
import org.ksmstudio.engine.scenario.Workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code workload} of a reference case, read into the engine's {@link Workload} (one road for
 * both formats) and written back in format 2. Format 1 holds identical processes of one region
 * each; format 2 lists the processes, each with its own regions and contents, forks after the fill,
 * volatile regions, transparent huge pages and pinned pages, and captured contents (ids in the reference file's page-contents sidecar). See
 * {@code docs/reference-format.md}.
 */
public final class ReferenceWorkload {
    /** The region name of format-1 workloads and the default of format 2. */
    public static final String REGION = "region";
    /** The pid of the first process when the file gives none. */
    public static final int FIRST_PID = 1000;
    /** The command name of the generator's processes. */
    public static final String PROCESS_NAME = "ksm-workload";

    private static final Set<String> PROCESS_KEYS = Set.of("pid", "name", "fork_of", "regions");
    private static final Set<String> REGION_KEYS = Set.of("name", "pages", "contents", "volatile", "huge_pages",
            "pinned_pages");
    private static final Set<String> VOLATILE_KEYS = Set.of("pages_per_second", "fraction", "new_content");
    private static final Set<String> DUPLICATES_KEYS = Set.of("distinct", "copies", "layout", "space", "salted");
    private static final Set<String> CAPTURED_KEYS = Set.of("stream", "space", "salted");

    /** The page-contents streams of a reference file's sidecar, by name. */
    @FunctionalInterface
    public interface Streams {
        /**
         * The ids of stream {@code name}.
         *
         * @throws JsonFormatException naming {@code path} when the file has no sidecar or no such stream
         */
        PageContentIds stream(String name, String path);

        /** No sidecar: every captured group is refused. */
        Streams NONE = (name, path) -> {
            throw new JsonFormatException(path + " = " + Text.quote(name)
                    + ": captured contents need the reference file's page-contents file beside it");
        };
    }

    private ReferenceWorkload() {
    }

    /**
     * The streams of the page-contents file beside {@code referenceFile}
     * ({@link ContentIdsFile#besides}), read on the first captured group.
     */
    public static Streams besides(Path referenceFile) {
        Path file = ContentIdsFile.besides(referenceFile);
        Map<String, PageContentIds> read = new HashMap<>();
        return (name, path) -> {
            if (read.isEmpty()) {
                if (!Files.isRegularFile(file)) {
                    throw new JsonFormatException(path + " = " + Text.quote(name) + ": captured contents need "
                            + InputFiles.name(file) + ", which is missing");
                }
                try {
                    read.putAll(ContentIdsFile.read(file));
                } catch (IOException e) {
                    throw new JsonFormatException(path + ": " + e.getMessage());
                }
            }
            if (!read.containsKey(name)) {
                throw new JsonFormatException(path + " = " + Text.quote(name) + ": no such stream in "
                        + InputFiles.name(file));
            }
            return read.get(name);
        };
    }

    /**
     * The format-1 shape: {@code processes} identical processes (pids from {@link #FIRST_PID}), each
     * with one MADV_MERGEABLE region {@link #REGION} of {@code distinct × copies} duplicates, then
     * {@code unique} unique pages, then {@code zero} zero pages.
     *
     * @param same whether content k is equal in every process (else salted per process)
     */
    public static Workload uniform(int processes, int distinct, int copies, Layout layout, long unique, long zero,
            boolean same) {
        List<ContentGroup> groups = new ArrayList<>();
        if (distinct > 0 && copies > 0) {
            groups.add(new ContentGroup(ContentGroup.Kind.DUPLICATES, distinct, copies, layout, 0,
                    same ? ContentSharing.SHARED_ACROSS_PROCESSES : ContentSharing.SALTED, ContentGroup.DEFAULT_SPACE));
        }
        if (unique > 0) {
            groups.add(ContentGroup.unique(unique));
        }
        if (zero > 0) {
            groups.add(ContentGroup.zero(zero));
        }
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            specs.add(ProcessSpec.of(FIRST_PID + i, PROCESS_NAME,
                    new MergeableRegion(REGION, MergeMode.MADV_MERGEABLE, groups, Volatility.NONE)));
        }
        return new Workload(specs);
    }

    /** Reads a format-1 workload object ({@code processes}, {@code pages_per_process}, ...). */
    public static Workload readV1(ObjectNode w, String wp) {
        int processes = intIn(member(w, "processes", wp), wp + ".processes", 1, ReferenceFile.MAX_PROCESSES);
        long pagesPerProcess = integer(member(w, "pages_per_process", wp), wp + ".pages_per_process", 1,
                ReferenceFile.MAX_PAGES / processes);
        int distinct = optionalCount(w, "distinct_contents", wp);
        int copies = optionalCount(w, "copies_per_content", wp);
        long unique = w.has("unique_pages") ? integer(w.get("unique_pages"), wp + ".unique_pages", 0, pagesPerProcess)
                : 0;
        long zero = w.has("zero_pages") ? integer(w.get("zero_pages"), wp + ".zero_pages", 0, pagesPerProcess) : 0;
        long body = (long) distinct * copies + unique + zero;
        if (body != pagesPerProcess) {
            throw new JsonFormatException(wp + ".pages_per_process = " + pagesPerProcess
                    + ": differs from distinct_contents x copies_per_content + unique_pages + zero_pages = " + body);
        }
        Layout layout = layout(w.has("layout") ? string(w.get("layout"), wp + ".layout") : "block", wp + ".layout");
        boolean same = !w.has("same_contents_in_every_process")
                || bool(w.get("same_contents_in_every_process"), wp + ".same_contents_in_every_process");
        return uniform(processes, distinct, copies, layout, unique, zero, same);
    }

    /** Reads a format-2 workload object ({@code processes}: a list); captured ids come from {@code streams}. */
    public static Workload readV2(ObjectNode w, String wp, Streams streams) {
        onlyKeys(w, Set.of("processes"), wp);
        ArrayNode list = array(member(w, "processes", wp), wp + ".processes");
        if (list.isEmpty() || list.size() > ReferenceFile.MAX_PROCESSES) {
            throw new JsonFormatException(wp + ".processes: must hold 1.." + ReferenceFile.MAX_PROCESSES
                    + " processes, holds " + list.size());
        }
        List<ProcessSpec> specs = new ArrayList<>();
        Map<Integer, Long> pagesOf = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < list.size(); i++) {
            String pp = wp + ".processes[" + i + "]";
            ObjectNode p = object(list.get(i), pp);
            onlyKeys(p, PROCESS_KEYS, pp);
            int pid = p.has("pid") ? intIn(p.get("pid"), pp + ".pid", 1, Integer.MAX_VALUE) : FIRST_PID + i;
            if (pagesOf.containsKey(pid)) {
                throw new JsonFormatException(pp + ".pid = " + pid + ": another process has this pid");
            }
            String name = p.has("name") ? string(p.get("name"), pp + ".name") : PROCESS_NAME;
            long pages;
            if (p.has("fork_of")) {
                int parent = intIn(p.get("fork_of"), pp + ".fork_of", 1, Integer.MAX_VALUE);
                if (!pagesOf.containsKey(parent)) {
                    throw new JsonFormatException(pp + ".fork_of = " + parent + ": no earlier process has this pid");
                }
                if (p.has("regions")) {
                    throw new JsonFormatException(pp + ".regions: a fork shares its parent's regions and lists none");
                }
                pages = pagesOf.get(parent);
                specs.add(new ProcessSpec(pid, name, 0, List.of(), true, false, parent, ForkPoint.AFTER_FILL,
                        List.of()));
            } else {
                List<MergeableRegion> regions = regions(array(member(p, "regions", pp), pp + ".regions"),
                        pp + ".regions", streams);
                pages = 0;
                for (MergeableRegion r : regions) {
                    pages += r.pages();
                }
                specs.add(new ProcessSpec(pid, name, 0, List.of(), true, false, 0, ForkPoint.AFTER_FILL, regions));
            }
            pagesOf.put(pid, pages);
            total += pages;
            if (total > ReferenceFile.MAX_PAGES) {
                throw new JsonFormatException(pp + ": the processes up to here hold " + total + " pages, more than "
                        + ReferenceFile.MAX_PAGES);
            }
        }
        return new Workload(specs);
    }

    private static List<MergeableRegion> regions(ArrayNode list, String rp, Streams streams) {
        if (list.isEmpty()) {
            throw new JsonFormatException(rp + ": a process needs at least one region");
        }
        List<MergeableRegion> regions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int j = 0; j < list.size(); j++) {
            String at = rp + "[" + j + "]";
            ObjectNode r = object(list.get(j), at);
            onlyKeys(r, REGION_KEYS, at);
            String name = r.has("name") ? string(r.get("name"), at + ".name") : j == 0 ? REGION : REGION + j;
            if (name.isBlank() || !names.add(name)) {
                throw new JsonFormatException(at + ".name = " + Text.quote(name) + ": must be non-empty and unique");
            }
            List<ContentGroup> groups = new ArrayList<>();
            ArrayNode cs = array(member(r, "contents", at), at + ".contents");
            long pages = 0;
            for (int k = 0; k < cs.size(); k++) {
                ContentGroup g = group(object(cs.get(k), at + ".contents[" + k + "]"), at + ".contents[" + k + "]",
                        streams);
                pages += g.pages();
                if (pages > ReferenceFile.MAX_PAGES) {
                    throw new JsonFormatException(at + ".contents: more than " + ReferenceFile.MAX_PAGES + " pages");
                }
                groups.add(g);
            }
            if (pages == 0) {
                throw new JsonFormatException(at + ".contents: the region holds no page");
            }
            if (r.has("pages") && integer(r.get("pages"), at + ".pages", 1, ReferenceFile.MAX_PAGES) != pages) {
                throw new JsonFormatException(at + ".pages = " + r.get("pages").asText()
                        + ": differs from the " + pages + " pages of its contents");
            }
            Volatility volatility = r.has("volatile") ? volatility(object(r.get("volatile"), at + ".volatile"),
                    at + ".volatile") : Volatility.NONE;
            regions.add(new MergeableRegion(name, MergeMode.MADV_MERGEABLE, groups, volatility, backing(r, at, pages)));
        }
        return regions;
    }

    /**
     * The region's {@code huge_pages} (2 MiB transparent huge pages from its first page, as an
     * MADV_HUGEPAGE region's fill faults them in) and {@code pinned_pages} (pinned from its first page).
     */
    private static RegionBacking backing(ObjectNode r, String at, long pages) {
        long huge = r.has("huge_pages") ? integer(r.get("huge_pages"), at + ".huge_pages", 0,
                pages / RegionBacking.HUGE_PAGE_PAGES) : 0;
        long pinned = r.has("pinned_pages") ? integer(r.get("pinned_pages"), at + ".pinned_pages", 0, pages) : 0;
        return new RegionBacking(huge, pinned);
    }

    private static Volatility volatility(ObjectNode v, String at) {
        onlyKeys(v, VOLATILE_KEYS, at);
        double rate = number(member(v, "pages_per_second", at), at + ".pages_per_second", 0, 1e9);
        double fraction = v.has("fraction") ? number(v.get("fraction"), at + ".fraction", 0, 1) : 1;
        return new Volatility(rate, newContent(v, at), fraction);
    }

    private static NewContent newContent(ObjectNode v, String at) {
        String content = v.has("new_content") ? string(v.get("new_content"), at + ".new_content") : "unique";
        return switch (content) {
            case "unique" -> NewContent.UNIQUE;
            case "same" -> NewContent.SAME;
            default -> throw new JsonFormatException(at + ".new_content = " + Text.quote(content)
                    + ": expected \"unique\" or \"same\"");
        };
    }

    private static ContentGroup group(ObjectNode g, String at, Streams streams) {
        if (g.size() != 1) {
            throw new JsonFormatException(at + ": must have exactly one of duplicates, unique, zero, captured");
        }
        Map.Entry<String, JsonNode> e = members(g).get(0);
        String kat = at + "." + e.getKey();
        return switch (e.getKey()) {
            case "unique" -> ContentGroup.unique(integer(e.getValue(), kat, 0, ReferenceFile.MAX_PAGES));
            case "zero" -> ContentGroup.zero(integer(e.getValue(), kat, 0, ReferenceFile.MAX_PAGES));
            case "duplicates" -> {
                ObjectNode d = object(e.getValue(), kat);
                onlyKeys(d, DUPLICATES_KEYS, kat);
                int distinct = (int) integer(member(d, "distinct", kat), kat + ".distinct", 0, ReferenceFile.MAX_PAGES);
                int copies = (int) integer(member(d, "copies", kat), kat + ".copies", 0, ReferenceFile.MAX_PAGES);
                if ((long) distinct * copies > ReferenceFile.MAX_PAGES) {
                    throw new JsonFormatException(kat + ": distinct x copies = " + (long) distinct * copies
                            + " pages, more than " + ReferenceFile.MAX_PAGES);
                }
                yield new ContentGroup(ContentGroup.Kind.DUPLICATES, distinct, copies,
                        layout(d.has("layout") ? string(d.get("layout"), kat + ".layout") : "block", kat + ".layout"),
                        0, sharing(d, kat), space(d, kat));
            }
            case "captured" -> {
                ObjectNode c = object(e.getValue(), kat);
                onlyKeys(c, CAPTURED_KEYS, kat);
                String stream = string(member(c, "stream", kat), kat + ".stream");
                PageContentIds ids = streams.stream(stream, kat + ".stream");
                yield new ContentGroup(ContentGroup.Kind.EXPLICIT, 0, 0, Layout.BLOCK, 0, sharing(c, kat),
                        space(c, kat), ids);
            }
            default -> throw new JsonFormatException(at + ": " + Text.quote(e.getKey())
                    + " is not a content kind (duplicates, unique, zero, captured)");
        };
    }

    /** The group's content space, the default one when it names none. */
    private static String space(ObjectNode g, String at) {
        return g.has("space") ? string(g.get("space"), at + ".space") : ContentGroup.DEFAULT_SPACE;
    }

    private static ContentSharing sharing(ObjectNode g, String at) {
        return g.has("salted") && bool(g.get("salted"), at + ".salted") ? ContentSharing.SALTED
                : ContentSharing.SHARED_ACROSS_PROCESSES;
    }

    private static Layout layout(String name, String at) {
        return switch (name) {
            case "block" -> Layout.BLOCK;
            case "interleave", "interleaved" -> Layout.INTERLEAVE;
            default -> throw new JsonFormatException(at + " = " + Text.quote(name) + ": expected block or interleave");
        };
    }

    private static int optionalCount(ObjectNode o, String key, String path) {
        return o.has(key) ? (int) integer(o.get(key), path + "." + key, 0, ReferenceFile.MAX_PAGES) : 0;
    }

    private static void onlyKeys(ObjectNode o, Set<String> keys, String at) {
        for (Map.Entry<String, JsonNode> e : members(o)) {
            if (!keys.contains(e.getKey())) {
                throw new JsonFormatException(at + ": unknown member " + Text.quote(e.getKey()) + " (expected one of "
                        + keys.stream().sorted().toList() + ")");
            }
        }
    }

    /**
     * The format-2 JSON of a workload ({@code StrictJson.write} values). Captured groups go into
     * {@code streams} under a new name ({@code c<case>.p<process>.r<region>.g<group>}), which the JSON refers to.
     *
     * @param caseIndex the case's index in its file, for unique stream names
     * @throws IllegalArgumentException naming what the format cannot express
     */
    public static Map<String, Object> toJson(Workload workload, int caseIndex, Map<String, PageContentIds> streams) {
        List<Object> processes = new ArrayList<>();
        List<ProcessSpec> specs = workload.processes();
        for (int i = 0; i < specs.size(); i++) {
            ProcessSpec p = specs.get(i);
            if (p.kvm()) {
                throw new IllegalArgumentException("process " + p.pid() + " is a KVM guest");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pid", (long) p.pid());
            if (!p.name().equals(PROCESS_NAME)) {
                m.put("name", p.name());
            }
            if (p.forkOf() != 0) {
                if (p.forkPoint() != ForkPoint.AFTER_FILL) {
                    throw new IllegalArgumentException("process " + p.pid() + " is forked before the fill");
                }
                m.put("fork_of", (long) p.forkOf());
            } else {
                List<Object> regions = new ArrayList<>();
                for (int j = 0; j < p.regions().size(); j++) {
                    regions.add(regionJson(p, p.regions().get(j), "c" + caseIndex + ".p" + i + ".r" + j, streams));
                }
                m.put("regions", regions);
            }
            processes.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("processes", processes);
        return root;
    }

    private static Map<String, Object> regionJson(ProcessSpec p, MergeableRegion r, String streamPrefix,
            Map<String, PageContentIds> streams) {
        if (r.mode() != MergeMode.MADV_MERGEABLE) {
            throw new IllegalArgumentException("process " + p.pid() + "'s region " + r.name() + " is " + r.mode()
                    + ", not MADV_MERGEABLE");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("pages", r.pages());
        List<Object> contents = new ArrayList<>();
        for (int k = 0; k < r.groups().size(); k++) {
            ContentGroup g = r.groups().get(k);
            Map<String, Object> group = new LinkedHashMap<>();
            switch (g.kind()) {
                case UNIQUE -> group.put("unique", g.pages());
                case ZERO -> group.put("zero", g.pages());
                case DUPLICATES -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("distinct", (long) g.distinctContents());
                    d.put("copies", (long) g.copiesPerContent());
                    d.put("layout", g.layout() == Layout.INTERLEAVE ? "interleave" : "block");
                    sharingJson(g, d);
                    group.put("duplicates", d);
                }
                case EXPLICIT -> {
                    String name = streamPrefix + ".g" + k;
                    streams.put(name, g.explicitIds());
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("stream", name);
                    sharingJson(g, c);
                    group.put("captured", c);
                }
            }
            contents.add(group);
        }
        m.put("contents", contents);
        if (r.backing().hugePages() > 0) {
            m.put("huge_pages", r.backing().hugePages());
        }
        if (r.backing().pinnedPages() > 0) {
            m.put("pinned_pages", r.backing().pinnedPages());
        }
        Volatility v = r.volatility();
        if (v.pagesPerSecond() > 0) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("pages_per_second", jsonNumber(v.pagesPerSecond()));
            vm.put("fraction", jsonNumber(v.fraction()));
            vm.put("new_content", v.content() == NewContent.SAME ? "same" : "unique");
            m.put("volatile", vm);
        }
        return m;
    }

    /** A whole number as an integer in the JSON, others as decimals. */
    private static Object jsonNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : d;
    }

    private static void sharingJson(ContentGroup g, Map<String, Object> m) {
        if (!g.contentSpace().equals("default")) {
            m.put("space", g.contentSpace());
        }
        if (g.sharing() == ContentSharing.SALTED) {
            m.put("salted", true);
        }
    }

    /** Checks a workload read from a file for what the engine refuses, naming {@code path}. */
    static Workload checked(Supplier<Workload> read, String path) {
        try {
            return read.get();
        } catch (ScenarioException e) {
            throw new JsonFormatException(path + ": " + e.getMessage());
        }
    }
}
