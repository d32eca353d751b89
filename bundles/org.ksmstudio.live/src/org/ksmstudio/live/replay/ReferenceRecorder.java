package org.ksmstudio.live.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.ksmstudio.live.topology.PageSize;

/**
 * Records cases on the real kernel into a file of the reference format
 * ({@code --record-reference OUT.json}), so users can grow the reference set on their own
 * machines. Each case is replayed by a {@link ReplayRunner}; the file is written atomically
 * once all cases are done.
 */
public final class ReferenceRecorder {

	private final ReplayRunner runner;
	private final Path proc;

	/**
	 * @param runner the runner that replays each case
	 * @param proc   where proc is mounted, for the kernel release ({@code sys/kernel/osrelease})
	 */
	public ReferenceRecorder(ReplayRunner runner, Path proc) {
		this.runner = runner;
		this.proc = proc;
	}

	/** Replays every case and returns the document, without writing it. */
	public ReferenceDocument record(List<ReplayCase> cases, ReplayListener listener, BooleanSupplier cancelled)
			throws IOException, InterruptedException {
		List<RecordedCase> recorded = new ArrayList<>();
		for (ReplayCase c : cases) {
			recorded.add(runner.run(c, listener, cancelled));
		}
		return new ReferenceDocument(kernel(), PageSize.of(proc), ReferenceDocument.HOW_RECORDED, "", recorded,
				List.of());
	}

	/** Replays every case and writes the document to {@code out}. */
	public ReferenceDocument record(List<ReplayCase> cases, Path out, ReplayListener listener,
			BooleanSupplier cancelled) throws IOException, InterruptedException {
		ReferenceDocument document = record(cases, listener, cancelled);
		ReferenceFormat.write(document, out);
		return document;
	}

	/** The kernel release and architecture, as in the reference file ({@code "6.18.44 x86_64"}). */
	public String kernel() {
		return read("sys/kernel/osrelease") + " " + read("sys/kernel/arch");
	}

	private String read(String file) {
		try {
			return Files.readString(proc.resolve(file), StandardCharsets.US_ASCII).trim();
		} catch (IOException e) {
			return "unknown";
		}
	}
}
