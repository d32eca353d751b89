package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.reference.PhaseResult;
import org.ksmstudio.engine.reference.ReferenceFile;
import org.ksmstudio.engine.reference.ReferenceRunner;

/** A wait of N full scans snapshots right after the N-th scan, as the kernel harness does (no convergence). */
class ReferenceWaitTest {

    private static final String CASE = """
            {"format": "ksmstudio-kernel-reference-1", "page_size": 4096, "cases": [{
              "name": "wait_scans",
              "tunables": {"max_page_sharing": 256, "pages_to_scan": 100, "sleep_millisecs": 20},
              "workload": {"processes": 1, "pages_per_process": 2000, "distinct_contents": 1,
                           "copies_per_content": 2000, "layout": "block", "unique_pages": 0, "zero_pages": 0},
              "phases": [
                {"name": "initial", "action": {"start": "run=1"}, "expect": {"full_scans": 0}},
                {"name": "cow", "action": {"write": {"from_page": 0, "to_page": 2000, "every": 2,
                 "new_content": "unique", "in_every_process": true}}, "expect": {"full_scans": 0}},
                {"name": "four_scans", "action": {"wait": {"full_scans": 4}}, "expect": {"full_scans": 0}}
              ]}]}
            """;

    @Test
    void aWaitOfFullScansEndsAfterExactlyThoseScans() {
        ReferenceFile f = ReferenceFile.parse(CASE);
        List<PhaseResult> r = ReferenceRunner.runCase(f.pageSize(), f.cases().get(0));
        long cow = fullScans(r.get(1));
        long waited = fullScans(r.get(2));
        assertEquals(cow + 4, waited, "four full scans after the converged write phase, not run on to convergence");
    }

    private static long fullScans(PhaseResult p) {
        return p.checks().stream().filter(c -> c.name().equals("full_scans")).mapToLong(c -> Long.parseLong(c.simulated()))
                .findFirst().orElseThrow();
    }
}
