package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReferenceDocument;
import org.ksmstudio.live.replay.ReferenceFormat;
import org.ksmstudio.live.sysfs.KsmFile;

class ReferenceFormatTest {

	@TempDir
	Path temp;

	@Test
	void readsTheShippedReferenceFile() throws Exception {
		ReferenceDocument doc = ReferenceFormat.read(ReferenceData.kernelReference());
		assertEquals(4096, doc.pageSize());
		assertEquals(17, doc.cases().size());
		RecordedCase f = doc.cases().stream().filter(c -> c.replayCase().name().equals("f_10000x1_cow3_unique"))
				.findFirst().orElseThrow();
		assertEquals(new PhaseAction.Write(0, 10000, 3, true, true), f.phases().get(1).action());
		assertEquals(6626L, f.phases().get(1).expect().get("pages_sharing"));
		assertEquals(16.4299, f.phases().get(1).wallSecondsToLastChange());
		assertEquals(new PhaseAction.Wait(5.0, null), f.phases().get(2).action());
		RecordedCase i = doc.cases().stream().filter(c -> c.replayCase().name().equals("i_2000x1_runtime_sysfs"))
				.findFirst().orElseThrow();
		RecordedPhase busy = i.phases().get(1);
		assertEquals(new PhaseAction.Sysfs(List.of(new PhaseAction.SysfsWrite(KsmFile.MAX_PAGE_SHARING, "10", "EBUSY"))),
				busy.action());
		assertEquals("256", busy.tunablesReadBack().get(KsmFile.MAX_PAGE_SHARING));
		assertEquals(0L, i.phases().get(2).expect().get("full_scans"));
		assertEquals(null, i.phases().get(2).fullScansToLastChange());
		assertTrue(doc.rmapWalks().size() >= 2);
	}

	@Test
	void writesWhatItReads() throws Exception {
		ReferenceDocument doc = ReferenceFormat.read(ReferenceData.kernelReference());
		Path out = temp.resolve("copy.json");
		ReferenceFormat.write(doc, out);
		ReferenceDocument again = ReferenceFormat.read(out);
		assertTrue(Files.getPosixFilePermissions(out).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
				"a recorded reference file is meant to be shared");
		assertEquals(ReferenceFormat.toJson(doc), ReferenceFormat.toJson(again));
		assertEquals(doc.cases().get(5).phases(), again.cases().get(5).phases());
		assertEquals(doc.rmapWalks(), again.rmapWalks());
	}

	@Test
	void badFilesNameFileAndPlace() throws Exception {
		Path truncated = temp.resolve("truncated.json");
		Files.writeString(truncated, "{\n \"format\": \"ksmstudio-kernel-reference-1\",\n \"cases\": [");
		IOException e = assertThrows(IOException.class, () -> ReferenceFormat.read(truncated));
		assertTrue(e.getMessage().contains("truncated.json") && e.getMessage().contains("line 3"), e.getMessage());

		Path foreign = temp.resolve("foreign.json");
		Files.writeString(foreign, "{\"format\": \"something-else\", \"cases\": []}");
		e = assertThrows(IOException.class, () -> ReferenceFormat.read(foreign));
		assertTrue(e.getMessage().contains("$.format = something-else"), e.getMessage());

		Path badValue = temp.resolve("bad.json");
		String text = Files.readString(ReferenceData.kernelReference()).replaceFirst("\"pages_per_process\": 2000",
				"\"pages_per_process\": 20");
		Files.writeString(badValue, text);
		e = assertThrows(IOException.class, () -> ReferenceFormat.read(badValue));
		assertTrue(e.getMessage().contains("$.cases[0].workload") && e.getMessage().contains("pages_per_process = 20"),
				e.getMessage());

		Path badFile = temp.resolve("badfile.json");
		Files.writeString(badFile, Files.readString(ReferenceData.kernelReference()).replace("\"file\": \"run\"",
				"\"file\": \"pages_shared\""));
		e = assertThrows(IOException.class, () -> ReferenceFormat.read(badFile));
		assertTrue(e.getMessage().contains("pages_shared: is not a writable file"), e.getMessage());
	}
}
