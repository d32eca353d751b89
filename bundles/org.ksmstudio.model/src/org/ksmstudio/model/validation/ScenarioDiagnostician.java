package org.ksmstudio.model.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * EMF's {@link Diagnostician} that names objects and features as the scenario's other messages do
 * ("process 1201 (qemu)", "the timeline"), so EMF's own checks (a required element missing, a value out of its
 * type's range) read like the model's constraints instead of naming an implementation object and its URI.
 */
public final class ScenarioDiagnostician extends Diagnostician {

    /** The one instance: every validation of a scenario goes through it. */
    public static final ScenarioDiagnostician INSTANCE = new ScenarioDiagnostician();

    private ScenarioDiagnostician() {
    }

    @Override
    @NonNullByDefault({})
    public String getObjectLabel(EObject eObject) {
        return eObject == null ? super.getObjectLabel(eObject) : ObjectNames.of(eObject);
    }

    @Override
    @NonNullByDefault({})
    public String getFeatureLabel(EStructuralFeature eStructuralFeature) {
        return eStructuralFeature == null ? super.getFeatureLabel(eStructuralFeature) : ObjectNames.of(eStructuralFeature);
    }
}
