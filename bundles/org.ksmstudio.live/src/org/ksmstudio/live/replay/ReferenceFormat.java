package org.ksmstudio.live.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.json.Json;
import org.ksmstudio.engine.json.JsonException;
import org.ksmstudio.live.sysfs.KsmFile;

/**
 * Reads and writes the {@code ksmstudio-kernel-reference-1} format into the replay's typed records
 * (with the engine's JSON reader and writer). Errors name the file, the JSON path and the value.
 */
public final class ReferenceFormat {

	private final Path file;

	private ReferenceFormat(Path file) {
		this.file = file;
	}

	/** Reads a reference file. */
	public static ReferenceDocument read(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		Object root;
		try {
			root = Json.parse(text);
		} catch (JsonException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
		return new ReferenceFormat(file).document(root);
	}

	/** Writes a document atomically (temporary file, then rename), so a failure leaves the old file. */
	public static void write(ReferenceDocument document, Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
		try {
			Files.writeString(temporary, toJson(document), StandardCharsets.UTF_8);
			if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
				// a file to share, not the private 0600 of a temporary file
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
			}
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** The JSON text of a document. */
	public static String toJson(ReferenceDocument document) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("format", ReferenceDocument.FORMAT);
		root.put("kernel", document.kernel());
		root.put("page_size", document.pageSize());
		root.put("how_cases", document.howCases());
		root.put("how_rmap_walks", document.howRmapWalks());
		List<Object> cases = new ArrayList<>();
		for (RecordedCase c : document.cases()) {
			cases.add(caseJson(c));
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
		return Json.writePretty(root) + "\n";
	}

	private static Map<String, Object> caseJson(RecordedCase recorded) {
		ReplayCase c = recorded.replayCase();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", c.name());
		Map<String, Object> tunables = new LinkedHashMap<>();
		c.tunables().forEach((k, v) -> tunables.put(k.fileName(), tunableValue(k, v)));
		m.put("tunables", tunables);
		ReplayWorkload w = c.workload();
		Map<String, Object> workload = new LinkedHashMap<>();
		workload.put("processes", (long) w.processes());
		workload.put("pages_per_process", w.pagesPerProcess());
		workload.put("distinct_contents", w.distinctContents());
		workload.put("copies_per_content", w.copiesPerContent());
		workload.put("layout", w.layout().referenceName());
		workload.put("unique_pages", w.uniquePages());
		workload.put("zero_pages", w.zeroPages());
		workload.put("same_contents_in_every_process", w.sameContentsInEveryProcess());
		m.put("workload", workload);
		List<Object> phases = new ArrayList<>();
		for (RecordedPhase p : recorded.phases()) {
			Map<String, Object> phase = new LinkedHashMap<>();
			phase.put("name", p.name());
			phase.put("action", actionJson(p.action()));
			Map<String, Object> expect = new LinkedHashMap<>(p.expect());
			p.tunablesReadBack().forEach((k, v) -> expect.put(k.fileName(), tunableValue(k, v)));
			phase.put("expect", expect);
			if (p.fullScansToLastChange() != null) {
				phase.put("full_scans_to_last_change", p.fullScansToLastChange());
				phase.put("pages_scanned_to_last_change", p.pagesScannedToLastChange());
				phase.put("wall_s_to_last_change", p.wallSecondsToLastChange());
			}
			if (!p.converged()) {
				phase.put("converged", false);
			}
			phase.put("per_process", new ArrayList<Object>(p.perProcess()));
			phases.add(phase);
		}
		m.put("phases", phases);
		return m;
	}

	private static Object tunableValue(KsmFile file, String value) {
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
			if (w.seconds() != null) {
				wait.put("seconds", w.seconds() == Math.rint(w.seconds()) ? (Object) w.seconds().longValue()
						: w.seconds());
			}
			if (w.fullScans() != null) {
				wait.put("full_scans", w.fullScans());
			}
			m.put("wait", wait);
		}
		case PhaseAction.Sysfs s -> {
			List<Object> writes = new ArrayList<>();
			for (PhaseAction.SysfsWrite w : s.writes()) {
				Map<String, Object> write = new LinkedHashMap<>();
				write.put("file", w.file().fileName());
				write.put("value", w.value());
				if (w.result() != null) {
					write.put("result", w.result());
				}
				writes.add(write);
			}
			m.put("sysfs", writes);
		}
		}
		return m;
	}

	// ---- reading

	private ReferenceDocument document(Object root) throws IOException {
		Map<String, Object> m = object(root, "$");
		String format = string(m, "format", "$");
		if (!ReferenceDocument.FORMAT.equals(format)) {
			throw error("$.format", format, "must be " + ReferenceDocument.FORMAT);
		}
		List<RecordedCase> cases = new ArrayList<>();
		List<Object> caseList = list(m.get("cases"), "$.cases");
		for (int i = 0; i < caseList.size(); i++) {
			cases.add(recordedCase(object(caseList.get(i), "$.cases[" + i + "]"), "$.cases[" + i + "]"));
		}
		List<RmapWalkMeasurement> walks = new ArrayList<>();
		if (m.containsKey("rmap_walks")) {
			List<Object> walkList = list(m.get("rmap_walks"), "$.rmap_walks");
			for (int i = 0; i < walkList.size(); i++) {
				String at = "$.rmap_walks[" + i + "]";
				Map<String, Object> w = object(walkList.get(i), at);
				Map<String, Object> ms = object(w.get("migrate_one_page_ms"), at + ".migrate_one_page_ms");
				walks.add(new RmapWalkMeasurement(number(w, "ptes_total", at), number(w, "max_page_sharing", at),
						number(w, "ptes_on_migrated_page", at), w.containsKey("processes") ? number(w, "processes", at) : 1,
						decimal(ms, "min", at), decimal(ms, "median", at), decimal(ms, "max", at),
						number(ms, "trials", at)));
			}
		}
		long pageSize = m.containsKey("page_size") ? number(m, "page_size", "$") : 4096;
		return new ReferenceDocument(optionalString(m, "kernel"), pageSize, optionalString(m, "how_cases"),
				optionalString(m, "how_rmap_walks"), cases, walks);
	}

	private RecordedCase recordedCase(Map<String, Object> c, String at) throws IOException {
		String name = string(c, "name", at);
		Map<KsmFile, String> tunables = new LinkedHashMap<>();
		Map<String, Object> t = object(c.get("tunables"), at + ".tunables");
		for (Map.Entry<String, Object> e : t.entrySet()) {
			tunables.put(tunable(e.getKey(), at + ".tunables"), String.valueOf(e.getValue()));
		}
		String wat = at + ".workload";
		Map<String, Object> w = object(c.get("workload"), wat);
		ReplayWorkload workload;
		try {
			workload = new ReplayWorkload((int) number(w, "processes", wat), number(w, "pages_per_process", wat),
					number(w, "distinct_contents", wat), number(w, "copies_per_content", wat),
					ReplayWorkload.Layout.of(w.containsKey("layout") ? string(w, "layout", wat) : "block"),
					number(w, "unique_pages", wat), number(w, "zero_pages", wat),
					!Boolean.FALSE.equals(w.get("same_contents_in_every_process")));
		} catch (IllegalArgumentException e) {
			throw new IOException(file + ": " + wat + ": " + e.getMessage(), e);
		}
		List<ReplayCase.Phase> phases = new ArrayList<>();
		List<RecordedPhase> recorded = new ArrayList<>();
		List<Object> phaseList = list(c.get("phases"), at + ".phases");
		for (int i = 0; i < phaseList.size(); i++) {
			String pat = at + ".phases[" + i + "]";
			Map<String, Object> p = object(phaseList.get(i), pat);
			String phaseName = string(p, "name", pat);
			PhaseAction action = action(object(p.get("action"), pat + ".action"), pat + ".action");
			phases.add(new ReplayCase.Phase(phaseName, action));
			Map<String, Long> expect = new LinkedHashMap<>();
			Map<KsmFile, String> readBack = new EnumMap<>(KsmFile.class);
			if (p.containsKey("expect")) {
				for (Map.Entry<String, Object> e : object(p.get("expect"), pat + ".expect").entrySet()) {
					var known = KsmFile.byName(e.getKey());
					if (known.isPresent() && known.get().isTunable()) {
						readBack.put(known.get(), String.valueOf(e.getValue()));
					} else {
						expect.put(e.getKey(), number(object(p.get("expect"), pat), e.getKey(), pat + ".expect"));
					}
				}
			}
			List<Map<String, Long>> perProcess = new ArrayList<>();
			if (p.containsKey("per_process")) {
				List<Object> pp = list(p.get("per_process"), pat + ".per_process");
				for (int j = 0; j < pp.size(); j++) {
					Map<String, Long> values = new LinkedHashMap<>();
					Map<String, Object> o = object(pp.get(j), pat + ".per_process[" + j + "]");
					for (String key : o.keySet()) {
						values.put(key, number(o, key, pat + ".per_process[" + j + "]"));
					}
					perProcess.add(values);
				}
			}
			boolean measured = p.containsKey("full_scans_to_last_change");
			recorded.add(new RecordedPhase(phaseName, action, List.of(), expect, readBack,
					!Boolean.FALSE.equals(p.get("converged")),
					measured ? number(p, "full_scans_to_last_change", pat) : null,
					measured ? number(p, "pages_scanned_to_last_change", pat) : null,
					measured ? decimal(p, "wall_s_to_last_change", pat) : null, perProcess, null));
		}
		try {
			return new RecordedCase(new ReplayCase(name, tunables, workload, phases), recorded);
		} catch (IllegalArgumentException e) {
			throw new IOException(file + ": " + at + ": " + e.getMessage(), e);
		}
	}

	private PhaseAction action(Map<String, Object> a, String at) throws IOException {
		if (a.containsKey("start")) {
			return new PhaseAction.Start();
		}
		if (a.containsKey("write")) {
			String wat = at + ".write";
			Map<String, Object> w = object(a.get("write"), wat);
			String content = w.containsKey("new_content") ? string(w, "new_content", wat) : "unique";
			if (!content.equals("unique") && !content.equals("same")) {
				throw error(wat + ".new_content", content, "must be unique or same");
			}
			try {
				return new PhaseAction.Write(number(w, "from_page", wat), number(w, "to_page", wat),
						w.containsKey("every") ? number(w, "every", wat) : 1, content.equals("unique"),
						!Boolean.FALSE.equals(w.get("in_every_process")));
			} catch (IllegalArgumentException e) {
				throw new IOException(file + ": " + wat + ": " + e.getMessage(), e);
			}
		}
		if (a.containsKey("wait")) {
			String wat = at + ".wait";
			Map<String, Object> w = object(a.get("wait"), wat);
			return new PhaseAction.Wait(w.containsKey("seconds") ? decimal(w, "seconds", wat) : null,
					w.containsKey("full_scans") ? number(w, "full_scans", wat) : null);
		}
		if (a.containsKey("sysfs")) {
			List<Object> writes = list(a.get("sysfs"), at + ".sysfs");
			List<PhaseAction.SysfsWrite> list = new ArrayList<>();
			for (int i = 0; i < writes.size(); i++) {
				String wat = at + ".sysfs[" + i + "]";
				Map<String, Object> w = object(writes.get(i), wat);
				Object value = w.get("value");
				if (value == null) {
					throw error(wat + ".value", null, "is required");
				}
				list.add(new PhaseAction.SysfsWrite(tunable(string(w, "file", wat), wat + ".file"),
						String.valueOf(value), w.containsKey("result") ? string(w, "result", wat) : null));
			}
			return new PhaseAction.Sysfs(list);
		}
		throw error(at, a.keySet(), "must have one of start, write, wait, sysfs");
	}

	private KsmFile tunable(String name, String at) throws IOException {
		return KsmFile.byName(name).filter(KsmFile::isTunable)
				.orElseThrow(() -> error(at, name, "is not a writable file of /sys/kernel/mm/ksm"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> object(Object value, String at) throws IOException {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw error(at, value, "must be an object");
	}

	@SuppressWarnings("unchecked")
	private List<Object> list(Object value, String at) throws IOException {
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		throw error(at, value, "must be an array");
	}

	private String string(Map<String, Object> m, String key, String at) throws IOException {
		Object value = m.get(key);
		if (value instanceof String s) {
			return s;
		}
		throw error(at + "." + key, value, "must be a string");
	}

	private static String optionalString(Map<String, Object> m, String key) {
		Object value = m.get(key);
		return value == null ? "" : String.valueOf(value);
	}

	private long number(Map<String, Object> m, String key, String at) throws IOException {
		Object value = m.get(key);
		if (value instanceof Long l) {
			return l;
		}
		if (value instanceof Boolean b) {
			return b ? 1 : 0;
		}
		throw error(at + "." + key, value, "must be an integer");
	}

	private double decimal(Map<String, Object> m, String key, String at) throws IOException {
		Object value = m.get(key);
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		throw error(at + "." + key, value, "must be a number");
	}

	private IOException error(String at, Object value, String rule) {
		return new IOException(file + ": " + at + " = " + value + ": " + rule);
	}
}
