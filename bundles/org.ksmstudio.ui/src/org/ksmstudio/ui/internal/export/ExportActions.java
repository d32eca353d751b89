package org.ksmstudio.ui.internal.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/** The export actions of the views: counters as CSV/JSON, charts as one PNG, text files (scripts, tables). */
public final class ExportActions {

	private ExportActions() {
	}

	/** Adds "Export counters as CSV/JSON" and "Save charts as PNG" to a view menu. */
	public static void addCounterExports(IMenuManager menu, Shell shell, Supplier<@Nullable ScenarioRun> run,
			Supplier<Composite> charts) {
		menu.add(new Action(Messages.exportCountersCsv) {
			@Override
			public void run() {
				exportCounters(shell, run.get(), "csv"); //$NON-NLS-1$
			}
		});
		menu.add(new Action(Messages.exportCountersJson) {
			@Override
			public void run() {
				exportCounters(shell, run.get(), "json"); //$NON-NLS-1$
			}
		});
		menu.add(new Action(Messages.exportChartsPng) {
			@Override
			public void run() {
				saveChartsAsPng(shell, charts.get());
			}
		});
	}

	/**
	 * Asks for a file and writes the counter time series of every policy of {@code run} to it as
	 * {@code csv} or {@code json}, with the scenario, the policy and the tunables.
	 */
	public static void exportCounters(Shell shell, @Nullable ScenarioRun run, String format) {
		if (run == null || CounterExport.results(run).isEmpty()) {
			MessageDialog.openInformation(shell, Messages.exportTitle, Messages.exportNothing);
			return;
		}
		saveText(shell, "ksm-counters." + format, out -> out.write(CounterExport.text(run, format))); //$NON-NLS-1$
	}

	/** Asks for a file name and saves the charts, as laid out in {@code charts}, into that one PNG. */
	public static void saveChartsAsPng(Shell shell, Composite charts) {
		Path file = ask(shell, "ksm-charts.png"); //$NON-NLS-1$
		if (file == null) {
			return;
		}
		try {
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { snapshot(charts) };
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} catch (SWTException e) {
			MessageDialog.openError(shell, Messages.exportTitle, NLS.bind(Messages.exportFailed, file, e.getMessage()));
		}
	}

	/** The children of {@code parent} drawn where they are, on white. */
	private static ImageData snapshot(Composite parent) {
		Point size = parent.getSize();
		Image image = new Image(parent.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
		GC gc = new GC(image);
		try {
			gc.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.fillRectangle(0, 0, size.x, size.y);
			for (Control child : parent.getChildren()) {
				Rectangle bounds = child.getBounds();
				if (!child.isVisible() || bounds.width == 0 || bounds.height == 0) {
					continue;
				}
				Image part = new Image(parent.getDisplay(), bounds.width, bounds.height);
				GC partGc = new GC(part);
				try {
					child.print(partGc);
				} finally {
					partGc.dispose();
				}
				gc.drawImage(part, bounds.x, bounds.y);
				part.dispose();
			}
			return image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	/** Asks for a file and writes {@code content} to it as UTF-8; a failure is reported, nothing is half-written. */
	public static @Nullable Path saveText(Shell shell, String suggestedName, OutputFile.Content content) {
		Path file = ask(shell, suggestedName);
		if (file == null) {
			return null;
		}
		try {
			write(file, content);
			return file;
		} catch (IOException e) {
			MessageDialog.openError(shell, Messages.exportTitle, NLS.bind(Messages.exportFailed, file, e.getMessage()));
			return null;
		}
	}

	/**
	 * Writes {@code content} to {@code file} safely ({@link OutputFile}: mode kept, umask for a new file,
	 * never half a file). An export never replaces a scenario: a {@code .ksm} file or its page-contents
	 * file is refused, whatever the overwrite prompt was answered.
	 */
	public static void write(Path file, OutputFile.Content content) throws IOException {
		String name = String.valueOf(file.getFileName());
		if (name.endsWith(".ksm") || name.endsWith(".ksm" + ContentIdsFile.SUFFIX)) { //$NON-NLS-1$ //$NON-NLS-2$
			throw new IOException(NLS.bind(Messages.exportOverScenario, name));
		}
		OutputFile.write(file, content);
	}

	private static @Nullable Path ask(Shell shell, String suggestedName) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setFileName(suggestedName);
		String extension = suggestedName.substring(suggestedName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		dialog.setFilterExtensions(new String[] { "*." + extension, "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setOverwrite(true);
		String chosen = FileDialogs.open(dialog);
		return chosen == null ? null : Path.of(chosen);
	}
}
