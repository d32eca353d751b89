package org.ksmstudio.model.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.model.scenario.ContentGroup;
import org.ksmstudio.model.scenario.CostModel;
import org.ksmstudio.model.scenario.Expectation;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.model.scenario.KvmGuest;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.Timeline;
import org.ksmstudio.model.scenario.TimelineEvent;
import org.ksmstudio.model.scenario.Topology;

/** Short names of model objects and features for validation messages ("process 1201 (qemu)"). */
public final class ObjectNames {

    private static final String UI = "http://www.ksmstudio.org/scenario/ui";

    private ObjectNames() {
    }

    /**
     * A name of {@code object} that says where it is in the scenario, in one line (names from the
     * file have their control characters escaped).
     */
    public static String of(EObject object) {
        return Text.oneLine(describe(object));
    }

    private static String describe(EObject object) {
        if (object instanceof Scenario) {
            return Messages.Name_Scenario;
        }
        if (object instanceof NumaNode node) {
            return NLS.bind(Messages.Name_Node, node.getId());
        }
        if (object instanceof KvmGuest guest) {
            return NLS.bind(Messages.Name_KVMGuest, guest.getPid(), named(guest.getName()));
        }
        if (object instanceof Process process) {
            return NLS.bind(Messages.Name_Process, process.getPid(), named(process.getName()));
        }
        if (object instanceof Fork fork) {
            return NLS.bind(Messages.Name_ForkOf, of(fork.eContainer()));
        }
        if (object instanceof MergeableRegion region) {
            String name = region.getName().isEmpty() ? NLS.bind(Messages.Name_Index, indexOf(region))
                    : NLS.bind(Messages.Name_Quoted, region.getName());
            return NLS.bind(Messages.Name_RegionOf, name, of(region.eContainer()));
        }
        if (object instanceof ContentGroup group) {
            return NLS.bind(Messages.Name_ContentGroupOf, indexOf(group), of(group.eContainer()));
        }
        if (object instanceof KsmConfig) {
            return Messages.Name_KSMConfiguration;
        }
        if (object instanceof Topology) {
            return Messages.Name_Topology;
        }
        if (object instanceof CostModel cost) {
            return NLS.bind(Messages.Name_CostModel, cost.getName());
        }
        if (object instanceof TimelineEvent event) {
            return NLS.bind(Messages.Name_TimelineEvent, indexOf(event), typeLabel(event));
        }
        if (object instanceof Timeline) {
            return Messages.Name_Timeline;
        }
        if (object instanceof Expectation expectation) {
            return NLS.bind(Messages.Name_ExpectedOf, expectation.getCounter(), of(expectation.eContainer()));
        }
        if (object instanceof RunSettings run) {
            return NLS.bind(Messages.Name_RunSettings, run.getName().isEmpty()
                    ? NLS.bind(Messages.Name_Index, indexOf(run)) : NLS.bind(Messages.Name_Quoted, run.getName()));
        }
        return object.eClass().getName();
    }

    /** The label of {@code feature}: the sysfs name for tunables, else the UI label or the feature name. */
    public static String of(EStructuralFeature feature) {
        var annotation = feature.getEAnnotation(UI);
        String label = annotation == null ? null : annotation.getDetails().get("label");
        return label == null ? feature.getName() : label;
    }

    private static String typeLabel(EObject object) {
        var annotation = object.eClass().getEAnnotation(UI);
        String label = annotation == null ? null : annotation.getDetails().get("label");
        return label == null ? object.eClass().getName() : label;
    }

    private static String named(String name) {
        return name == null || name.isEmpty() ? "" : NLS.bind(Messages.Name_Named, name);
    }

    private static int indexOf(EObject object) {
        EObject container = object.eContainer();
        if (container == null) {
            return 0;
        }
        Object siblings = container.eGet(object.eContainmentFeature());
        return siblings instanceof java.util.List<?> list ? list.indexOf(object) : 0;
    }
}
