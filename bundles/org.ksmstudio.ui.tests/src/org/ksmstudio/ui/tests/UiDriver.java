package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.PlatformUI;

/**
 * The one helper of the UI tests (SWTBot is not on Maven Central): runs code on the UI thread,
 * finds widgets by type, text or data key, clicks, types and selects through widget events, and
 * waits on conditions with a failure message. It never sleeps for a fixed time: waits poll their
 * condition on the UI thread until it holds or the timeout passes.
 */
public final class UiDriver {

	/** Default time a condition may take. */
	public static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Display display;

	private UiDriver(Display display) {
		this.display = display;
	}

	/** The driver of the workbench's display. */
	public static UiDriver workbench() {
		return new UiDriver(PlatformUI.getWorkbench().getDisplay());
	}

	/** The display driven. */
	public Display display() {
		return display;
	}

	/** Runs {@code code} on the UI thread and returns its result; its exceptions are rethrown here. */
	public <T> T sync(Supplier<T> code) {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		display.syncExec(() -> {
			try {
				result.set(code.get());
			} catch (Throwable t) {
				failure.set(t);
			}
		});
		Throwable t = failure.get();
		if (t instanceof RuntimeException r) {
			throw r;
		}
		if (t instanceof Error e) {
			throw e;
		}
		return result.get();
	}

	/** Runs {@code code} on the UI thread. */
	public void run(Runnable code) {
		sync(() -> {
			code.run();
			return null;
		});
	}

	/**
	 * Waits until {@code condition} (evaluated on the UI thread) holds; fails with
	 * {@code message} (evaluated on the UI thread) after {@code timeout}.
	 */
	public void waitUntil(BooleanSupplier condition, Supplier<String> message, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (sync(condition::getAsBoolean)) {
				return;
			}
			if (System.nanoTime() > deadline) {
				fail("after " + timeout.toSeconds() + " s: " + sync(message)); //$NON-NLS-1$ //$NON-NLS-2$
			}
			LockSupport.parkNanos(20_000_000L);
		}
	}

	/** {@link #waitUntil(BooleanSupplier, Supplier, Duration)} with the default timeout. */
	public void waitUntil(BooleanSupplier condition, Supplier<String> message) {
		waitUntil(condition, message, TIMEOUT);
	}

	/** Every widget of type {@code type} in every shell matching {@code matcher}; call on the UI thread. */
	public <W extends Widget> List<W> findAll(Class<W> type, Predicate<W> matcher) {
		List<W> found = new ArrayList<>();
		for (Shell shell : display.getShells()) {
			collect(shell, type, matcher, found);
		}
		return found;
	}

	private static <W extends Widget> void collect(Control control, Class<W> type, Predicate<W> matcher,
			List<W> found) {
		if (control.isDisposed()) {
			return;
		}
		if (type.isInstance(control) && matcher.test(type.cast(control))) {
			found.add(type.cast(control));
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, type, matcher, found);
			}
		}
	}

	/** The visible widget of {@code type} whose data under {@code key} is set, waiting for it to appear. */
	public <W extends Control> W byData(Class<W> type, String key) {
		return find(type, w -> w.getData(key) != null && w.isVisible(), "a visible " + type.getSimpleName() //$NON-NLS-1$
				+ " with data key " + key); //$NON-NLS-1$
	}

	/** The first widget of {@code type} matching {@code matcher}, waiting for it to appear. */
	public <W extends Widget> W find(Class<W> type, Predicate<W> matcher, String description) {
		AtomicReference<W> found = new AtomicReference<>();
		waitUntil(() -> {
			List<W> all = findAll(type, matcher);
			found.set(all.isEmpty() ? null : all.get(0));
			return !all.isEmpty();
		}, () -> "no widget found: " + description); //$NON-NLS-1$
		return found.get();
	}

	/** Clicks a cell of a table (mouse down and up on it), as a user starting an in-place edit does. */
	public void clickCell(Table table, int row, int column) {
		run(() -> {
			TableItem item = table.getItem(row);
			table.setSelection(row);
			Rectangle bounds = item.getBounds(column);
			Event down = mouse(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
			table.notifyListeners(SWT.MouseDown, down);
			table.notifyListeners(SWT.MouseUp, mouse(down.x, down.y));
		});
	}

	/** Clicks a cell of a tree item (mouse down and up on it). */
	public void clickCell(Tree tree, TreeItem item, int column) {
		run(() -> {
			tree.setSelection(item);
			Rectangle bounds = item.getBounds(column);
			Event down = mouse(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
			tree.notifyListeners(SWT.MouseDown, down);
			tree.notifyListeners(SWT.MouseUp, mouse(down.x, down.y));
		});
	}

	/** The item of {@code tree} (searched depth first, expanding as it goes) whose text is {@code text}. */
	public TreeItem treeItem(Tree tree, String text) {
		AtomicReference<TreeItem> found = new AtomicReference<>();
		waitUntil(() -> {
			found.set(search(tree.getItems(), item -> text.equals(item.getText())));
			return found.get() != null;
		}, () -> "no tree item " + text + " in " + treeTexts(tree)); //$NON-NLS-1$ //$NON-NLS-2$
		return found.get();
	}

	private static TreeItem search(TreeItem[] items, Predicate<TreeItem> matcher) {
		for (TreeItem item : items) {
			if (matcher.test(item)) {
				return item;
			}
			if (item.getItemCount() > 0) {
				if (!item.getExpanded()) {
					Event expand = new Event();
					expand.item = item;
					item.getParent().notifyListeners(SWT.Expand, expand);
					item.setExpanded(true);
				}
				TreeItem inside = search(item.getItems(), matcher);
				if (inside != null) {
					return inside;
				}
			}
		}
		return null;
	}

	private static Event mouse(int x, int y) {
		Event event = new Event();
		event.button = 1;
		event.x = x;
		event.y = y;
		event.count = 1;
		return event;
	}

	/** The row of {@code table} whose first column reads {@code first}, or -1; call on the UI thread. */
	public static int row(Table table, String first) {
		for (int i = 0; i < table.getItemCount(); i++) {
			if (first.equals(table.getItem(i).getText(0))) {
				return i;
			}
		}
		return -1;
	}

	/** The text of a cell, or null when the row does not exist; call on the UI thread. */
	public static String cell(Table table, String first, int column) {
		int row = row(table, first);
		return row < 0 ? null : table.getItem(row).getText(column);
	}

	/**
	 * Types {@code value} into the text cell editor open in {@code table} (a table or tree) and presses Enter: the text
	 * field's content is replaced and a default selection (Enter) is sent.
	 */
	public void typeInCellEditor(Composite table, String value) {
		Text editor = find(Text.class, t -> t.getParent() == table && t.isVisible(), "the cell editor of a " //$NON-NLS-1$
				+ table.getClass().getSimpleName());
		run(() -> {
			editor.setFocus();
			editor.setText(value);
			editor.notifyListeners(SWT.DefaultSelection, new Event());
		});
	}

	/** Starts {@code code} on the UI thread without waiting (for code that opens a modal dialog). */
	public void async(Runnable code) {
		display.asyncExec(code);
	}

	/**
	 * Clicks the button labelled {@code text} (ignoring mnemonics) in any shell, waiting for it to
	 * appear; a radio button is selected (its siblings cleared) and a check box toggled, as a click does.
	 */
	public void clickButton(String text) {
		org.eclipse.swt.widgets.Button button = find(org.eclipse.swt.widgets.Button.class,
				b -> text.equals(b.getText().replace("&", "")) && b.isVisible() && b.isEnabled(), "button " + text); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		run(() -> {
			if ((button.getStyle() & SWT.RADIO) != 0) {
				for (Control sibling : button.getParent().getChildren()) {
					if (sibling instanceof org.eclipse.swt.widgets.Button other && (other.getStyle() & SWT.RADIO) != 0
							&& other != button && other.getSelection()) {
						other.setSelection(false);
						other.notifyListeners(SWT.Selection, new Event());
					}
				}
				button.setSelection(true);
			} else if ((button.getStyle() & SWT.CHECK) != 0) {
				button.setSelection(!button.getSelection());
			}
			button.notifyListeners(SWT.Selection, new Event());
		});
	}

	/** Types into a text field (replacing its content); a Modify event follows as from the keyboard. */
	public void type(Text text, String value) {
		run(() -> {
			text.setFocus();
			text.setText(value);
		});
	}

	/** Selects a tree item and sends the selection event. */
	public void select(Tree tree, TreeItem item) {
		run(() -> {
			tree.setSelection(item);
			Event event = new Event();
			event.item = item;
			tree.notifyListeners(SWT.Selection, event);
		});
	}

	/** The texts of every item of a tree, depth first, "  " per level (expanded items only); call on the UI thread. */
	public static List<String> treeTexts(Tree tree) {
		List<String> texts = new ArrayList<>();
		for (TreeItem item : tree.getItems()) {
			treeTexts(item, "", texts); //$NON-NLS-1$
		}
		return texts;
	}

	private static void treeTexts(TreeItem item, String indent, List<String> texts) {
		texts.add(indent + item.getText());
		if (item.getExpanded()) {
			for (TreeItem child : item.getItems()) {
				treeTexts(child, indent + "  ", texts); //$NON-NLS-1$
			}
		}
	}

	/** The menu bar of the workbench window; call on the UI thread. */
	public Menu menuBar() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar();
	}

	/**
	 * The item at {@code path} (texts without mnemonics and accelerators, e.g. "Edit", "New Child",
	 * "Process") under {@code menu}, showing each menu on the way as a user opening it does (menus
	 * built when shown fill themselves); fails naming the items found. Call on the UI thread.
	 */
	public static MenuItem menuItem(Menu menu, String... path) {
		Menu current = menu;
		MenuItem item = null;
		for (String text : path) {
			if (current == null) {
				fail(item.getText() + " has no submenu"); //$NON-NLS-1$
			}
			current.notifyListeners(SWT.Show, new Event());
			item = null;
			List<String> texts = new ArrayList<>();
			for (MenuItem candidate : current.getItems()) {
				texts.add(menuText(candidate));
				if (text.equals(menuText(candidate))) {
					item = candidate;
				}
			}
			if (item == null) {
				fail("no menu item " + text + " in " + texts); //$NON-NLS-1$ //$NON-NLS-2$
			}
			current = item.getMenu();
		}
		return item;
	}

	/** The text of a menu item without its mnemonic and accelerator. */
	public static String menuText(MenuItem item) {
		String text = item.getText();
		int tab = text.indexOf('\t');
		return (tab < 0 ? text : text.substring(0, tab)).replace("&", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Clicks the menu item at {@code path} under {@code menu} (a menu bar or a context menu), as a user does. */
	public void clickMenu(Supplier<Menu> menu, String... path) {
		MenuItem item = sync(() -> menuItem(menu.get(), path));
		run(() -> {
			if (!item.isEnabled()) {
				fail(menuText(item) + " is disabled"); //$NON-NLS-1$
			}
			item.notifyListeners(SWT.Selection, new Event());
		});
	}

	/** {@link #clickMenu} for an item that opens a modal dialog: the click runs later on the UI thread. */
	public void clickMenuLater(Supplier<Menu> menu, String... path) {
		MenuItem item = sync(() -> menuItem(menu.get(), path));
		async(() -> item.notifyListeners(SWT.Selection, new Event()));
	}

	/** The item of {@code tree} (searched depth first, expanding as it goes) whose text starts with {@code prefix}. */
	public TreeItem treeItemStartingWith(Tree tree, String prefix) {
		AtomicReference<TreeItem> found = new AtomicReference<>();
		waitUntil(() -> {
			found.set(search(tree.getItems(), item -> item.getText().startsWith(prefix)));
			return found.get() != null;
		}, () -> "no tree item starting with " + prefix + " in " + treeTexts(tree)); //$NON-NLS-1$ //$NON-NLS-2$
		return found.get();
	}

	/** Processes pending UI events (layout, paint) once the UI thread is free. */
	public void flush() {
		run(() -> {
			while (display.readAndDispatch()) {
				// dispatch what is pending
			}
		});
	}

	/** Space a header's text needs to be read whole, px (GTK's button padding). */
	private static final int HEADER_MARGIN = 16;
	/** Space a cell's text needs to be read whole, px (GTK's cell padding). */
	private static final int CELL_MARGIN = 8;

	/**
	 * The headers and cells of {@code table} whose text does not fit their column ("migrate_pag"),
	 * as "column: text"; empty when every text is whole. Call on the UI thread.
	 */
	public static List<String> clipped(Table table) {
		List<String> cut = new ArrayList<>();
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
		try {
			for (int c = 0; c < table.getColumnCount(); c++) {
				int width = table.getColumn(c).getWidth();
				gc.setFont(table.getFont());
				String header = table.getColumn(c).getText();
				if (gc.textExtent(header).x + HEADER_MARGIN > width) {
					cut.add(header + " (header, " + width + " px)"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				for (TableItem item : table.getItems()) {
					gc.setFont(item.getFont(c));
					String text = item.getText(c);
					if (!text.isEmpty() && gc.textExtent(text).x + CELL_MARGIN > width) {
						cut.add(header + ": " + text + " (" + width + " px)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					}
				}
			}
		} finally {
			gc.dispose();
		}
		return cut;
	}

	/**
	 * How many pixels the columns of {@code table} are wider than its visible area (0 when no
	 * column needs the horizontal scroll bar to be read). Call on the UI thread.
	 */
	public static int overflow(Table table) {
		int width = 0;
		for (org.eclipse.swt.widgets.TableColumn column : table.getColumns()) {
			width += column.getWidth();
		}
		return Math.max(0, width - table.getClientArea().width);
	}

	/** The columns of {@code table} with their widths and the visible width, for messages; on the UI thread. */
	public static String widths(Table table) {
		StringBuilder text = new StringBuilder();
		for (org.eclipse.swt.widgets.TableColumn column : table.getColumns()) {
			text.append(column.getText()).append(' ').append(column.getWidth()).append(" px, "); //$NON-NLS-1$
		}
		return text.append("visible ").append(table.getClientArea().width).append(" px").toString(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The headers of {@code tree} whose text does not fit their column; call on the UI thread. */
	public static List<String> clippedHeaders(Tree tree) {
		List<String> cut = new ArrayList<>();
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(tree);
		try {
			gc.setFont(tree.getFont());
			for (int c = 0; c < tree.getColumnCount(); c++) {
				String header = tree.getColumn(c).getText();
				if (gc.textExtent(header).x + HEADER_MARGIN > tree.getColumn(c).getWidth()) {
					cut.add(header + " (" + tree.getColumn(c).getWidth() + " px)"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		} finally {
			gc.dispose();
		}
		return cut;
	}

	/**
	 * Whether the text of {@code label} can be read whole: a wrapping label is as high as its lines
	 * at its width, another as wide as its one line. Call on the UI thread.
	 */
	public static boolean wholeText(org.eclipse.swt.widgets.Label label) {
		org.eclipse.swt.graphics.Point size = label.getSize();
		if ((label.getStyle() & SWT.WRAP) != 0) {
			return label.computeSize(size.x, SWT.DEFAULT).y <= size.y
					&& size.x <= label.getParent().getClientArea().width;
		}
		return label.computeSize(SWT.DEFAULT, SWT.DEFAULT).x <= size.x;
	}

	/** Whether {@code control} is as large as its content needs (not cut at the bottom or right). */
	public static boolean whole(Control control) {
		org.eclipse.swt.graphics.Point needed = control.computeSize(SWT.DEFAULT, SWT.DEFAULT);
		org.eclipse.swt.graphics.Point size = control.getSize();
		return size.x >= needed.x && size.y >= needed.y;
	}
}
