package org.ksmstudio.ui.internal.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.model.edit.ScenarioLabels;
import org.ksmstudio.model.scenario.ScenarioPackage;

/** The writable files of /sys/kernel/mm/ksm in the order the Tunables view lists them, with the kernel's defaults. */
public final class Tunables {

	/** The tunables, most used first. */
	public static final List<String> FILES = List.of("run", "pages_to_scan", "sleep_millisecs", "max_page_sharing", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"stable_node_chains_prune_millisecs", "merge_across_nodes", "use_zero_pages", "smart_scan", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"advisor_mode", "advisor_max_cpu", "advisor_min_pages_to_scan", "advisor_max_pages_to_scan", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"advisor_target_scan_time"); //$NON-NLS-1$

	private static final Map<String, String> DEFAULTS = defaults();

	private Tunables() {
	}

	private static Map<String, String> defaults() {
		KsmTunables d = KsmTunables.DEFAULTS;
		Map<String, String> m = new LinkedHashMap<>();
		m.put("run", Integer.toString(d.run())); //$NON-NLS-1$
		m.put("pages_to_scan", Long.toString(d.pagesToScan())); //$NON-NLS-1$
		m.put("sleep_millisecs", Long.toString(d.sleepMillisecs())); //$NON-NLS-1$
		m.put("max_page_sharing", Integer.toString(d.maxPageSharing())); //$NON-NLS-1$
		m.put("stable_node_chains_prune_millisecs", Long.toString(d.stableNodeChainsPruneMillisecs())); //$NON-NLS-1$
		m.put("merge_across_nodes", Integer.toString(d.mergeAcrossNodes())); //$NON-NLS-1$
		m.put("use_zero_pages", d.useZeroPages() ? "1" : "0"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		m.put("smart_scan", d.smartScan() ? "1" : "0"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		m.put("advisor_mode", d.advisorMode().sysfsName()); //$NON-NLS-1$
		m.put("advisor_max_cpu", Long.toString(d.advisorMaxCpu())); //$NON-NLS-1$
		m.put("advisor_min_pages_to_scan", Long.toString(d.advisorMinPagesToScan())); //$NON-NLS-1$
		m.put("advisor_max_pages_to_scan", Long.toString(d.advisorMaxPagesToScan())); //$NON-NLS-1$
		m.put("advisor_target_scan_time", Long.toString(d.advisorTargetScanTime())); //$NON-NLS-1$
		return m;
	}

	/** The kernel's default value of {@code file}, as written to it. */
	public static String defaultValue(String file) {
		return DEFAULTS.get(file);
	}

	/** The value a write would set, from the file's text: "[none] scan-time" reads as "none". */
	public static String writtenValue(String sysfsText) {
		if (sysfsText == null) {
			return ""; //$NON-NLS-1$
		}
		int open = sysfsText.indexOf('[');
		int close = sysfsText.indexOf(']');
		return open >= 0 && close > open ? sysfsText.substring(open + 1, close) : sysfsText.strip();
	}

	/** What the model's documentation says about {@code file}, or an empty string. */
	public static String description(String file) {
		for (EAttribute attribute : ScenarioPackage.Literals.KSM_CONFIG.getEAllAttributes()) {
			if (file.equals(ScenarioLabels.label(attribute))) {
				String doc = EcoreUtil.getDocumentation(attribute);
				return doc == null ? "" : doc; //$NON-NLS-1$
			}
		}
		return ""; //$NON-NLS-1$
	}
}
