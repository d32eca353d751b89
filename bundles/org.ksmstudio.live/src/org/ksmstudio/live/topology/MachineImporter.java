package org.ksmstudio.live.topology;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.live.proc.MergeableRegion;
import org.ksmstudio.live.proc.ProcessKsmReader;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.proc.ProcessScan;

/** Reads the running machine's topology and KSM processes into a {@link MachineImport}. Read only. */
public final class MachineImporter {

	private final NumaTopologyReader topologyReader;
	private final ProcessKsmReader processReader;

	/**
	 * @param sys  where sysfs is mounted (normally {@code /sys})
	 * @param proc where proc is mounted (normally {@code /proc})
	 */
	public MachineImporter(Path sys, Path proc) {
		this.topologyReader = new NumaTopologyReader(sys, proc);
		this.processReader = new ProcessKsmReader(proc);
	}

	/** An importer of this machine. */
	public static MachineImporter system() {
		return new MachineImporter(Path.of("/sys"), Path.of("/proc"));
	}

	/** Reads everything; an unreadable process is a warning, an unreadable topology an error. */
	public MachineImport importMachine() throws IOException {
		NumaTopology topology = topologyReader.read();
		ProcessScan scan = processReader.scan();
		List<String> warnings = new ArrayList<>();
		if (scan.unreadable() > 0) {
			warnings.add(scan.unreadableMessage());
		}
		List<ImportedProcess> processes = new ArrayList<>();
		for (ProcessKsmStat stat : scan.processes()) {
			List<MergeableRegion> regions = List.of();
			try {
				regions = processReader.mergeableRegions(stat.pid());
			} catch (IOException e) {
				warnings.add("process " + stat.pid() + " (" + stat.command() + "): smaps not readable: " + e.getMessage());
			}
			processes.add(new ImportedProcess(stat, regions));
		}
		return new MachineImport(topology, processes, warnings);
	}
}
