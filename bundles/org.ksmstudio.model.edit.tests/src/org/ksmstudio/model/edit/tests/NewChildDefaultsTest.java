package org.ksmstudio.model.edit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.edit.command.CommandParameter;
import org.eclipse.emf.edit.command.CopyToClipboardCommand;
import org.eclipse.emf.edit.command.CreateChildCommand;
import org.eclipse.emf.edit.command.PasteFromClipboardCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.edit.ScenarioDefaults;
import org.ksmstudio.model.scenario.Checkpoint;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.MigratePages;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.RepeatedContent;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioPackage.Literals;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.TimelineEvent;
import org.ksmstudio.model.scenario.UniquePages;
import org.ksmstudio.model.scenario.provider.ScenarioItemProviderAdapterFactory;

/**
 * What the item providers create for New Child (EMF.Edit's CreateChildCommand over
 * getNewChildDescriptors): valid objects with free keys, so that a scenario built from an empty
 * one stays valid; pasted copies get free pids; set commands say what they set.
 */
class NewChildDefaultsTest {

    private final ScenarioItemProviderAdapterFactory factory = new ScenarioItemProviderAdapterFactory();
    private final AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(factory,
            new BasicCommandStack(), new HashMap<>());
    private Scenario scenario;

    @BeforeEach
    void emptyScenario() {
        ScenarioModel.init();
        scenario = Scenarios.create("new", 2, 4096);
        Resource resource = domain.getResourceSet().createResource(URI.createURI("memory:/new.ksm"));
        resource.getContents().add(scenario);
    }

    @AfterEach
    void dispose() {
        factory.dispose();
    }

    /** Runs New Child for the descriptor whose child is a {@code type} and returns the child. */
    private <T extends EObject> T newChild(EObject owner, Class<T> type) {
        Collection<?> descriptors = domain.getNewChildDescriptors(owner, null);
        for (Object descriptor : descriptors) {
            if (descriptor instanceof CommandParameter p && p.getValue() instanceof EObject child
                    && child.eClass().getInstanceClass() == type) {
                Command command = CreateChildCommand.create(domain, owner, descriptor, List.of(owner));
                assertTrue(command.canExecute(), "New Child " + type.getSimpleName() + " of " + owner);
                domain.getCommandStack().execute(command);
                return type.cast(p.getValue());
            }
        }
        throw new AssertionError("no New Child " + type.getSimpleName() + " for " + owner + " in " + descriptors);
    }

    private void assertValid() {
        Diagnostic diagnostic = Diagnostician.INSTANCE.validate(scenario);
        assertTrue(diagnostic.getSeverity() < Diagnostic.ERROR, () -> diagnostic.getChildren().stream()
                .map(Diagnostic::getMessage).toList().toString());
    }

    @Test
    void newProcessesGetFreePidsNamesAndTheLeastUsedNode() {
        NumaNode second = newChild(scenario.getTopology(), NumaNode.class);
        Process first = newChild(scenario.getWorkload(), Process.class);
        Process next = newChild(scenario.getWorkload(), Process.class);
        assertEquals(ScenarioDefaults.FIRST_PID, first.getPid());
        assertEquals(ScenarioDefaults.FIRST_PID + 1, next.getPid());
        assertEquals("process-1001", next.getName());
        assertEquals(0, first.getHomeNode());
        assertEquals(second.getId(), next.getHomeNode(), "the second process goes to the node without one");
        assertValid();
    }

    @Test
    void aNewNodeGetsTheNextIdMemoryAndASlitColumnInEveryRow() {
        NumaNode node = newChild(scenario.getTopology(), NumaNode.class);
        assertEquals(1, node.getId());
        assertEquals(4096, node.getMemoryMiB());
        assertEquals(List.of(20, 10), node.getDistances());
        assertEquals(List.of(10, 20), scenario.getTopology().getNodes().get(0).getDistances());
        assertValid();
        domain.getCommandStack().undo();
        assertEquals(List.of(10), scenario.getTopology().getNodes().get(0).getDistances(), "undo removes the column");
    }

    @Test
    void aNewRegionGetsASizeAndContentAndNewContentFillsWhatIsLeft() {
        Process process = newChild(scenario.getWorkload(), Process.class);
        MergeableRegion region = newChild(process, MergeableRegion.class);
        assertEquals("region", region.getName());
        assertEquals(ScenarioDefaults.REGION_PAGES, region.getSizePages());
        RepeatedContent half = (RepeatedContent) region.getContents().get(0);
        assertEquals(ScenarioDefaults.REGION_PAGES / 2, half.getDistinct() * half.getCopies());
        UniquePages rest = newChild(region, UniquePages.class);
        assertEquals(ScenarioDefaults.REGION_PAGES / 2, rest.getCount());
        assertEquals("region-2", newChild(process, MergeableRegion.class).getName());
        assertValid();
    }

    @Test
    void everyNewEventIsValidAndComesAfterTheLastOne() {
        newChild(scenario.getTopology(), NumaNode.class);
        Process process = newChild(scenario.getWorkload(), Process.class);
        newChild(process, MergeableRegion.class);
        List<TimelineEvent> events = List.copyOf(domain.getNewChildDescriptors(scenario.getTimeline(), null).stream()
                .map(d -> (TimelineEvent) ((CommandParameter) d).getValue()).toList());
        for (TimelineEvent event : events) {
            newChild(scenario.getTimeline(), event.eClass().getInstanceClass().asSubclass(TimelineEvent.class));
        }
        assertEquals(events.size(), scenario.getTimeline().getEvents().size());
        SysfsWrite write = (SysfsWrite) scenario.getTimeline().getEvents().stream().filter(SysfsWrite.class::isInstance)
                .findFirst().orElseThrow();
        assertEquals("run", write.getFile());
        assertEquals("1", write.getValue());
        MigratePages migrate = (MigratePages) scenario.getTimeline().getEvents().stream()
                .filter(MigratePages.class::isInstance).findFirst().orElseThrow();
        assertEquals(process.getPid(), migrate.getPid());
        assertNotEquals(migrate.getFromNode(), migrate.getToNode());
        long timed = scenario.getTimeline().getEvents().stream().filter(e -> !(e instanceof Checkpoint))
                .mapToLong(TimelineEvent::getTimeMillis).distinct().count();
        assertEquals(events.size() - 1, timed, "each timed event comes after the previous one");
        assertValid();
    }

    @Test
    void aPastedCopyOfAProcessGetsAFreePidAndUndoRemovesIt() {
        Process original = newChild(scenario.getWorkload(), Process.class);
        newChild(original, MergeableRegion.class);
        domain.getCommandStack().execute(CopyToClipboardCommand.create(domain, List.of(original)));
        Command paste = PasteFromClipboardCommand.create(domain, scenario.getWorkload(), null);
        assertTrue(paste.canExecute());
        domain.getCommandStack().execute(paste);
        assertEquals(2, scenario.getWorkload().getProcesses().size());
        Process copy = scenario.getWorkload().getProcesses().get(1);
        assertEquals(original.getPid() + 1, copy.getPid());
        assertEquals(1, copy.getRegions().size());
        assertValid();
        domain.getCommandStack().undo();
        assertEquals(List.of(original), scenario.getWorkload().getProcesses());
    }

    @Test
    void aSetCommandSaysWhatItSets() {
        Command set = SetCommand.create(domain, scenario.getKsm(), Literals.KSM_CONFIG__MAX_PAGE_SHARING, 128);
        assertEquals("Set max_page_sharing = 128", set.getLabel());
        Command smart = SetCommand.create(domain, scenario.getKsm(), Literals.KSM_CONFIG__SMART_SCAN, false);
        assertEquals("Set smart_scan = 0", smart.getLabel());
        Command reset = SetCommand.create(domain, scenario.getKsm(), Literals.KSM_CONFIG__PAGES_TO_SCAN,
                SetCommand.UNSET_VALUE);
        assertEquals("Reset pages_to_scan", reset.getLabel());
    }
}
