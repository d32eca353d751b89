package org.ksmstudio.live.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.io.InputFiles;
import org.ksmstudio.engine.io.JsonFields;
import org.ksmstudio.engine.io.JsonFormatException;
import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.reference.ReferenceCase;
import org.ksmstudio.engine.reference.ReferenceFile;
import org.ksmstudio.engine.reference.ReferenceWorkload;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.Workload;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the {@code ksmstudio-kernel-reference-2} format and its predecessor
 * {@code ksmstudio-kernel-reference-1} into the replay's typed records, and writes format 2 (with
 * the engine's JSON reader and writer; the workload is the engine's {@link ReferenceWorkload}).
 * Captured contents live in the page-contents file beside the reference file
 * ({@link ContentIdsFile#besides}). Errors name the file, the JSON path and the value.
 */
public final class ReferenceFormat {

	private final Path file;

	private ReferenceFormat(Path file) {
		this.file = file;
	}

	/** Reads a reference file (a regular file, strict JSON); errors are one line naming the file and the JSON path. */
	public static ReferenceDocument read(Path file) throws IOException {
		JsonNode root;
		try {
			root = StrictJson.parse(InputFiles.readText(file));
		} catch (JsonFormatException e) {
			throw new IOException(InputFiles.name(file) + ": " + e.getMessage(), e);
		}
		ReferenceFormat format = new ReferenceFormat(file);
		try {
			return format.document(root);
		} catch (JsonFormatException e) {
			throw new IOException(InputFiles.name(file) + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Writes a document safely ({@link OutputFile}): a failure or a kill leaves the old file. Captured
	 * contents go first into the page-contents file beside it (through a temporary file moved into place).
	 */
	public static void write(ReferenceDocument document, Path file) throws IOException {
		Map<String, PageContentIds> streams = new LinkedHashMap<>();
		String json = toJson(document, streams);
		if (!streams.isEmpty()) {
			Path pages = ContentIdsFile.besides(file);
			Path temp = pages.resolveSibling("." + pages.getFileName() + ".tmp-" + ProcessHandle.current().pid());
			try {
				ContentIdsFile.write(temp, streams);
				Files.move(temp, pages, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} finally {
				Files.deleteIfExists(temp);
			}
		}
		OutputFile.write(file, json);
	}

	/** The JSON text of a document (its captured contents are not kept: see {@link #write}). */
	public static String toJson(ReferenceDocument document) {
		return toJson(document, new LinkedHashMap<>());
	}

	private static String toJson(ReferenceDocument document, Map<String, PageContentIds> streams) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("format", ReferenceFile.FORMAT);
		root.put("kernel", document.kernel());
		root.put("page_size", document.pageSize());
		root.put("how_cases", document.howCases());
		root.put("how_rmap_walks", document.howRmapWalks());
		List<Object> cases = new ArrayList<>();
		for (int i = 0; i < document.cases().size(); i++) {
			cases.add(caseJson(document.cases().get(i), i, streams));
		}
		root.put("cases", cases);
		List<Object> walks = new ArrayList<>();
		for (RmapWalkMeasurement w : document.rmapWalks()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("ptes_total", w.ptesTotal());
			m.put("max_page_sharing", w.maxPageSharing());
			m.put("ptes_on_migrated_page", w.ptesOnMigratedPage());
			m.put("processes", w.processes());
			Map<String, Object> ms = new LinkedHashMap<>();
			ms.put("min", w.minMs());
			ms.put("median", w.medianMs());
			ms.put("max", w.maxMs());
			ms.put("trials", w.trials());
			m.put("migrate_one_page_ms", ms);
			walks.add(m);
		}
		root.put("rmap_walks", walks);
		return StrictJson.write(root);
	}

	private static Map<String, Object> caseJson(RecordedCase recorded, int index, Map<String, PageContentIds> streams) {
		ReplayCase c = recorded.replayCase();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", c.name());
		Map<String, Object> tunables = new LinkedHashMap<>();
		c.tunables().forEach((k, v) -> tunables.put(k.fileName(), tunableValue(k, v)));
		m.put("tunables", tunables);
		m.put("workload", ReferenceWorkload.toJson(c.workload(), index, streams));
		if (recorded.ksmdCpuSecondsBeforeStart() instanceof Double before) {
			m.put("ksmd_cpu_s_before_start", before);
		}
		List<Object> phases = new ArrayList<>();
		for (RecordedPhase p : recorded.phases()) {
			Map<String, Object> phase = new LinkedHashMap<>();
			phase.put("name", p.name());
			phase.put("action", actionJson(p.action()));
			Map<String, Object> expect = new LinkedHashMap<>(p.expect());
			p.tunablesReadBack().forEach((k, v) -> expect.put(k.fileName(), tunableValue(k, v)));
			phase.put("expect", expect);
			if (p.actionDelaySeconds() instanceof Double delay) {
				phase.put("action_delay_s", delay);
			}
			if (p.fullScansToLastChange() instanceof Long scans) {
				phase.put("full_scans_to_last_change", scans);
				if (p.pagesScannedToLastChange() instanceof Long pages) {
					phase.put("pages_scanned_to_last_change", pages);
				}
				if (p.wallSecondsToLastChange() instanceof Double wall) {
					phase.put("wall_s_to_last_change", wall);
				}
				if (p.ksmdCpuSecondsToLastChange() instanceof Double cpu) {
					phase.put("ksmd_cpu_s_to_last_change", cpu);
				}
			}
			if (!p.converged()) {
				phase.put("converged", false);
			}
			phase.put("per_process", new ArrayList<Object>(p.perProcess()));
			if (!p.vmstat().isEmpty()) {
				phase.put("vmstat", new LinkedHashMap<String, Object>(p.vmstat()));
			}
			phases.add(phase);
		}
		m.put("phases", phases);
		return m;
	}

	private static Object tunableValue(KsmSysfsFile file, String value) {
		if (file.isText()) {
			return value;
		}
		try {
			return Long.parseLong(value.trim());
		} catch (NumberFormatException e) {
			return value;
		}
	}

	private static Map<String, Object> actionJson(PhaseAction action) {
		Map<String, Object> m = new LinkedHashMap<>();
		switch (action) {
		case PhaseAction.Start s -> m.put("start", "run=1 after the workload has faulted in every page");
		case PhaseAction.Write w -> {
			Map<String, Object> write = new LinkedHashMap<>();
			write.put("from_page", w.fromPage());
			write.put("to_page", w.toPage());
			write.put("every", w.every());
			write.put("new_content", w.unique() ? "unique" : "same");
			write.put("in_every_process", w.inEveryProcess());
			m.put("write", write);
		}
		case PhaseAction.Wait w -> {
			Map<String, Object> wait = new LinkedHashMap<>();
			if (w.seconds() instanceof Double seconds) {
				wait.put("seconds", seconds == Math.rint(seconds) ? (Object) seconds.longValue() : seconds);
			}
			if (w.fullScans() instanceof Long scans) {
				wait.put("full_scans", scans);
			}
			m.put("wait", wait);
		}
		case PhaseAction.Sysfs s -> {
			List<Object> writes = new ArrayList<>();
			for (PhaseAction.SysfsWrite w : s.writes()) {
				Map<String, Object> write = new LinkedHashMap<>();
				write.put("file", w.file().fileName());
				write.put("value", w.value());
				if (w.result() instanceof String result) {
					write.put("result", result);
				}
				writes.add(write);
			}
			m.put("sysfs", writes);
		}
		}
		return m;
	}

	// ---- reading

	private ReferenceDocument document(JsonNode root) throws IOException {
		ObjectNode m = object(root, "$");
		String format = string(m, "format", "$");
		if (!ReferenceFile.FORMAT.equals(format) && !ReferenceFile.FORMAT_1.equals(format)) {
			throw error("$.format", format, "must be " + ReferenceFile.FORMAT + " or " + ReferenceFile.FORMAT_1);
		}
		boolean v1 = ReferenceFile.FORMAT_1.equals(format);
		ReferenceWorkload.Streams streams = ReferenceWorkload.besides(file);
		List<RecordedCase> cases = new ArrayList<>();
		ArrayNode caseList = JsonFields.array(JsonFields.member(m, "cases", "$"), "$.cases");
		for (int i = 0; i < caseList.size(); i++) {
			cases.add(recordedCase(object(caseList.get(i), "$.cases[" + i + "]"), "$.cases[" + i + "]", v1,
					streams));
		}
		List<RmapWalkMeasurement> walks = new ArrayList<>();
		if (m.has("rmap_walks")) {
			ArrayNode walkList = JsonFields.array(m.get("rmap_walks"), "$.rmap_walks");
			for (int i = 0; i < walkList.size(); i++) {
				String at = "$.rmap_walks[" + i + "]";
				ObjectNode w = object(walkList.get(i), at);
				String msAt = at + ".migrate_one_page_ms";
				ObjectNode ms = object(JsonFields.member(w, "migrate_one_page_ms", at), msAt);
				walks.add(new RmapWalkMeasurement(count(w, "ptes_total", at), count(w, "max_page_sharing", at),
						count(w, "ptes_on_migrated_page", at), w.has("processes") ? count(w, "processes", at) : 1,
						decimal(ms, "min", msAt), decimal(ms, "median", msAt), decimal(ms, "max", msAt),
						count(ms, "trials", msAt)));
			}
		}
		long pageSize = m.has("page_size") ? JsonFields.integer(m.get("page_size"), "$.page_size", 4096, 1 << 21)
				: 4096;
		return new ReferenceDocument(optionalString(m, "kernel"), pageSize, optionalString(m, "how_cases"),
				optionalString(m, "how_rmap_walks"), cases, walks);
	}

	private RecordedCase recordedCase(ObjectNode c, String at, boolean v1, ReferenceWorkload.Streams streams)
			throws IOException {
		String name = string(c, "name", at);
		Map<KsmSysfsFile, String> tunables = new LinkedHashMap<>();
		String tat = at + ".tunables";
		for (Map.Entry<String, JsonNode> e : JsonFields.members(object(JsonFields.member(c, "tunables", at), tat))) {
			tunables.put(tunable(e.getKey(), tat), JsonFields.scalar(e.getValue(), JsonFields.child(tat, e.getKey())));
		}
		String wat = at + ".workload";
		ObjectNode w = object(JsonFields.member(c, "workload", at), wat);
		Workload workload;
		try {
			workload = v1 ? ReferenceWorkload.readV1(w, wat) : ReferenceWorkload.readV2(w, wat, streams);
		} catch (ScenarioException e) {
			throw new IOException(InputFiles.name(file) + ": " + wat + ": " + e.getMessage(), e);
		}
		List<ReplayCase.Phase> phases = new ArrayList<>();
		List<RecordedPhase> recorded = new ArrayList<>();
		ArrayNode phaseList = JsonFields.array(JsonFields.member(c, "phases", at), at + ".phases");
		for (int i = 0; i < phaseList.size(); i++) {
			String pat = at + ".phases[" + i + "]";
			ObjectNode p = object(phaseList.get(i), pat);
			String phaseName = string(p, "name", pat);
			PhaseAction action = action(object(JsonFields.member(p, "action", pat), pat + ".action"), pat + ".action");
			phases.add(new ReplayCase.Phase(phaseName, action));
			Map<String, Long> expect = new LinkedHashMap<>();
			Map<KsmSysfsFile, String> readBack = new EnumMap<>(KsmSysfsFile.class);
			if (p.has("expect")) {
				String eat = pat + ".expect";
				for (Map.Entry<String, JsonNode> e : JsonFields.members(object(p.get("expect"), eat))) {
					var known = KsmSysfsFile.byName(e.getKey());
					String keyAt = JsonFields.child(eat, e.getKey());
					if (known.isPresent() && known.get().writable()) {
						readBack.put(known.get(), JsonFields.scalar(e.getValue(), keyAt));
					} else {
						expect.put(e.getKey(), JsonFields.integer(e.getValue(), keyAt, Long.MIN_VALUE, Long.MAX_VALUE));
					}
				}
			}
			List<Map<String, Long>> perProcess = new ArrayList<>();
			if (p.has("per_process")) {
				ArrayNode pp = JsonFields.array(p.get("per_process"), pat + ".per_process");
				for (int j = 0; j < pp.size(); j++) {
					Map<String, Long> values = new LinkedHashMap<>();
					String oat = pat + ".per_process[" + j + "]";
					for (Map.Entry<String, JsonNode> e : JsonFields.members(object(pp.get(j), oat))) {
						values.put(e.getKey(), JsonFields.integer(e.getValue(), JsonFields.child(oat, e.getKey()),
								Long.MIN_VALUE, Long.MAX_VALUE));
					}
					perProcess.add(values);
				}
			}
			Map<String, Long> vmstat = new LinkedHashMap<>();
			if (p.has("vmstat")) {
				String vat = pat + ".vmstat";
				for (Map.Entry<String, JsonNode> e : JsonFields.members(object(p.get("vmstat"), vat))) {
					if (!ReferenceCase.Phase.VMSTAT_EVENTS.contains(e.getKey())) {
						throw error(vat, e.getKey(), "is not one of " + ReferenceCase.Phase.VMSTAT_EVENTS);
					}
					vmstat.put(e.getKey(), count(object(p.get("vmstat"), vat), e.getKey(), vat));
				}
			}
			boolean measured = p.has("full_scans_to_last_change");
			recorded.add(new RecordedPhase(phaseName, action, List.of(), expect, readBack,
					flag(p, "converged", pat),
					measured ? count(p, "full_scans_to_last_change", pat) : null,
					measured ? count(p, "pages_scanned_to_last_change", pat) : null,
					measured && p.has("wall_s_to_last_change") ? decimal(p, "wall_s_to_last_change", pat) : null,
					measured && p.has("ksmd_cpu_s_to_last_change") ? decimal(p, "ksmd_cpu_s_to_last_change", pat)
							: null,
					perProcess, null, vmstat, p.has("action_delay_s") ? decimal(p, "action_delay_s", pat) : null));
		}
		try {
			return new RecordedCase(new ReplayCase(name, tunables, workload, phases), recorded,
					c.has("ksmd_cpu_s_before_start") ? decimal(c, "ksmd_cpu_s_before_start", at) : null);
		} catch (IllegalArgumentException e) {
			throw new IOException(InputFiles.name(file) + ": " + at + ": " + e.getMessage(), e);
		}
	}

	private PhaseAction action(ObjectNode a, String at) throws IOException {
		if (a.has("start")) {
			return new PhaseAction.Start();
		}
		if (a.has("write")) {
			String wat = at + ".write";
			ObjectNode w = object(a.get("write"), wat);
			String content = w.has("new_content") ? string(w, "new_content", wat) : "unique";
			if (!content.equals("unique") && !content.equals("same")) {
				throw error(wat + ".new_content", content, "must be unique or same");
			}
			try {
				return new PhaseAction.Write(pages(w, "from_page", wat), pages(w, "to_page", wat),
						w.has("every") ? pages(w, "every", wat) : 1, content.equals("unique"),
						flag(w, "in_every_process", wat));
			} catch (IllegalArgumentException e) {
				throw new IOException(InputFiles.name(file) + ": " + wat + ": " + e.getMessage(), e);
			}
		}
		if (a.has("wait")) {
			String wat = at + ".wait";
			ObjectNode w = object(a.get("wait"), wat);
			return new PhaseAction.Wait(
					w.has("seconds") ? JsonFields.number(w.get("seconds"), wat + ".seconds", 0,
							ReferenceFile.MAX_WAIT_SECONDS) : null,
					w.has("full_scans") ? JsonFields.integer(w.get("full_scans"), wat + ".full_scans", 0,
							ReferenceFile.MAX_WAIT_FULL_SCANS) : null);
		}
		if (a.has("sysfs")) {
			ArrayNode writes = JsonFields.array(a.get("sysfs"), at + ".sysfs");
			List<PhaseAction.SysfsWrite> list = new ArrayList<>();
			for (int i = 0; i < writes.size(); i++) {
				String wat = at + ".sysfs[" + i + "]";
				ObjectNode w = object(writes.get(i), wat);
				list.add(new PhaseAction.SysfsWrite(tunable(string(w, "file", wat), wat + ".file"),
						JsonFields.scalar(JsonFields.member(w, "value", wat), wat + ".value"),
						w.has("result") ? string(w, "result", wat) : null));
			}
			return new PhaseAction.Sysfs(list);
		}
		List<String> keys = new ArrayList<>();
		a.fieldNames().forEachRemaining(keys::add);
		throw error(at, keys.toString(), "must have one of start, write, wait, sysfs");
	}

	private KsmSysfsFile tunable(String name, String at) throws IOException {
		return KsmSysfsFile.byName(name).filter(KsmSysfsFile::writable)
				.orElseThrow(() -> error(at, name, "is not a writable file of /sys/kernel/mm/ksm"));
	}

	private static ObjectNode object(JsonNode value, String at) {
		return JsonFields.object(value, at);
	}

	private static String string(ObjectNode m, String key, String at) {
		return JsonFields.string(JsonFields.member(m, key, at), at + "." + key);
	}

	private static String optionalString(ObjectNode m, String key) {
		JsonNode value = m.get(key);
		return value == null || value.isNull() ? "" : value.asText();
	}

	/** A count of pages (or page indexes) in 0..{@link ReferenceFile#MAX_PAGES}. */
	private static long pages(ObjectNode m, String key, String at) {
		return JsonFields.integer(JsonFields.member(m, key, at), at + "." + key, 0, ReferenceFile.MAX_PAGES);
	}

	/** A count of events or trials: a non-negative integer. */
	private static long count(ObjectNode m, String key, String at) {
		return JsonFields.integer(JsonFields.member(m, key, at), at + "." + key, 0, Long.MAX_VALUE);
	}

	/** A true/false member that is true when absent. */
	private static boolean flag(ObjectNode m, String key, String at) {
		return !m.has(key) || JsonFields.bool(m.get(key), at + "." + key);
	}

	private static double decimal(ObjectNode m, String key, String at) {
		return JsonFields.number(JsonFields.member(m, key, at), at + "." + key, 0, Double.MAX_VALUE);
	}

	private IOException error(String at, String value, String rule) {
		return new IOException(InputFiles.name(file) + ": " + at + " = " + Text.shown(value) + ": " + rule);
	}
}
