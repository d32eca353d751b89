package org.ksmstudio.live.ui.internal.compare;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.ksmstudio.live.ui.internal.Messages;

/**
 * The last replay on this kernel beside its simulation: phase, counter, kernel, simulated, difference;
 * rows that differ are highlighted, and an empty row separates the groups (each phase's sysfs
 * counters, each process's ksm_stat).
 */
public final class CompareView extends ViewPart {

	/** View id, as in plugin.xml. */
	public static final String ID = "org.ksmstudio.live.ui.views.compare"; //$NON-NLS-1$
	/** Widget data keys, for tests. */
	public static final String TABLE_KEY = "org.ksmstudio.live.ui.compare.table"; //$NON-NLS-1$
	public static final String SUMMARY_KEY = "org.ksmstudio.live.ui.compare.summary"; //$NON-NLS-1$

	/** The empty row between two groups of rows. */
	private static final Object SEPARATOR = new Object();
	private static final RGB DIFFERS = new RGB(255, 214, 214);
	private static final RGB SAME_SUM = new RGB(255, 240, 200);

	private static final NumberFormat NUMBERS = NumberFormat.getIntegerInstance();

	private @Nullable Label summary;
	private @Nullable TableViewer table;
	private @Nullable CompareModel model;

	@Override
	@NonNullByDefault({})
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		Label summary = new Label(parent, SWT.WRAP);
		this.summary = summary;
		summary.setData(SUMMARY_KEY, Boolean.TRUE);
		summary.setText(Messages.compareNone);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 2).hint(200, SWT.DEFAULT).applyTo(summary);
		Composite holder = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(holder);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		TableViewer table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		this.table = table;
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.getTable().setData(TABLE_KEY, Boolean.TRUE);
		table.setContentProvider(ArrayContentProvider.getInstance());
		column(table, layout, Messages.comparePhase, 22, SWT.LEFT, CompareModel.Row::phase, false);
		column(table, layout, Messages.compareCounter, 24, SWT.LEFT, CompareModel.Row::counter, false);
		column(table, layout, Messages.compareKernel, 13, SWT.RIGHT, r -> NUMBERS.format(r.kernel()), true);
		column(table, layout, Messages.compareSimulated, 13, SWT.RIGHT,
				r -> r.simulated() == null ? "" : NUMBERS.format(r.simulated()), true); //$NON-NLS-1$
		column(table, layout, Messages.compareDifference, 28, SWT.LEFT, CompareView::difference, true);
		CompareModel shown = model;
		if (shown != null) {
			setModel(shown);
		}
	}

	private static String difference(CompareModel.Row row) {
		Long d = row.difference();
		String value = d == null || d == 0 ? "" : (d > 0 ? "+" : "") + NUMBERS.format(d) + "  "; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		return value + CompareModel.text(row.verdict());
	}

	private static void column(TableViewer table, TableColumnLayout layout, String title, int weight, int style,
			Function<CompareModel.Row, String> text, boolean monospace) {
		TableViewerColumn column = new TableViewerColumn(table, style);
		column.getColumn().setText(title);
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 40));
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return element instanceof CompareModel.Row row ? text.apply(row) : ""; //$NON-NLS-1$
			}

			@Override
			@NonNullByDefault({})
			public Font getFont(Object element) {
				if (!(element instanceof CompareModel.Row row)) {
					return null;
				}
				return row.differs() ? JFaceResources.getFontRegistry().getBold(monospace ? JFaceResources.TEXT_FONT
						: JFaceResources.DEFAULT_FONT) : monospace ? JFaceResources.getTextFont() : null;
			}

			@Override
			@NonNullByDefault({})
			public Color getBackground(Object element) {
				if (!(element instanceof CompareModel.Row row)) {
					return null;
				}
				return row.differs() ? new Color(DIFFERS)
						: row.verdict() == CompareModel.Verdict.SAME_SUM ? new Color(SAME_SUM) : null;
			}
		});
	}

	/** Shows a comparison (call on the UI thread). */
	public void setModel(CompareModel newModel) {
		model = newModel;
		TableViewer table = this.table;
		Label summary = this.summary;
		if (table == null || summary == null || table.getControl().isDisposed()) {
			return;
		}
		summary.setText(newModel.summary());
		summary.setForeground(newModel.matches() ? null : summary.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		table.setInput(grouped(newModel.rows()));
		summary.getParent().layout(true);
	}

	/** The rows with {@link #SEPARATOR} between two groups (another phase, or system counters and a process's). */
	private static List<Object> grouped(List<CompareModel.Row> rows) {
		List<Object> shown = new ArrayList<>();
		String group = null;
		for (CompareModel.Row row : rows) {
			String own = row.phase() + '\n' + (row.counter().startsWith("pid ") //$NON-NLS-1$
					? row.counter().substring(0, row.counter().lastIndexOf(' ')) : ""); //$NON-NLS-1$
			if (group != null && !group.equals(own)) {
				shown.add(SEPARATOR);
			}
			group = own;
			shown.add(row);
		}
		return shown;
	}

	/** The comparison shown, or null. */
	public @Nullable CompareModel model() {
		return model;
	}

	@Override
	public void setFocus() {
		TableViewer table = this.table;
		if (table != null) {
			table.getControl().setFocus();
		}
	}
}
