package org.ksmstudio.core.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.capture.CaptureModelConverter;
import org.ksmstudio.core.capture.CapturedScenarioFiles;
import org.ksmstudio.core.capture.ShadowComparison;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.live.capture.CaptureListener;
import org.ksmstudio.live.capture.CaptureOptions;
import org.ksmstudio.live.capture.MachineCapture;
import org.ksmstudio.live.capture.MachineCapturer;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code --capture PID[,PID...] --out FILE.ksm [--window DURATION] [--all-anonymous]}: captures
 * running processes ({@link MachineCapturer}) into a scenario and its page-contents file, and,
 * when ksmd is merging them, prints the kernel's counters beside the simulation of the captured
 * scenario run to convergence ({@link ShadowComparison}). Reads /proc and /sys only; writes the
 * two output files. Exit code 0 on success (and a matching comparison), 1 when the simulation
 * differs from the kernel, 2 on bad options, an unreadable process or an unwritable output.
 */
public final class CaptureCommand implements HeadlessCommand {

	private final MachineCapturer capturer;

	/** The command on this machine. */
	public CaptureCommand() {
		this(MachineCapturer.system());
	}

	/** The command with {@code capturer} (tests: fake trees). */
	public CaptureCommand(MachineCapturer capturer) {
		this.capturer = capturer;
	}

	@Override
	public String option() {
		return "--capture";
	}

	@Override
	public String usage() {
		return Messages.Capture_Usage;
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options options;
		MachineCapture capture;
		try {
			@Nullable Options parsed = Options.parse(args, out);
			if (parsed == null) {
				return 0;
			}
			options = parsed;
			capture = capturer.capture(new CaptureOptions(options.pids, options.window, options.allAnonymous),
					new CaptureListener() {
						@Override
						@NonNullByDefault({})
						public void step(String description) {
							err.println(description);
						}
					}, () -> false);
		} catch (UsageException | IOException e) {
			return fail(err, e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return fail(err, Messages.Capture_Interrupted);
		}
		capture.warnings().forEach(w -> err.println(NLS.bind(Messages.Capture_Note, w)));
		String name = options.target().getFileName().toString().replaceFirst("\\.ksm$", ""); //$NON-NLS-1$ //$NON-NLS-2$
		CaptureModelConverter.Conversion conversion = CaptureModelConverter.convert(name, capture);
		conversion.notes().stream().filter(n -> !capture.warnings().contains(n))
				.forEach(n -> err.println(NLS.bind(Messages.Capture_Note, n)));
		try {
			CapturedScenarioFiles.save(conversion, options.target());
			Path pages = ContentIdsFile.besides(options.target());
			long zero = capture.processes().stream().flatMap(p -> p.regions().stream())
					.mapToLong(r -> java.util.Arrays.stream(r.contentIds()).filter(id -> id == 0).count()).sum();
			out.println(new java.text.MessageFormat(Messages.Capture_Summary, Locale.ROOT).format(
					new Object[] { capture.processes().size(), capture.pagesRead(), capture.contentCount(), zero,
							String.format(Locale.ROOT, "%.2f", capture.readNanos() / 1e9), //$NON-NLS-1$
							String.format(Locale.ROOT, "%.0f", capture.pagesPerSecond()) })); //$NON-NLS-1$
			out.println(NLS.bind(Messages.Capture_Wrote,
					new Object[] { options.out, Files.size(options.out), pages, Files.size(pages) }));
		} catch (IOException | RuntimeException e) {
			return fail(err, NLS.bind(Messages.Capture_SaveFailed, options.out, e.getMessage()));
		}
		if (!ShadowComparison.applies(capture)) {
			out.println(Messages.Capture_NoComparison);
			return 0;
		}
		Scenario scenario;
		try {
			ScenarioModel.init();
			scenario = ScenarioConverter.convert(ScenarioResources.load(options.target()), 0, null).scenario();
		} catch (ScenarioLoadException | ConversionException e) {
			return fail(err, e.getMessage());
		}
		RunResult simulated = ShadowComparison.simulate(capture, scenario);
		boolean same = ReplayCommand.print(out, options.target(), kernel(), simulated.policy(),
				ShadowComparison.recordedCase(capture, scenario), simulated);
		return same ? 0 : 1;
	}

	private static String kernel() {
		return System.getProperty("os.version", "?") + " " + System.getProperty("os.arch", "?"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	private static int fail(PrintStream err, String message) {
		HeadlessMain.fail(err, message);
		return 2;
	}

	/** The command line as picocli reads it, and its checked values. */
	@Command(name = "ksmstudio --headless --capture", usageHelpAutoWidth = true,
			description = "Captures running processes into a scenario and compares the kernel with its simulation.")
	static final class Options {
		@Parameters(arity = "0..*", paramLabel = "PID[,PID...]", descriptionKey = "Help_Pids")
		List<String> pidLists = new ArrayList<>();
		@Option(names = "--out", paramLabel = "FILE.ksm", descriptionKey = "Help_Out")
		@Nullable String outName;
		@Option(names = "--window", paramLabel = "DURATION", descriptionKey = "Help_Window")
		@Nullable String windowText;
		@Option(names = "--all-anonymous", descriptionKey = "Help_AllAnonymous")
		boolean allAnonymous;
		@Option(names = { "-h", "--help" }, usageHelp = true, descriptionKey = "Help_Help")
		boolean help;

		final List<Integer> pids = new ArrayList<>();
		@Nullable Path out;
		Duration window = CaptureOptions.DEFAULT_WINDOW;

		/** The scenario file to write (set by {@link #parse}, which refuses a command line without it). */
		Path target() {
			return Objects.requireNonNull(out, "--out is checked by parse");
		}

		/**
		 * The checked command line: process ids, a writable {@code --out} (not a directory, a pipe or a
		 * folder that is missing) and a window of at most an hour; null when {@code --help} was printed.
		 */
		static @Nullable Options parse(List<String> args, PrintStream help) throws UsageException {
			Options o = new Options();
			if (!Cli.parse(o, Messages.Capture_Usage, args, help)) {
				return null;
			}
			for (String list : o.pidLists) {
				for (String pid : list.split(",")) { //$NON-NLS-1$
					try {
						int n = Integer.parseInt(pid.trim());
						if (n <= 0) {
							throw new NumberFormatException();
						}
						o.pids.add(n);
					} catch (NumberFormatException e) {
						throw new UsageException(NLS.bind(Messages.Capture_BadPid, Text.escape(pid)));
					}
				}
			}
			if (o.pids.isEmpty()) {
				throw new UsageException(NLS.bind(Messages.Capture_NoPid, Messages.Capture_Usage));
			}
			if (o.outName == null) {
				throw new UsageException(NLS.bind(Messages.Capture_NoOut, Messages.Capture_Usage));
			}
			o.out = Cli.output("--out", o.outName); //$NON-NLS-1$
			String text = o.windowText;
			if (text != null) {
				o.window = text.equals("0") ? Duration.ZERO : Cli.duration("--window", text, Duration.ofHours(1)); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return o;
		}
	}
}
