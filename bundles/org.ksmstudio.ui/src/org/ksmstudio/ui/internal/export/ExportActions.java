package org.ksmstudio.ui.internal.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.ui.internal.Messages;

/** The export actions of the views: counters as CSV/JSON, charts as PNG, text files (scripts, tables). */
public final class ExportActions {

	private ExportActions() {
	}

	/** Adds "Export counters as CSV/JSON" and "Save charts as PNG" to a view menu. */
	public static void addCounterExports(IMenuManager menu, Shell shell, Supplier<List<CounterSample>> samples,
			Supplier<List<Chart>> charts) {
		menu.add(new Action(Messages.exportCountersCsv) {
			@Override
			public void run() {
				exportCounters(shell, samples.get(), "csv"); //$NON-NLS-1$
			}
		});
		menu.add(new Action(Messages.exportCountersJson) {
			@Override
			public void run() {
				exportCounters(shell, samples.get(), "json"); //$NON-NLS-1$
			}
		});
		menu.add(new Action(Messages.exportChartsPng) {
			@Override
			public void run() {
				saveChartsAsPng(shell, charts.get());
			}
		});
	}

	/** Asks for a file and writes the counter time series to it as {@code csv} or {@code json}. */
	public static void exportCounters(Shell shell, List<CounterSample> samples, String format) {
		if (samples == null) {
			MessageDialog.openInformation(shell, Messages.exportTitle, Messages.exportNothing);
			return;
		}
		saveText(shell, "ksm-counters." + format, out -> { //$NON-NLS-1$
			if ("json".equals(format)) { //$NON-NLS-1$
				CounterExport.json(samples, out);
			} else {
				CounterExport.csv(samples, out);
			}
		});
	}

	/** Asks for a file name and saves each chart as a PNG beside it ({@code name-1.png}, ...). */
	public static void saveChartsAsPng(Shell shell, List<Chart> charts) {
		Path file = ask(shell, "ksm-chart.png"); //$NON-NLS-1$
		if (file == null) {
			return;
		}
		String base = file.getFileName().toString().replaceFirst("\\.png$", ""); //$NON-NLS-1$ //$NON-NLS-2$
		for (int i = 0; i < charts.size(); i++) {
			Path target = charts.size() == 1 ? file : file.resolveSibling(base + "-" + (i + 1) + ".png"); //$NON-NLS-1$ //$NON-NLS-2$
			charts.get(i).save(target.toString(), SWT.IMAGE_PNG);
		}
	}

	/** Asks for a file and writes {@code content} to it as UTF-8; a failure is reported, nothing is half-written. */
	public static Path saveText(Shell shell, String suggestedName, OutputFile.Content content) {
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

	/** Writes {@code content} to {@code file} safely ({@link OutputFile}: mode kept, umask for a new file, never half a file). */
	public static void write(Path file, OutputFile.Content content) throws IOException {
		OutputFile.write(file, content);
	}

	private static Path ask(Shell shell, String suggestedName) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setFileName(suggestedName);
		String extension = suggestedName.substring(suggestedName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		dialog.setFilterExtensions(new String[] { "*." + extension, "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		return chosen == null ? null : Path.of(chosen);
	}
}
