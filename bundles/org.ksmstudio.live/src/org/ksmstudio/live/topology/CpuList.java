package org.ksmstudio.live.topology;

import java.util.ArrayList;
import java.util.List;

/** The kernel's CPU list format ({@code "0-3,8,10-11"}). */
public final class CpuList {

	private CpuList() {
	}

	/**
	 * The CPUs of a list, in the order written.
	 *
	 * @throws IllegalArgumentException naming the text when it is not a CPU list
	 */
	public static List<Integer> parse(String text) {
		List<Integer> cpus = new ArrayList<>();
		String trimmed = text.trim();
		if (trimmed.isEmpty()) {
			return cpus;
		}
		try {
			for (String part : trimmed.split(",")) {
				int dash = part.indexOf('-');
				if (dash < 0) {
					cpus.add(Integer.parseInt(part.trim()));
				} else {
					int from = Integer.parseInt(part.substring(0, dash).trim());
					int to = Integer.parseInt(part.substring(dash + 1).trim());
					if (to < from) {
						throw new IllegalArgumentException("not a CPU list: '" + text + "' (range " + part + ")");
					}
					for (int cpu = from; cpu <= to; cpu++) {
						cpus.add(cpu);
					}
				}
			}
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("not a CPU list: '" + text + "'", e);
		}
		return cpus;
	}
}
