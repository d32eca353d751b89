package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.policy.PolicyRegistry;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.core.run.ScenarioRunner;
import org.ksmstudio.engine.policy.SharingPolicies;

/** Policies contributed to {@code org.ksmstudio.core.policies} by this test bundle's plugin.xml. */
class PolicyRegistryTest {

    @Test
    void contributedPolicyIsFoundByNameAndRuns() throws Exception {
        assumeTrue(PolicyRegistry.inOsgi(), "the extension registry exists only inside OSGi (tycho-surefire)");
        assertEquals("test-half-limit", PolicyRegistry.byName("test-half-limit").name());
        assertTrue(PolicyRegistry.all().stream().anyMatch(p -> p.name().equals("test-half-limit")));
        assertEquals("test-half-limit", SharingPolicies.byName("test-half-limit").name(), "registered with the engine");

        // 600 equal pages, max_page_sharing 256: the contributed policy caps dups at 128 mappings.
        var model = TestScenarios.migrating(1, 600);
        RunResult stock = ScenarioRunner.run(ScenarioConverter.convert(model, 0, "stock"));
        RunResult half = ScenarioRunner.run(ScenarioConverter.convert(model, 0, "test-half-limit"));
        assertEquals(3, stock.last().counters().pagesShared());
        assertEquals(5, half.last().counters().pagesShared(), "ceil(600 / 128) dups");
    }

    @Test
    void contributionWhoseNameDiffersFromItsClassIsLeftOut() {
        assumeTrue(PolicyRegistry.inOsgi(), "the extension registry exists only inside OSGi (tycho-surefire)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolicyRegistry.byName("test-misnamed"));
        assertTrue(e.getMessage().contains("test-half-limit"), "names the known ones: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PolicyRegistry.byName("test-misnamed-actual"));
    }

    @Test
    void shippedPoliciesAreAlwaysKnown() {
        for (String name : new String[] { "stock", "no-limit", "batched-tlb", "skip-walk", "refile", "resched" }) {
            assertEquals(name, PolicyRegistry.byName(name).name());
        }
    }
}
