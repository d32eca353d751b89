package org.ksmstudio.model.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
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
import org.ksmstudio.model.scenario.Timeline;
import org.ksmstudio.model.scenario.TimelineEvent;
import org.ksmstudio.model.scenario.Topology;

/** Short names of model objects and features for validation messages ("process 1201 (qemu)"). */
public final class ObjectNames {

    private static final String UI = "http://www.ksmstudio.org/scenario/ui";

    private ObjectNames() {
    }

    /** A name of {@code object} that says where it is in the scenario. */
    public static String of(EObject object) {
        if (object instanceof NumaNode node) {
            return "node " + node.getId();
        }
        if (object instanceof KvmGuest guest) {
            return "KVM guest " + guest.getPid() + named(guest.getName());
        }
        if (object instanceof Process process) {
            return "process " + process.getPid() + named(process.getName());
        }
        if (object instanceof Fork fork) {
            return "fork of " + of(fork.eContainer());
        }
        if (object instanceof MergeableRegion region) {
            String name = region.getName().isEmpty() ? "#" + indexOf(region) : "'" + region.getName() + "'";
            return "region " + name + " of " + of(region.eContainer());
        }
        if (object instanceof ContentGroup group) {
            return "content group #" + indexOf(group) + " of " + of(group.eContainer());
        }
        if (object instanceof KsmConfig) {
            return "KSM configuration";
        }
        if (object instanceof Topology) {
            return "topology";
        }
        if (object instanceof CostModel cost) {
            return "cost model '" + cost.getName() + "'";
        }
        if (object instanceof TimelineEvent event) {
            return "timeline event #" + indexOf(event) + " (" + typeLabel(event) + ")";
        }
        if (object instanceof Timeline) {
            return "timeline";
        }
        if (object instanceof Expectation expectation) {
            return "expected " + expectation.getCounter() + " of " + of(expectation.eContainer());
        }
        if (object instanceof RunSettings run) {
            return "run settings" + (run.getName().isEmpty() ? " #" + indexOf(run) : " '" + run.getName() + "'");
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
        return name == null || name.isEmpty() ? "" : " (" + name + ")";
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
