package org.ksmstudio.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;
import org.ksmstudio.engine.sysfs.SysfsRow;
import org.ksmstudio.ui.internal.Messages;

/**
 * What the views show of the files of /sys/kernel/mm/ksm, from the engine's table
 * {@link KsmSysfsFile} and the rows a run's patch adds ({@link PatchSysfsFile}): the tunables in
 * the Tunables view's order, defaults, values and tooltips.
 */
public final class Tunables {

	/** The tunables: run first (what a user starts with), then the others in the table's order. */
	public static final List<String> FILES = files();

	private Tunables() {
	}

	private static List<String> files() {
		List<String> files = new ArrayList<>();
		files.add(KsmSysfsFile.RUN.fileName());
		for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
			if (file != KsmSysfsFile.RUN) {
				files.add(file.fileName());
			}
		}
		return List.copyOf(files);
	}

	/** The kernel's file {@code file}, or the patch's of that name. */
	static SysfsRow row(String file, List<PatchSysfsFile> patchFiles) {
		for (PatchSysfsFile p : patchFiles) {
			if (p.fileName().equals(file)) {
				return p;
			}
		}
		return KsmSysfsFile.byName(file).orElseThrow(() -> new IllegalArgumentException(file));
	}

	/** The default value of a tunable, as written to it; empty for a counter. */
	public static String defaultValue(SysfsRow row) {
		return row.defaultValue().orElse(""); //$NON-NLS-1$
	}

	/** The kernel's default value of {@code file}, as written to it; empty for a counter. */
	public static String defaultValue(String file) {
		return defaultValue(row(file, List.of()));
	}

	/** The value a write would set, from the file's text: "[none] scan-time" reads as "none". */
	public static String writtenValue(SysfsRow row, @Nullable String sysfsText) {
		if (sysfsText == null) {
			return ""; //$NON-NLS-1$
		}
		return row instanceof KsmSysfsFile file ? file.normalize(sysfsText) : sysfsText.strip();
	}

	/** The value a write would set to the kernel's {@code file}. */
	public static String writtenValue(String file, @Nullable String sysfsText) {
		return writtenValue(row(file, List.of()), sysfsText);
	}

	/**
	 * The tooltip of a file: its meaning, then the values it takes and its default (tunables) or that
	 * it is read-only (counters), its unit and the first kernel version that has it (a patch's: "patch").
	 */
	public static String tooltip(SysfsRow row) {
		StringBuilder text = new StringBuilder(row.meaning()).append('\n');
		if (row.writable()) {
			text.append(NLS.bind(Messages.sysfsValues, row.range(), row.defaultValue().orElseThrow()));
		} else {
			text.append(Messages.sysfsReadOnly);
		}
		if (!row.unit().isEmpty()) {
			text.append(NLS.bind(Messages.sysfsUnit, row.unit()));
		}
		return text.append(row instanceof KsmSysfsFile ? NLS.bind(Messages.sysfsSince, row.since()) : Messages.sysfsPatch)
				.toString();
	}
}
