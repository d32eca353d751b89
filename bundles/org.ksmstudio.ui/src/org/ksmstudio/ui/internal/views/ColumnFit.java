package org.ksmstudio.ui.internal.views;

import org.eclipse.jface.layout.AbstractColumnLayout;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;

/**
 * Keeps the columns of a table or tree wide enough for their header and their cells: a column
 * keeps its share of the free width (its weight) and gets as its minimum what its widest text
 * needs, so that nothing is cut ("migrate_pag", a PID, a header) however the view is sized; a
 * table wider than its view scrolls.
 */
public final class ColumnFit {

	/** Space a header needs beside its text (padding, sort arrow), px. */
	static final int HEADER_PADDING = 28;
	/** Space a cell needs beside its text (padding), px. */
	static final int CELL_PADDING = 14;
	/** Rows measured at most (the first ones): a table of thousands of processes is not measured whole. */
	private static final int MEASURED_ROWS = 500;
	private static final String WEIGHT = "org.ksmstudio.ui.columnWeight"; //$NON-NLS-1$
	private static final String MINIMUM = "org.ksmstudio.ui.columnMinimum"; //$NON-NLS-1$

	private ColumnFit() {
	}

	/** Gives {@code column} its weight in {@code layout} (and remembers it for {@link #fit}). */
	public static void weigh(AbstractColumnLayout layout, Item column, int weight) {
		column.setData(WEIGHT, weight);
		layout.setColumnData(column, new ColumnWeightData(weight, minimum(column, 20)));
	}

	/**
	 * Re-measures every column of {@code table} (whose parent has the column layout) and lays it out
	 * again when a minimum changed.
	 */
	public static void fit(Table table) {
		TableColumn[] columns = table.getColumns();
		int[] widths = new int[columns.length];
		GC gc = new GC(table);
		try {
			for (int c = 0; c < columns.length; c++) {
				widths[c] = header(gc, table.getFont(), columns[c].getText());
			}
			int rows = Math.min(table.getItemCount(), MEASURED_ROWS);
			for (int r = 0; r < rows; r++) {
				TableItem item = table.getItem(r);
				for (int c = 0; c < columns.length; c++) {
					widths[c] = Math.max(widths[c], cell(gc, item.getFont(c), item.getText(c)));
				}
			}
		} finally {
			gc.dispose();
		}
		apply(columns, widths, table);
	}

	/** Re-measures the headers of {@code tree} (lazy rows are not measured). */
	static void fitHeaders(Tree tree) {
		TreeColumn[] columns = tree.getColumns();
		int[] widths = new int[columns.length];
		GC gc = new GC(tree);
		try {
			for (int c = 0; c < columns.length; c++) {
				widths[c] = header(gc, tree.getFont(), columns[c].getText());
			}
		} finally {
			gc.dispose();
		}
		apply(columns, widths, tree);
	}

	private static int header(GC gc, Font font, String text) {
		gc.setFont(font);
		return gc.textExtent(text).x + HEADER_PADDING;
	}

	private static int cell(GC gc, Font font, String text) {
		if (text == null || text.isEmpty()) {
			return 0;
		}
		gc.setFont(font);
		return gc.textExtent(text).x + CELL_PADDING;
	}

	private static void apply(Item[] columns, int[] widths, Control control) {
		if (!(control.getParent().getLayout() instanceof AbstractColumnLayout layout)) {
			return;
		}
		boolean changed = false;
		for (int c = 0; c < columns.length; c++) {
			if (minimum(columns[c], -1) != widths[c]) {
				columns[c].setData(MINIMUM, widths[c]);
				Object weight = columns[c].getData(WEIGHT);
				layout.setColumnData(columns[c], new ColumnWeightData(weight instanceof Integer w ? w : 10, widths[c]));
				changed = true;
			}
		}
		if (changed) {
			control.getParent().layout(true);
		}
	}

	private static int minimum(Item column, int none) {
		return column.getData(MINIMUM) instanceof Integer min ? min : none;
	}
}
