package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.io.JsonFormatException;
import org.ksmstudio.engine.reference.PhaseResult;
import org.ksmstudio.engine.reference.ReferenceFile;
import org.ksmstudio.engine.reference.ReferenceRunner;

/**
 * A phase's action happens {@code action_delay_s} after the previous phase settled, as the harness
 * recorded it: a COW write before ksmd's first batch of the next full scan puts every written page
 * into one smart_scan skip cycle (settled 4 full scans later), a write after it leaves the pages that
 * batch already passed one full scan behind, and their cycle keeps the counters moving (8).
 */
class ReferenceActionDelayTest {

    private static String reference(String delay) {
        return """
                {"format": "ksmstudio-kernel-reference-1", "page_size": 4096, "cases": [{
                  "name": "cow_after_delay",
                  "tunables": {"max_page_sharing": 256, "pages_to_scan": 100, "sleep_millisecs": 20},
                  "workload": {"processes": 1, "pages_per_process": 4000, "distinct_contents": 1,
                               "copies_per_content": 4000, "layout": "block", "unique_pages": 0, "zero_pages": 0},
                  "phases": [
                    {"name": "initial", "action": {"start": "run=1"}, "expect": {},
                     "full_scans_to_last_change": 1},
                    {"name": "cow", "action": {"write": {"from_page": 0, "to_page": 4000, "every": 2,
                     "new_content": "unique", "in_every_process": true}}, "expect": {},
                     "action_delay_s": %s, "full_scans_to_last_change": 4}
                  ]}]}
                """.formatted(delay);
    }

    private static long simulatedFullScans(String delay) {
        ReferenceFile f = ReferenceFile.parse(reference(delay));
        List<PhaseResult> r = ReferenceRunner.runCase(f.pageSize(), f.cases().get(0));
        return r.get(1).checks().stream().filter(c -> c.name().equals("full_scans_to_last_change"))
                .mapToLong(c -> Long.parseLong(c.simulated())).findFirst().orElseThrow();
    }

    @Test
    void aWriteBeforeKsmdsNextBatchSettlesInHalfTheFullScans() {
        // sleep 20 ms at HZ 250: ksmd's next batch comes 24 ms after the full scan that settled the phase
        assertEquals(4, simulatedFullScans("0.005"));
        assertEquals(8, simulatedFullScans("0.05"));
    }

    @Test
    void aNegativeDelayIsRefusedByPath() {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> ReferenceFile.parse(reference("-0.1")));
        assertTrue(e.getMessage().contains("$.cases[0].phases[1].action_delay_s"), e.getMessage());
    }
}
