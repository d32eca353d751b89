package org.ksmstudio.ui.internal.export;

import java.util.Map;

/**
 * The tunables of a run as a shell script of sysfs writes that reproduces them on a real machine,
 * in an order the kernel accepts: ksmd is stopped and everything unmerged first when
 * max_page_sharing or merge_across_nodes must change (they return EBUSY while pages are shared),
 * the advisor is switched off before pages_to_scan is written (EINVAL under the scan-time
 * advisor) and set last, and run last of all.
 */
public final class TunablesScript {

	private static final String[] PLAIN = { "pages_to_scan", "sleep_millisecs", //$NON-NLS-1$ //$NON-NLS-2$
			"stable_node_chains_prune_millisecs", "use_zero_pages", "smart_scan", "advisor_max_cpu", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"advisor_min_pages_to_scan", "advisor_max_pages_to_scan", "advisor_target_scan_time" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private TunablesScript() {
	}

	/**
	 * @param title  what the script reproduces (a comment line)
	 * @param values sysfs file → value as written (advisor_mode "none" or "scan-time")
	 */
	public static String of(String title, Map<String, String> values) {
		String mps = values.get("max_page_sharing"); //$NON-NLS-1$
		String man = values.get("merge_across_nodes"); //$NON-NLS-1$
		StringBuilder s = new StringBuilder();
		s.append("#!/bin/sh\n"); //$NON-NLS-1$
		s.append("# KSM tunables of ").append(title.replace('\n', ' ')).append(", exported by KSM Studio.\n"); //$NON-NLS-1$ //$NON-NLS-2$
		s.append("# Run as root. Writes /sys/kernel/mm/ksm in an order the kernel accepts.\n"); //$NON-NLS-1$
		s.append("set -e\nKSM=/sys/kernel/mm/ksm\n\n"); //$NON-NLS-1$
		s.append("# max_page_sharing and merge_across_nodes answer EBUSY while pages are shared:\n"); //$NON-NLS-1$
		s.append("# stop ksmd and unmerge every page first when one of them must change.\n"); //$NON-NLS-1$
		s.append("if [ \"$(cat $KSM/max_page_sharing)\" != \"").append(mps) //$NON-NLS-1$
				.append("\" ] || [ \"$(cat $KSM/merge_across_nodes)\" != \"").append(man).append("\" ]; then\n"); //$NON-NLS-1$ //$NON-NLS-2$
		s.append("    echo 2 > $KSM/run\n"); //$NON-NLS-1$
		s.append("    echo ").append(mps).append(" > $KSM/max_page_sharing\n"); //$NON-NLS-1$ //$NON-NLS-2$
		s.append("    echo ").append(man).append(" > $KSM/merge_across_nodes\n"); //$NON-NLS-1$ //$NON-NLS-2$
		s.append("fi\n\n"); //$NON-NLS-1$
		s.append("# pages_to_scan answers EINVAL under the scan-time advisor: switch it off while writing\n"); //$NON-NLS-1$
		s.append("echo none > $KSM/advisor_mode\n"); //$NON-NLS-1$
		for (String file : PLAIN) {
			String value = values.get(file);
			if (value != null) {
				s.append("echo ").append(value).append(" > $KSM/").append(file).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		s.append("echo ").append(values.getOrDefault("advisor_mode", "none")).append(" > $KSM/advisor_mode\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		s.append("\necho ").append(values.getOrDefault("run", "1")).append(" > $KSM/run\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		return s.toString();
	}
}
