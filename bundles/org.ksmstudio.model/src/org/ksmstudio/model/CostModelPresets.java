package org.ksmstudio.model;

import java.util.List;

import org.ksmstudio.model.scenario.CostModel;
import org.ksmstudio.model.scenario.ScenarioFactory;

/**
 * The named cost models offered to users, in nanoseconds on the simulated machine. They equal the
 * engine's {@code org.ksmstudio.engine.scenario.CostModel} constants of the same meaning (a test in
 * {@code org.ksmstudio.core.tests} checks it); {@code docs/cost-model.md} says which term produces what.
 * <ul>
 * <li>{@value #THIS_MACHINE}: the machine of {@code kernel-reference.json} (Linux 6.18, x86_64 VM,
 * 2 vCPUs, HZ=250, quiet); the model's defaults. ksmd terms give about 3 s of ksmd CPU to merge 1,048,576
 * identical pages at sleep_millisecs=0 and 24.1 ms per wake-up at sleep_millisecs=20; walk terms
 * (25 ns per rmap item, 78 ns per PTE, no IPI, no KVM) make migrating one KSM page cost about
 * 0.12 ms at 256 PTEs and 316 ms at 1,048,576 PTEs (measured 0.11 and 346 ms).</li>
 * <li>{@value #KVM_HOST_2016}: the KVM host of the 2016 linux-mm thread: HZ=1000, ksmd's own costs not measured
 * (40, 150, 700, 150 and 1,000 ns to skip, visit, checksum, search and merge a page, 20 us per wake-up and
 * 0.6 ms of wake-up lateness), 100 ns per rmap item,
 * 200 ns per PTE, 3 us per TLB-flush IPI (the target CPU runs a guest), 5 us per KVM MMU-notifier
 * invalidation; one migration of a 256-mapping dup takes about 3 ms, of a page with 6.3 million
 * mappings about 74 s, the thread's figures.</li>
 * </ul>
 */
public final class CostModelPresets {

    /** Name of the preset measured on the reference machine (the default). */
    public static final String THIS_MACHINE = "this machine (measured)";

    /** Name of the preset of the 2016 linux-mm thread's KVM host. */
    public static final String KVM_HOST_2016 = "2016 KVM host";

    private CostModelPresets() {
    }

    /** Names of every preset, the default first. */
    public static List<String> names() {
        return List.of(THIS_MACHINE, KVM_HOST_2016);
    }

    /** A new cost model holding the preset {@code name}. */
    public static CostModel create(String name) {
        CostModel cost = ScenarioFactory.eINSTANCE.createCostModel();
        apply(name, cost);
        return cost;
    }

    /** Sets every value of {@code cost} to the preset {@code name}. */
    public static void apply(String name, CostModel cost) {
        CostModel defaults = ScenarioFactory.eINSTANCE.createCostModel();
        switch (name) {
            case THIS_MACHINE -> {
                // The ecore's defaults are this machine's numbers; copy them.
                for (var attribute : defaults.eClass().getEAllAttributes()) {
                    cost.eSet(attribute, defaults.eGet(attribute));
                }
            }
            case KVM_HOST_2016 -> {
                apply(THIS_MACHINE, cost);
                cost.setName(KVM_HOST_2016);
                cost.setHz(1000);
                // the engine's CostModel.KVM_HOST_2016
                cost.setWakeupLatencyNs(600_000);
                cost.setWakeupCpuNs(20_000);
                cost.setSkipPageNs(40);
                cost.setKsmPageVisitNs(150);
                cost.setChecksumNs(700);
                cost.setTreeSearchNs(150);
                cost.setMergeNs(1_000);
                cost.setWalkItemNs(100);
                cost.setWalkPteNs(200);
                cost.setTlbIpiNs(3_000);
                cost.setMmuNotifierNs(5_000);
                cost.setCopyPageNsPerDistance(60);
            }
            default -> throw new IllegalArgumentException("no cost model preset named '" + name + "'; presets are "
                    + names());
        }
    }
}
