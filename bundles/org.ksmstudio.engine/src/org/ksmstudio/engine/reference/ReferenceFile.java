package org.ksmstudio.engine.reference;

import static org.ksmstudio.engine.io.JsonFields.array;
import static org.ksmstudio.engine.io.JsonFields.bool;
import static org.ksmstudio.engine.io.JsonFields.child;
import static org.ksmstudio.engine.io.JsonFields.intIn;
import static org.ksmstudio.engine.io.JsonFields.integer;
import static org.ksmstudio.engine.io.JsonFields.member;
import static org.ksmstudio.engine.io.JsonFields.members;
import static org.ksmstudio.engine.io.JsonFields.number;
import static org.ksmstudio.engine.io.JsonFields.object;
import static org.ksmstudio.engine.io.JsonFields.scalar;
import static org.ksmstudio.engine.io.JsonFields.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.io.JsonFormatException;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.scenario.Workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads files in the {@code ksmstudio-kernel-reference-2} format and its predecessor
 * {@code ksmstudio-kernel-reference-1} (strict JSON, {@link StrictJson}); they differ in the
 * workload only ({@link ReferenceWorkload}). Every number is range-checked against the limits
 * below before anything is simulated.
 */
public final class ReferenceFile {
    /** The format written today. */
    public static final String FORMAT = "ksmstudio-kernel-reference-2";
    /** The first format: identical processes of one region each; still read. */
    public static final String FORMAT_1 = "ksmstudio-kernel-reference-1";
    /** Most processes in one case (the kernel suite uses at most 100). */
    public static final int MAX_PROCESSES = 4096;
    /** Most pages of one case, all processes together (2^25 pages: about 2 GiB of simulator heap). */
    public static final long MAX_PAGES = 1L << 25;
    /** Longest wait of a phase in simulated seconds (one day). */
    public static final double MAX_WAIT_SECONDS = 86_400;
    /** Most ksmd CPU time a file may state, seconds (ten years). */
    public static final double MAX_KSMD_CPU_SECONDS = 10 * 365 * 86_400.0;
    /** Most full scans a phase may wait for. */
    public static final long MAX_WAIT_FULL_SCANS = 100_000;

    private final int pageSize;
    private final List<ReferenceCase> cases;

    private ReferenceFile(int pageSize, List<ReferenceCase> cases) {
        this.pageSize = pageSize;
        this.cases = cases;
    }

    public int pageSize() {
        return pageSize;
    }

    public List<ReferenceCase> cases() {
        return cases;
    }

    /**
     * Parses the text of a reference file without a page-contents file (a captured group is
     * refused); errors ({@link JsonFormatException}) name the JSON path.
     */
    public static ReferenceFile parse(String text) {
        return parse(StrictJson.parse(text), ReferenceWorkload.Streams.NONE);
    }

    /**
     * Reads a parsed reference file; captured contents come from {@code streams} (the file's
     * page-contents file); errors ({@link JsonFormatException}) name the JSON path.
     */
    public static ReferenceFile parse(JsonNode tree, ReferenceWorkload.Streams streams) {
        ObjectNode root = object(tree, "$");
        JsonNode fmt = root.get("format");
        String format = fmt == null ? FORMAT_1 : string(fmt, "$.format");
        if (!FORMAT.equals(format) && !FORMAT_1.equals(format)) {
            throw new JsonFormatException("$.format = " + Text.quote(format) + ": expected \"" + FORMAT + "\" or \""
                    + FORMAT_1 + "\"");
        }
        boolean v1 = FORMAT_1.equals(format);
        int pageSize = root.has("page_size") ? intIn(root.get("page_size"), "$.page_size", 4096, 1 << 21) : 4096;
        if (Integer.bitCount(pageSize) != 1) {
            throw new JsonFormatException("$.page_size = " + pageSize + ": must be a power of two");
        }
        List<ReferenceCase> cases = new ArrayList<>();
        ArrayNode cs = array(member(root, "cases", "$"), "$.cases");
        for (int i = 0; i < cs.size(); i++) {
            cases.add(readCase(object(cs.get(i), "$.cases[" + i + "]"), "$.cases[" + i + "]", v1, streams));
        }
        return new ReferenceFile(pageSize, cases);
    }

    private static ReferenceCase readCase(ObjectNode c, String path, boolean v1, ReferenceWorkload.Streams streams) {
        String name = string(member(c, "name", path), path + ".name");
        Map<String, String> tunables = new LinkedHashMap<>();
        if (c.has("tunables")) {
            for (Map.Entry<String, JsonNode> e : members(object(c.get("tunables"), path + ".tunables"))) {
                tunables.put(e.getKey(), scalar(e.getValue(), child(path + ".tunables", e.getKey())));
            }
        }
        String wp = path + ".workload";
        ObjectNode w = object(member(c, "workload", path), wp);
        Workload workload = ReferenceWorkload.checked(
                () -> v1 ? ReferenceWorkload.readV1(w, wp) : ReferenceWorkload.readV2(w, wp, streams), wp);
        List<ReferenceCase.Phase> phases = new ArrayList<>();
        ArrayNode ps = array(member(c, "phases", path), path + ".phases");
        for (int i = 0; i < ps.size(); i++) {
            String pp = path + ".phases[" + i + "]";
            phases.add(readPhase(object(ps.get(i), pp), pp));
        }
        double cpuBefore = c.has("ksmd_cpu_s_before_start")
                ? number(c.get("ksmd_cpu_s_before_start"), path + ".ksmd_cpu_s_before_start", 0, MAX_KSMD_CPU_SECONDS)
                : Double.NaN;
        return new ReferenceCase(name, tunables, workload, phases, cpuBefore);
    }

    private static @Nullable String optionalString(ObjectNode o, String key, String path) {
        return o.has(key) ? string(o.get(key), path + "." + key) : null;
    }

    private static ReferenceCase.Phase readPhase(ObjectNode p, String path) {
        String name = p.has("name") ? string(p.get("name"), path + ".name") : "phase";
        String ap = path + ".action";
        ObjectNode action = object(member(p, "action", path), ap);
        boolean start = action.has("start");
        ReferenceCase.Write write = null;
        double waitSeconds = 0;
        long waitScans = 0;
        List<ReferenceCase.SysfsWrite> sysfs = new ArrayList<>();
        if (action.has("write")) {
            String wp = ap + ".write";
            ObjectNode w = object(action.get("write"), wp);
            write = new ReferenceCase.Write(integer(member(w, "from_page", wp), wp + ".from_page", 0, MAX_PAGES),
                    integer(member(w, "to_page", wp), wp + ".to_page", 0, MAX_PAGES),
                    w.has("every") ? integer(w.get("every"), wp + ".every", 1, MAX_PAGES) : 1,
                    w.has("new_content") ? string(w.get("new_content"), wp + ".new_content") : "unique",
                    !w.has("in_every_process") || bool(w.get("in_every_process"), wp + ".in_every_process"));
            if (!write.newContent().equals("unique") && !write.newContent().equals("same")) {
                throw new JsonFormatException(wp + ".new_content = " + Text.quote(write.newContent())
                        + ": expected \"unique\" or \"same\"");
            }
        } else if (action.has("wait")) {
            ObjectNode w = object(action.get("wait"), ap + ".wait");
            if (w.has("seconds")) {
                waitSeconds = number(w.get("seconds"), ap + ".wait.seconds", 0, MAX_WAIT_SECONDS);
            }
            if (w.has("full_scans")) {
                waitScans = integer(w.get("full_scans"), ap + ".wait.full_scans", 0, MAX_WAIT_FULL_SCANS);
            }
        } else if (action.has("sysfs")) {
            ArrayNode ws = array(action.get("sysfs"), ap + ".sysfs");
            for (int i = 0; i < ws.size(); i++) {
                String sp = ap + ".sysfs[" + i + "]";
                ObjectNode s = object(ws.get(i), sp);
                sysfs.add(new ReferenceCase.SysfsWrite(string(member(s, "file", sp), sp + ".file"),
                        scalar(member(s, "value", sp), sp + ".value"),
                        s.has("result") ? string(s.get("result"), sp + ".result") : null));
            }
        } else if (!start) {
            throw new JsonFormatException(ap + ": expected one of start, write, wait, sysfs");
        }
        Map<String, String> expect = new LinkedHashMap<>();
        if (p.has("expect")) {
            for (Map.Entry<String, JsonNode> e : members(object(p.get("expect"), path + ".expect"))) {
                String at = child(path + ".expect", e.getKey());
                JsonNode v = e.getValue();
                expect.put(e.getKey(), v.isTextual() ? v.textValue()
                        : Long.toString(integer(v, at, Long.MIN_VALUE, Long.MAX_VALUE)));
            }
        }
        long fs = p.has("full_scans_to_last_change")
                ? integer(p.get("full_scans_to_last_change"), path + ".full_scans_to_last_change", 0, Long.MAX_VALUE)
                : -1;
        double wall = p.has("wall_s_to_last_change")
                ? number(p.get("wall_s_to_last_change"), path + ".wall_s_to_last_change", 0, Double.MAX_VALUE)
                : Double.NaN;
        double cpu = p.has("ksmd_cpu_s_to_last_change")
                ? number(p.get("ksmd_cpu_s_to_last_change"), path + ".ksmd_cpu_s_to_last_change", 0, MAX_KSMD_CPU_SECONDS)
                : Double.NaN;
        double delay = p.has("action_delay_s")
                ? number(p.get("action_delay_s"), path + ".action_delay_s", 0, MAX_WAIT_SECONDS)
                : Double.NaN;
        List<Map<String, Long>> perProcess = new ArrayList<>();
        if (p.has("per_process")) {
            ArrayNode pp = array(p.get("per_process"), path + ".per_process");
            for (int i = 0; i < pp.size(); i++) {
                String at = path + ".per_process[" + i + "]";
                Map<String, Long> m = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : members(object(pp.get(i), at))) {
                    m.put(e.getKey(), integer(e.getValue(), child(at, e.getKey()), Long.MIN_VALUE, Long.MAX_VALUE));
                }
                perProcess.add(m);
            }
        }
        return new ReferenceCase.Phase(name, start, write, waitSeconds, waitScans, sysfs, expect, fs, wall, cpu,
                perProcess, optionalString(p, "timing_not_compared", path), optionalString(p, "cpu_not_compared", path),
                vmstat(p, path), delay);
    }

    /** The phase's {@code vmstat}: THP events by name ({@link ReferenceCase.Phase#VMSTAT_EVENTS}), counts >= 0. */
    private static Map<String, Long> vmstat(ObjectNode p, String path) {
        Map<String, Long> vmstat = new LinkedHashMap<>();
        if (p.has("vmstat")) {
            String at = path + ".vmstat";
            for (Map.Entry<String, JsonNode> e : members(object(p.get("vmstat"), at))) {
                if (!ReferenceCase.Phase.VMSTAT_EVENTS.contains(e.getKey())) {
                    throw new JsonFormatException(at + ": unknown member " + Text.quote(e.getKey()) + " (expected one of "
                            + ReferenceCase.Phase.VMSTAT_EVENTS + ")");
                }
                vmstat.put(e.getKey(), integer(e.getValue(), child(at, e.getKey()), 0, Long.MAX_VALUE));
            }
        }
        return vmstat;
    }
}
