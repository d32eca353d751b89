package org.ksmstudio.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.model.CostModelPresets;
import org.ksmstudio.model.KsmConfigFiles;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.AdvisorMode;
import org.ksmstudio.model.scenario.Architecture;
import org.ksmstudio.model.scenario.CostModel;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.model.scenario.RunMode;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.Topology;

/** A new model holds the kernel's defaults (Documentation/admin-guide/mm/ksm.rst, mm/ksm.c). */
class KernelDefaultsTest {

    @Test
    void ksmConfigurationDefaultsAreTheTablesAndEveryTunableHasAnAttribute() {
        KsmConfig ksm = ScenarioFactory.eINSTANCE.createKsmConfig();
        for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
            assertEquals(file.defaultValue().orElseThrow(), KsmConfigFiles.written(ksm, file), file.fileName());
            assertEquals(file, KsmConfigFiles.file(KsmConfigFiles.attribute(file)).orElseThrow());
        }
        assertEquals(KsmSysfsFile.tunables().size(), ksm.eClass().getEAllAttributes().size(),
                "every KsmConfig attribute is a file of the table");
        assertEquals(AdvisorMode.NONE, ksm.getAdvisorMode());
        assertTrue(ksm.isSmartScan());
    }

    @Test
    void topologyDefaults() {
        Topology topology = ScenarioFactory.eINSTANCE.createTopology();
        assertEquals(4096, topology.getPageSize());
        assertEquals(Architecture.X86_64, topology.getArchitecture());
        assertEquals("x86_64", topology.getArchitecture().getLiteral());
    }

    @Test
    void costModelDefaultsAreTheMeasuredPreset() {
        CostModel defaults = ScenarioFactory.eINSTANCE.createCostModel();
        CostModel preset = CostModelPresets.create(CostModelPresets.THIS_MACHINE);
        assertEquals(CostModelPresets.THIS_MACHINE, defaults.getName());
        assertTrue(org.eclipse.emf.ecore.util.EcoreUtil.equals(defaults, preset));
        assertEquals(250, defaults.getHz(), "HZ of the reference machine");
        assertEquals(0, defaults.getTlbIpiNs(), "the reference machine's walks sent no IPI");
        assertEquals(0, defaults.getMmuNotifierNs(), "and had no KVM guest");
    }

    @Test
    void kvmHostPresetPaysIpisAndMmuNotifiers() {
        CostModel kvm = CostModelPresets.create(CostModelPresets.KVM_HOST_2016);
        assertEquals(CostModelPresets.KVM_HOST_2016, kvm.getName());
        assertEquals(1000, kvm.getHz());
        assertTrue(kvm.getTlbIpiNs() > 0 && kvm.getMmuNotifierNs() > 0);
        assertEquals(700, kvm.getChecksumNs(), "a faster ksmd than this machine's (1000 ns per checksum)");
        assertEquals(1000, CostModelPresets.create(CostModelPresets.THIS_MACHINE).getChecksumNs());
    }

    @Test
    void runSettingsDefaults() {
        RunSettings run = ScenarioFactory.eINSTANCE.createRunSettings();
        assertEquals(RunMode.UNTIL_CONVERGED, run.getMode());
        assertEquals(1, run.getSeed());
        assertEquals(1000, run.getSamplingIntervalMillis());
    }

    @Test
    void newScenarioIsValid() {
        Diagnostic diagnostic = Diagnostician.INSTANCE.validate(Scenarios.create("new", 2, 1024));
        assertEquals(Diagnostic.OK, diagnostic.getSeverity(), diagnostic.toString());
    }
}
