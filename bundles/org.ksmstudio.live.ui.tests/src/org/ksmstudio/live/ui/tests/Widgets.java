package org.ksmstudio.live.ui.tests;

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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.PlatformUI;

/**
 * The live UI tests' widget helper (SWTBot is not on Maven Central): code on the UI thread, widgets
 * found by type and data key or text, buttons clicked through their selection event, and waits that
 * poll a condition until it holds or fail with a message.
 */
final class Widgets {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Display display = PlatformUI.getWorkbench().getDisplay();

	/** Runs {@code code} on the UI thread and returns its result; its exceptions are rethrown here. */
	<T> T sync(Supplier<T> code) {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		AtomicReference<Error> error = new AtomicReference<>();
		display.syncExec(() -> {
			try {
				result.set(code.get());
			} catch (RuntimeException e) {
				failure.set(e);
			} catch (Error e) {
				error.set(e);
			}
		});
		if (failure.get() != null) {
			throw failure.get();
		}
		if (error.get() != null) {
			throw error.get();
		}
		return result.get();
	}

	/** Runs {@code code} on the UI thread later (a modal dialog's open), without waiting. */
	void async(Runnable code) {
		display.asyncExec(code);
	}

	void run(Runnable code) {
		sync(() -> {
			code.run();
			return null;
		});
	}

	/** Waits until {@code condition} (on the UI thread) holds; fails with {@code message} after {@link #TIMEOUT}. */
	void waitUntil(BooleanSupplier condition, Supplier<String> message) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!sync(condition::getAsBoolean)) {
			if (System.nanoTime() > deadline) {
				fail("after " + TIMEOUT.toSeconds() + " s: " + sync(message));
			}
			LockSupport.parkNanos(20_000_000L);
		}
	}

	/** Every widget of {@code type} matching in any shell; call on the UI thread. */
	<W extends Control> List<W> all(Class<W> type, Predicate<W> matcher) {
		List<W> found = new ArrayList<>();
		for (Shell shell : display.getShells()) {
			collect(shell, type, matcher, found);
		}
		return found;
	}

	private static <W extends Control> void collect(Control control, Class<W> type, Predicate<W> matcher,
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

	/** The first widget of {@code type} matching, waiting for it to appear. */
	<W extends Control> W find(Class<W> type, Predicate<W> matcher, String description) {
		AtomicReference<W> found = new AtomicReference<>();
		waitUntil(() -> {
			List<W> all = all(type, matcher);
			found.set(all.isEmpty() ? null : all.get(0));
			return found.get() != null;
		}, () -> "no " + description);
		return found.get();
	}

	/** The widget of {@code type} with data under {@code key}. */
	<W extends Control> W byData(Class<W> type, String key) {
		return find(type, w -> w.getData(key) != null, type.getSimpleName() + " with data " + key);
	}

	/** Clicks the enabled button whose text (without mnemonics) is {@code text}. */
	void click(String text) {
		Button button = find(Button.class, b -> b.getText().replace("&", "").equals(text) && b.isEnabled(),
				"enabled button " + text);
		run(() -> {
			Event event = new Event();
			button.notifyListeners(SWT.Selection, event);
		});
	}

	/** The cell of the row whose first column is {@code first}, or null; call on the UI thread. */
	static String cell(Table table, String first, int column) {
		for (int i = 0; i < table.getItemCount(); i++) {
			if (first.equals(table.getItem(i).getText(0))) {
				return table.getItem(i).getText(column);
			}
		}
		return null;
	}

	/** Every row's cells, for failure messages; call on the UI thread. */
	static List<List<String>> rows(Table table) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < table.getItemCount(); i++) {
			List<String> row = new ArrayList<>();
			for (int c = 0; c < table.getColumnCount(); c++) {
				row.add(table.getItem(i).getText(c));
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * The headers and cells of {@code table} whose text does not fit their column, as "column: text"
	 * (GTK needs 16 px beside a header's text and 8 px beside a cell's); call on the UI thread.
	 */
	static List<String> clipped(Table table) {
		List<String> cut = new ArrayList<>();
		GC gc = new GC(table);
		try {
			for (int c = 0; c < table.getColumnCount(); c++) {
				int width = table.getColumn(c).getWidth();
				gc.setFont(table.getFont());
				String header = table.getColumn(c).getText();
				if (gc.textExtent(header).x + 16 > width) {
					cut.add(header + " (header, " + width + " px)");
				}
				for (int r = 0; r < table.getItemCount(); r++) {
					gc.setFont(table.getItem(r).getFont(c));
					String text = table.getItem(r).getText(c);
					if (!text.isEmpty() && gc.textExtent(text).x + 8 > width) {
						cut.add(header + ": " + text + " (" + width + " px)");
					}
				}
			}
		} finally {
			gc.dispose();
		}
		return cut;
	}
}
