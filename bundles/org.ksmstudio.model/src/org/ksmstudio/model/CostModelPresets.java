package org.ksmstudio.model;

import java.util.List;

import org.ksmstudio.model.scenario.CostModel;
import org.ksmstudio.model.scenario.ScenarioFactory;

/**
 * The named cost models offered to users. Numbers are nanoseconds on the simulated machine.
 * <ul>
 * <li>{@value #THIS_MACHINE}: the machine of {@code kernel-reference.json} (Linux 6.18, x86_64 VM,
 * 2 vCPUs, HZ=250). Equal to the model's defaults and to the engine's
 * {@code CostModel.THIS_MACHINE}: ksmd costs give about 850,000 merged identical pages per second at
 * sleep_millisecs=0; walkItemNs + walkPteNs = 225 ns per mapping and walk, so migrating one KSM page
 * (two walks) costs about 0.1 ms at 256 PTEs and 350 ms at 1,048,576 PTEs, as measured.</li>
 * <li>{@value #KVM_HOST_2016}: the host of the 2016 linux-mm thread (many CPUs, KVM guests). Each
 * mapping of a walk costs an rmap item (150), a PTE update (250), one TLB-flush IPI to the CPU where
 * the guest runs (2,500) and a KVM shadow-PTE invalidation through the MMU notifier (3,000): 5.9 us per
 * mapping and walk, so migrating a 256-mapping dup (two walks) takes about 3 ms, the figure of the
 * thread, and a page with 6 million mappings more than 60 s. HZ=1000 as on the distributions' server
 * kernels of the time.</li>
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
                cost.setWalkItemNs(150);
                cost.setWalkPteNs(250);
                cost.setTlbIpiNs(2_500);
                cost.setMmuNotifierNs(3_000);
                cost.setCopyPageNsPerDistance(60);
            }
            default -> throw new IllegalArgumentException("no cost model preset named '" + name + "'; presets are "
                    + names());
        }
    }
}
