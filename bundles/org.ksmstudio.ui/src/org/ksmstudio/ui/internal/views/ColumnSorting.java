package org.ksmstudio.ui.internal.views;

import java.util.Comparator;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Sorts a table by the column whose header is clicked, in the column's order (numbers as numbers);
 * a second click on it sorts the other way. The header shows the column and the direction.
 */
final class ColumnSorting extends ViewerComparator {

	private final List<Comparator<Object>> orders;
	private int column = -1;
	private int direction = SWT.UP;

	private ColumnSorting(List<Comparator<Object>> orders) {
		this.orders = List.copyOf(orders);
	}

	/** Makes every column of {@code viewer} sortable by its comparator in {@code orders} (one per column). */
	static void install(TableViewer viewer, List<Comparator<Object>> orders) {
		ColumnSorting sorting = new ColumnSorting(orders);
		Table table = viewer.getTable();
		for (int i = 0; i < table.getColumnCount(); i++) {
			int index = i;
			TableColumn header = table.getColumn(i);
			header.addListener(SWT.Selection, e -> {
				sorting.direction = sorting.column == index && sorting.direction == SWT.UP ? SWT.DOWN : SWT.UP;
				sorting.column = index;
				table.setSortColumn(header);
				table.setSortDirection(sorting.direction);
				if (viewer.getComparator() == sorting) {
					viewer.refresh();
				} else {
					viewer.setComparator(sorting);
				}
			});
		}
	}

	@Override
	@NonNullByDefault({})
	public int compare(Viewer viewer, Object a, Object b) {
		if (column < 0) {
			return 0;
		}
		int order = orders.get(column).compare(a, b);
		return direction == SWT.UP ? order : -order;
	}
}
