package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.core.run.TimeSeriesExport;
import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Volatility;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The exports, read back as a user's tool would: counters as CSV and JSON (parsed with Commons CSV and
 * Jackson) named as in sysfs with the scenario, policy and tunables. The tunables' shell script is run
 * and its writes checked in the engine's SysfsScriptTest.
 */
class ExportTest {

	@Test
	void countersAsCsvAndJson() throws IOException {
		Scenario scenario = Scenario.builder().name("export") //$NON-NLS-1$
				.process(ProcessSpec.of(1, "p", new MergeableRegion("r", MergeMode.MADV_MERGEABLE, //$NON-NLS-1$ //$NON-NLS-2$
						List.of(ContentGroup.duplicates(1, 100, Layout.BLOCK)), Volatility.NONE)))
				.tunables(KsmTunables.DEFAULTS.withRun(1)).build();
		KsmSimulation simulation = KsmSimulation.create(scenario);
		simulation.runFor(Duration.ofSeconds(5));
		List<CounterSample> samples = simulation.samples();
		List<RunResult> results = List.of(new RunResult("stock", simulation.snapshot(), samples, List.of())); //$NON-NLS-1$
		List<CSVRecord> records = CsvTables.FORMAT.parse(new StringReader(TimeSeriesExport.csv("export", results))) //$NON-NLS-1$
				.getRecords();
		List<String> header = new ArrayList<>(List.of("scenario", "policy", "time_s")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		header.addAll(List.of(KsmCounters.COUNTER_NAMES));
		header.add(TimeSeriesExport.KSMD_CPU);
		KsmSysfsFile.tunables().forEach(f -> header.add(f.fileName()));
		assertEquals(header, records.get(0).toList());
		assertEquals(samples.size() + 1, records.size());
		CounterSample lastSample = samples.get(samples.size() - 1);
		CSVRecord last = records.get(records.size() - 1);
		assertEquals(header.size(), last.size());
		assertEquals(List.of("export", "stock"), List.of(last.get(0), last.get(1))); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(Long.toString(lastSample.counters().pagesSharing()), last.get(header.indexOf("pages_sharing"))); //$NON-NLS-1$
		assertEquals("1", last.get(header.indexOf("run")), "the tunables in force"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals("none", last.get(header.indexOf("advisor_mode"))); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(lastSample.timeNanos() / 1e9, Double.parseDouble(last.get(2)), 1e-3);
		JsonNode parsed = StrictJson.parse(TimeSeriesExport.json("export", results)); //$NON-NLS-1$
		assertEquals("export", parsed.get("scenario").asText()); //$NON-NLS-1$ //$NON-NLS-2$
		JsonNode run = parsed.get("runs").get(0); //$NON-NLS-1$
		assertEquals("stock", run.get("policy").asText()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(samples.size(), run.get("samples").size()); //$NON-NLS-1$
		JsonNode lastJson = run.get("samples").get(samples.size() - 1); //$NON-NLS-1$
		assertEquals(lastSample.counters().pagesSharing(), lastJson.get("counters").get("pages_sharing").longValue()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(100, lastJson.get("counters").get("pages_to_scan").longValue()); //$NON-NLS-1$ //$NON-NLS-2$
		double cpu = lastJson.get(TimeSeriesExport.KSMD_CPU).doubleValue();
		assertTrue(cpu >= 0 && cpu <= 100, "ksmd's CPU share: " + cpu); //$NON-NLS-1$
	}
}
