package org.ksmstudio.ui.internal.views;

import java.text.NumberFormat;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.RGB;
import org.ksmstudio.core.compare.RunComparison;
import org.ksmstudio.core.compare.RunComparison.Row;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/**
 * The labels of one column of the Compare view's table: the row's name, a run's value, a run's
 * difference from the first run, or the best run. Rows whose runs differ are bold; where a row has a
 * better direction, the best run's value is on green and the others on red. A source file shows
 * its name, its path in the tooltip.
 */
final class ComparisonLabels extends ColumnLabelProvider {

	/** Background of the best run's value. */
	static final RGB BETTER = new RGB(198, 239, 206);
	/** Background of the other runs' values where one is best. */
	static final RGB WORSE = new RGB(255, 214, 214);

	/** What the column shows. */
	enum Kind {
		NAME, UNIT, VALUE, DELTA, BEST
	}

	private final RunComparison comparison;
	private final Kind kind;
	private final int run;
	private final Color better = new Color(BETTER);
	private final Color worse = new Color(WORSE);

	/** {@code run}: the run of a VALUE or DELTA column. */
	ComparisonLabels(RunComparison comparison, Kind kind, int run) {
		this.comparison = comparison;
		this.kind = kind;
		this.run = run;
	}

	@Override
	@NonNullByDefault({})
	public String getText(Object element) {
		Row row = (Row) element;
		return switch (kind) {
			case NAME -> row.name();
			case UNIT -> shownUnit(row.unit());
			case VALUE -> value(row, row.values().get(run));
			case DELTA -> delta(row, row.delta(run));
			case BEST -> row.best() < 0 ? "" : comparison.title(row.best()); //$NON-NLS-1$
		};
	}

	@Override
	@NonNullByDefault({})
	public Font getFont(Object element) {
		return ((Row) element).differs() ? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT) : null;
	}

	@Override
	@NonNullByDefault({})
	public Color getBackground(Object element) {
		Row row = (Row) element;
		if (kind != Kind.VALUE || row.best() < 0) {
			return null;
		}
		return row.best() == run ? better : worse;
	}

	@Override
	@NonNullByDefault({})
	public String getToolTipText(Object element) {
		Row row = (Row) element;
		boolean sysfs = row.section() == RunComparison.Section.TUNABLE || row.section() == RunComparison.Section.COUNTER;
		if (kind == Kind.VALUE && RunComparison.FILE.equals(row.unit())) {
			Object path = row.values().get(run);
			return path == null ? null : path.toString();
		}
		return kind == Kind.NAME && sysfs
				? KsmSysfsFile.byName(row.name()).<@Nullable String>map(Tunables::tooltip).orElse(null)
				: null;
	}

	/** The unit column's text: empty where each value is shown with a unit of its own (7.78 MiB, 2.94 ms, a file name). */
	static String shownUnit(String unit) {
		return switch (unit) {
			case RunComparison.BYTES, RunComparison.NANOS, RunComparison.FILE -> ""; //$NON-NLS-1$
			default -> unit;
		};
	}

	/** A value in its unit: "1,992", "7.78 MiB", "2.94 ms", "0.37". */
	static String value(Row row, @Nullable Object value) {
		if (value == null) {
			return ""; //$NON-NLS-1$
		}
		if (value instanceof Long n) {
			return switch (row.unit()) {
				case RunComparison.BYTES -> bytes(n);
				case RunComparison.NANOS -> WalkCost.duration(n);
				default -> NumberFormat.getIntegerInstance().format(n);
			};
		}
		if (RunComparison.FILE.equals(row.unit())) {
			// the file's name; its path (as wide as several runs' columns) is the tooltip
			String path = value.toString();
			return path.substring(path.lastIndexOf('/') + 1);
		}
		if (value instanceof Double d) {
			return String.format("%,.3f", d); //$NON-NLS-1$
		}
		return value.toString();
	}

	/** A signed difference in the row's unit, or empty where there is none. */
	static String delta(Row row, Double delta) {
		if (delta == null || delta == 0) {
			return delta == null ? "" : "0"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		String sign = delta > 0 ? "+" : "\u2212"; //$NON-NLS-1$ //$NON-NLS-2$
		double magnitude = Math.abs(delta);
		Object shown = row.values().get(0) instanceof Long ? (Object) Math.round(magnitude) : (Object) magnitude;
		return sign + value(row, shown);
	}

	/** "512 bytes", "4.0 KiB", "7.78 MiB", "1.50 GiB". */
	static String bytes(long n) {
		if (Math.abs(n) < 1024) {
			return NumberFormat.getIntegerInstance().format(n) + ' ' + RunComparison.BYTES;
		}
		String[] units = { "KiB", "MiB", "GiB", "TiB" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		double v = n / 1024.0;
		int u = 0;
		while (Math.abs(v) >= 1024 && u < units.length - 1) {
			v /= 1024;
			u++;
		}
		return String.format("%.2f %s", v, units[u]); //$NON-NLS-1$
	}
}
