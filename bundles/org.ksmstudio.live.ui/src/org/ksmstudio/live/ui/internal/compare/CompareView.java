package org.ksmstudio.live.ui.internal.compare;

import java.util.function.Function;

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
 * rows that differ are highlighted.
 */
public final class CompareView extends ViewPart {

	/** View id, as in plugin.xml. */
	public static final String ID = "org.ksmstudio.live.ui.views.compare"; //$NON-NLS-1$
	/** Widget data keys, for tests. */
	public static final String TABLE_KEY = "org.ksmstudio.live.ui.compare.table"; //$NON-NLS-1$
	public static final String SUMMARY_KEY = "org.ksmstudio.live.ui.compare.summary"; //$NON-NLS-1$

	private static final RGB DIFFERS = new RGB(255, 214, 214);
	private static final RGB SAME_SUM = new RGB(255, 240, 200);

	private Label summary;
	private TableViewer table;
	private CompareModel model;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		summary = new Label(parent, SWT.WRAP);
		summary.setData(SUMMARY_KEY, Boolean.TRUE);
		summary.setText(Messages.compareNone);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 2).hint(200, SWT.DEFAULT).applyTo(summary);
		Composite holder = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(holder);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.getTable().setData(TABLE_KEY, Boolean.TRUE);
		table.setContentProvider(ArrayContentProvider.getInstance());
		column(layout, Messages.comparePhase, 22, SWT.LEFT, CompareModel.Row::phase, false);
		column(layout, Messages.compareCounter, 24, SWT.LEFT, CompareModel.Row::counter, false);
		column(layout, Messages.compareKernel, 13, SWT.RIGHT, r -> Long.toString(r.kernel()), true);
		column(layout, Messages.compareSimulated, 13, SWT.RIGHT,
				r -> r.simulated() == null ? "" : Long.toString(r.simulated()), true); //$NON-NLS-1$
		column(layout, Messages.compareDifference, 28, SWT.LEFT, CompareView::difference, true);
		if (model != null) {
			setModel(model);
		}
	}

	private static String difference(CompareModel.Row row) {
		Long d = row.difference();
		String value = d == null || d == 0 ? "" : String.format("%+d  ", d); //$NON-NLS-1$ //$NON-NLS-2$
		return value + CompareModel.text(row.verdict());
	}

	private void column(TableColumnLayout layout, String title, int weight, int style,
			Function<CompareModel.Row, String> text, boolean monospace) {
		TableViewerColumn column = new TableViewerColumn(table, style);
		column.getColumn().setText(title);
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 40));
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((CompareModel.Row) element);
			}

			@Override
			public Font getFont(Object element) {
				CompareModel.Row row = (CompareModel.Row) element;
				return row.differs() ? JFaceResources.getFontRegistry().getBold(monospace ? JFaceResources.TEXT_FONT
						: JFaceResources.DEFAULT_FONT) : monospace ? JFaceResources.getTextFont() : null;
			}

			@Override
			public Color getBackground(Object element) {
				CompareModel.Row row = (CompareModel.Row) element;
				return row.differs() ? new Color(DIFFERS)
						: row.verdict() == CompareModel.Verdict.SAME_SUM ? new Color(SAME_SUM) : null;
			}
		});
	}

	/** Shows a comparison (call on the UI thread). */
	public void setModel(CompareModel newModel) {
		model = newModel;
		if (table == null || table.getControl().isDisposed()) {
			return;
		}
		summary.setText(model.summary());
		summary.setForeground(model.matches() ? null : summary.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		table.setInput(model.rows());
		summary.getParent().layout(true);
	}

	/** The comparison shown, or null. */
	public CompareModel model() {
		return model;
	}

	@Override
	public void setFocus() {
		table.getControl().setFocus();
	}
}
