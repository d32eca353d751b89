package org.ksmstudio.model.edit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.edit.ScenarioLabels;
import org.ksmstudio.model.scenario.CapturedContent;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.model.scenario.MigratePages;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.ScenarioPackage.Literals;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.Trigger;
import org.ksmstudio.model.scenario.provider.ScenarioItemProviderAdapterFactory;

/** Labels, property categories, descriptions and units of the item providers. */
class ItemProvidersTest {

    private final ScenarioItemProviderAdapterFactory factory = new ScenarioItemProviderAdapterFactory();

    @AfterEach
    void dispose() {
        factory.dispose();
    }

    private String text(EObject object) {
        return ((IItemLabelProvider) factory.adapt(object, IItemLabelProvider.class)).getText(object);
    }

    private IItemPropertyDescriptor descriptor(EObject object, String id) {
        IItemPropertySource source = (IItemPropertySource) factory.adapt(object, IItemPropertySource.class);
        IItemPropertyDescriptor descriptor = source.getPropertyDescriptor(object, id);
        assertNotNull(descriptor, id);
        return descriptor;
    }

    @Test
    void nodeLabelReadsAtAGlance() {
        NumaNode node = ScenarioFactory.eINSTANCE.createNumaNode();
        node.setId(1);
        node.setMemoryMiB(16384);
        node.setCpus("8-15");
        assertEquals("Node 1 \u00b7 16 GiB \u00b7 8 CPUs", text(node));
    }

    @Test
    void capturedContentsSayPagesContentsAndStream() {
        CapturedContent captured = ScenarioFactory.eINSTANCE.createCapturedContent();
        captured.setStream("4242/anon@7f0000000000");
        captured.setPages(280);
        captured.setDistinct(60);
        assertEquals("Captured 280 pages \u00b7 60 distinct contents \u00b7 stream 4242/anon@7f0000000000", text(captured));
    }

    @Test
    void tunablesReadLikeSysfs() {
        KsmConfig ksm = ScenarioFactory.eINSTANCE.createKsmConfig();
        assertEquals("max_page_sharing = 256", ScenarioLabels.tunable(ksm, Literals.KSM_CONFIG__MAX_PAGE_SHARING));
        assertEquals("advisor_mode = none", ScenarioLabels.tunable(ksm, Literals.KSM_CONFIG__ADVISOR_MODE));
        assertEquals("smart_scan = 1", ScenarioLabels.tunable(ksm, Literals.KSM_CONFIG__SMART_SCAN));
        assertEquals("KSM \u00b7 run = 0 \u00b7 max_page_sharing = 256", text(ksm));
        ksm.setPagesToScan(1000);
        assertEquals("KSM \u00b7 run = 0 \u00b7 pages_to_scan = 1000 \u00b7 max_page_sharing = 256", text(ksm));
    }

    @Test
    void eventsReadLikeWhatTheyDo() {
        SysfsWrite write = ScenarioFactory.eINSTANCE.createSysfsWrite();
        write.setFile("max_page_sharing");
        write.setValue("10");
        write.setExpectedResult("EBUSY");
        write.setTrigger(Trigger.AT_TIME);
        write.setTimeMillis(5000);
        assertEquals("at 5 s: echo 10 > max_page_sharing (EBUSY)", text(write));
        MigratePages migrate = ScenarioFactory.eINSTANCE.createMigratePages();
        migrate.setPid(1000);
        migrate.setFromNode(1);
        migrate.setToNode(2);
        migrate.setBounce(true);
        migrate.setTrigger(Trigger.AFTER_CONVERGENCE);
        migrate.setPeriodMillis(1000);
        migrate.setRepeat(10);
        assertEquals("after convergence: migrate_pages(1000, node 1 \u2192 2), bouncing \u00b7 every 1 s \u00d7 10",
                text(migrate));
    }

    @Test
    void tunablePropertiesHaveSysfsNamesCategoriesDescriptionsAndUnits() {
        KsmConfig ksm = ScenarioFactory.eINSTANCE.createKsmConfig();
        IItemPropertyDescriptor mps = descriptor(ksm, "maxPageSharing");
        assertEquals("max_page_sharing", mps.getDisplayName(ksm));
        assertEquals("Sharing limit", mps.getCategory(ksm));
        assertTrue(mps.getDescription(ksm).contains("EBUSY"), mps.getDescription(ksm));
        IItemPropertyDescriptor sleep = descriptor(ksm, "sleepMillisecs");
        assertEquals("Scanning", sleep.getCategory(ksm));
        assertTrue(sleep.getDescription(ksm).endsWith("Unit: ms."), sleep.getDescription(ksm));
        assertEquals("20 ms", sleep.getLabelProvider(ksm).getText(sleep.getPropertyValue(ksm)));
        assertEquals("Advisor", descriptor(ksm, "advisorMaxCpu").getCategory(ksm));
        assertEquals("70 %", descriptor(ksm, "advisorMaxCpu").getLabelProvider(ksm)
                .getText(descriptor(ksm, "advisorMaxCpu").getPropertyValue(ksm)));
        assertEquals("NUMA", descriptor(ksm, "mergeAcrossNodes").getCategory(ksm));
        for (IItemPropertyDescriptor d : ((IItemPropertySource) factory.adapt(ksm, IItemPropertySource.class))
                .getPropertyDescriptors(ksm)) {
            assertTrue(d.getDisplayName(ksm).matches("[a-z_]+"), "sysfs name: " + d.getDisplayName(ksm));
            assertTrue(List.of("Scanning", "Sharing limit", "NUMA", "Advisor").contains(d.getCategory(ksm)),
                    d.getCategory(ksm));
        }
    }

    @Test
    void costPropertiesShowNanoseconds() {
        var cost = ScenarioFactory.eINSTANCE.createCostModel();
        IItemPropertyDescriptor pte = descriptor(cost, "walkPteNs");
        assertEquals("Reverse map cost", pte.getCategory(cost));
        assertEquals("78 ns", pte.getLabelProvider(cost).getText(pte.getPropertyValue(cost)));
    }

    @Test
    void everyExampleObjectHasALabel() throws Exception {
        for (Examples.Example example : Examples.all()) {
            Scenario scenario = example.load();
            for (var it = scenario.eAllContents(); it.hasNext();) {
                EObject object = it.next();
                String label = text(object);
                assertTrue(label != null && !label.isBlank() && !label.contains("null"), object + ": " + label);
            }
        }
        Scenario created = Scenarios.create("x", 8, 16384);
        assertEquals("Node 0 \u00b7 16 GiB \u00b7 8 CPUs", text(created.getTopology().getNodes().get(0)));
    }
}
