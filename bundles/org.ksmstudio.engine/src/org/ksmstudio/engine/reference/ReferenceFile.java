package org.ksmstudio.engine.reference;

import static org.ksmstudio.engine.json.JsonValues.array;
import static org.ksmstudio.engine.json.JsonValues.bool;
import static org.ksmstudio.engine.json.JsonValues.integer;
import static org.ksmstudio.engine.json.JsonValues.member;
import static org.ksmstudio.engine.json.JsonValues.number;
import static org.ksmstudio.engine.json.JsonValues.object;
import static org.ksmstudio.engine.json.JsonValues.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.json.Json;
import org.ksmstudio.engine.json.JsonException;

/** Reads files in the {@code ksmstudio-kernel-reference-1} format. */
public final class ReferenceFile {
    /** The format this reader understands. */
    public static final String FORMAT = "ksmstudio-kernel-reference-1";

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

    /** Parses the text of a reference file; errors name the JSON path. */
    public static ReferenceFile parse(String text) {
        Map<String, Object> root = object(Json.parse(text), "$");
        Object fmt = root.get("format");
        if (fmt != null && !FORMAT.equals(fmt)) {
            throw new JsonException("$.format: expected \"" + FORMAT + "\", found \"" + fmt + "\"");
        }
        int pageSize = root.containsKey("page_size") ? (int) integer(root.get("page_size"), "$.page_size") : 4096;
        List<ReferenceCase> cases = new ArrayList<>();
        List<Object> cs = array(member(root, "cases", "$"), "$.cases");
        for (int i = 0; i < cs.size(); i++) {
            cases.add(readCase(object(cs.get(i), "$.cases[" + i + "]"), "$.cases[" + i + "]"));
        }
        return new ReferenceFile(pageSize, cases);
    }

    private static ReferenceCase readCase(Map<String, Object> c, String path) {
        String name = string(member(c, "name", path), path + ".name");
        Map<String, String> tunables = new LinkedHashMap<>();
        if (c.containsKey("tunables")) {
            for (Map.Entry<String, Object> e : object(c.get("tunables"), path + ".tunables").entrySet()) {
                tunables.put(e.getKey(), string(e.getValue(), path + ".tunables." + e.getKey()));
            }
        }
        String wp = path + ".workload";
        Map<String, Object> w = object(member(c, "workload", path), wp);
        ReferenceCase.Workload workload = new ReferenceCase.Workload(
                (int) integer(member(w, "processes", wp), wp + ".processes"),
                integer(member(w, "pages_per_process", wp), wp + ".pages_per_process"),
                (int) integer(w.getOrDefault("distinct_contents", 0L), wp + ".distinct_contents"),
                (int) integer(w.getOrDefault("copies_per_content", 0L), wp + ".copies_per_content"),
                string(w.getOrDefault("layout", "block"), wp + ".layout"),
                integer(w.getOrDefault("unique_pages", 0L), wp + ".unique_pages"),
                integer(w.getOrDefault("zero_pages", 0L), wp + ".zero_pages"),
                bool(w.getOrDefault("same_contents_in_every_process", Boolean.TRUE),
                        wp + ".same_contents_in_every_process"));
        List<ReferenceCase.Phase> phases = new ArrayList<>();
        List<Object> ps = array(member(c, "phases", path), path + ".phases");
        for (int i = 0; i < ps.size(); i++) {
            String pp = path + ".phases[" + i + "]";
            phases.add(readPhase(object(ps.get(i), pp), pp));
        }
        return new ReferenceCase(name, tunables, workload, phases);
    }

    private static ReferenceCase.Phase readPhase(Map<String, Object> p, String path) {
        String name = p.containsKey("name") ? string(p.get("name"), path + ".name") : "phase";
        Map<String, Object> action = object(member(p, "action", path), path + ".action");
        String ap = path + ".action";
        boolean start = action.containsKey("start");
        ReferenceCase.Write write = null;
        double waitSeconds = 0;
        long waitScans = 0;
        List<ReferenceCase.SysfsWrite> sysfs = new ArrayList<>();
        if (action.containsKey("write")) {
            Map<String, Object> w = object(action.get("write"), ap + ".write");
            String wp = ap + ".write";
            write = new ReferenceCase.Write(integer(member(w, "from_page", wp), wp + ".from_page"),
                    integer(member(w, "to_page", wp), wp + ".to_page"),
                    integer(w.getOrDefault("every", 1L), wp + ".every"),
                    string(w.getOrDefault("new_content", "unique"), wp + ".new_content"),
                    bool(w.getOrDefault("in_every_process", Boolean.TRUE), wp + ".in_every_process"));
            if (write.every() < 1) {
                throw new JsonException(wp + ".every: must be >= 1, found " + write.every());
            }
            if (!write.newContent().equals("unique") && !write.newContent().equals("same")) {
                throw new JsonException(wp + ".new_content: expected \"unique\" or \"same\", found \""
                        + write.newContent() + "\"");
            }
        } else if (action.containsKey("wait")) {
            Map<String, Object> w = object(action.get("wait"), ap + ".wait");
            if (w.containsKey("seconds")) {
                waitSeconds = number(w.get("seconds"), ap + ".wait.seconds");
            }
            if (w.containsKey("full_scans")) {
                waitScans = integer(w.get("full_scans"), ap + ".wait.full_scans");
            }
        } else if (action.containsKey("sysfs")) {
            List<Object> ws = array(action.get("sysfs"), ap + ".sysfs");
            for (int i = 0; i < ws.size(); i++) {
                String sp = ap + ".sysfs[" + i + "]";
                Map<String, Object> s = object(ws.get(i), sp);
                sysfs.add(new ReferenceCase.SysfsWrite(string(member(s, "file", sp), sp + ".file"),
                        string(member(s, "value", sp), sp + ".value"),
                        s.containsKey("result") ? string(s.get("result"), sp + ".result") : null));
            }
        } else if (!start) {
            throw new JsonException(ap + ": expected one of start, write, wait, sysfs");
        }
        Map<String, String> expect = new LinkedHashMap<>();
        if (p.containsKey("expect")) {
            for (Map.Entry<String, Object> e : object(p.get("expect"), path + ".expect").entrySet()) {
                Object v = e.getValue();
                expect.put(e.getKey(), v instanceof String str ? str
                        : Long.toString(integer(v, path + ".expect." + e.getKey())));
            }
        }
        long fs = p.containsKey("full_scans_to_last_change")
                ? integer(p.get("full_scans_to_last_change"), path + ".full_scans_to_last_change") : -1;
        double wall = p.containsKey("wall_s_to_last_change")
                ? number(p.get("wall_s_to_last_change"), path + ".wall_s_to_last_change") : Double.NaN;
        List<Map<String, Long>> perProcess = new ArrayList<>();
        if (p.containsKey("per_process")) {
            List<Object> pp = array(p.get("per_process"), path + ".per_process");
            for (int i = 0; i < pp.size(); i++) {
                Map<String, Long> m = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : object(pp.get(i), path + ".per_process[" + i + "]").entrySet()) {
                    m.put(e.getKey(), integer(e.getValue(), path + ".per_process[" + i + "]." + e.getKey()));
                }
                perProcess.add(m);
            }
        }
        return new ReferenceCase.Phase(name, start, write, waitSeconds, waitScans, sysfs, expect, fs, wall,
                perProcess);
    }
}
