package org.ksmstudio.live.ui.internal.imports;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.live.proc.MergeableRegion;
import org.ksmstudio.live.topology.ImportedProcess;
import org.ksmstudio.live.topology.MachineImport;
import org.ksmstudio.live.topology.NumaNode;
import org.ksmstudio.live.topology.NumaTopology;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.model.CpuList;

/** What was read from the machine, as text for the import wizard's preview. */
public final class MachineSummary {

	private MachineSummary() {
	}

	/** The topology, the processes and the warnings, one line each. */
	public static String text(MachineImport machine, List<String> notes) {
		NumaTopology t = machine.topology();
		StringBuilder text = new StringBuilder();
		text.append(Messages.format(Messages.importSummaryTopology, new Object[] { t.nodes().size(), t.cpuCount(),
				Long.toString(t.pageSizeBytes()), t.architecture() })).append('\n');
		for (int i = 0; i < t.nodes().size(); i++) {
			NumaNode node = t.nodes().get(i);
			text.append("  ").append(NLS.bind(Messages.importSummaryNode, new Object[] { node.id(), //$NON-NLS-1$
					node.memTotalBytes() >> 20, CpuList.format(node.cpus()), t.distances().get(i) })).append('\n');
		}
		if (machine.processes().isEmpty()) {
			text.append(Messages.importSummaryNoProcess).append('\n');
		} else {
			text.append(Messages.format(Messages.importSummaryProcesses, machine.processes().size())).append('\n');
			for (ImportedProcess p : machine.processes()) {
				long resident = p.regions().stream().mapToLong(MergeableRegion::anonymousBytes).sum()
						/ Math.max(1, t.pageSizeBytes());
				text.append("  ").append(Messages.format(Messages.importSummaryProcess, new Object[] { String.valueOf(p.stat().pid()), //$NON-NLS-1$
						p.stat().command(), p.regions().size(), resident })).append('\n');
			}
		}
		if (!machine.warnings().isEmpty() || !notes.isEmpty()) {
			text.append(Messages.importSummaryWarnings).append('\n');
			machine.warnings().forEach(w -> text.append("  ").append(w).append('\n')); //$NON-NLS-1$
			notes.forEach(n -> text.append("  ").append(n).append('\n')); //$NON-NLS-1$
		}
		return text.toString();
	}
}
