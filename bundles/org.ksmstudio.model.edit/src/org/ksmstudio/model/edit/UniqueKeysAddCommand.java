package org.ksmstudio.model.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.ksmstudio.model.edit.ScenarioDefaults.KeyChange;

/**
 * An add that first gives the added objects free keys where theirs are taken in the owner
 * ({@link ScenarioDefaults#uniqueKeys}: a pasted copy of a process gets a free pid, a region dropped
 * on a process that has one of that name gets another), and restores them on undo. Still an
 * {@link AddCommand}, so drag and drop and paste treat it as the containment add it is.
 */
final class UniqueKeysAddCommand extends AddCommand {

    private List<KeyChange> changes = List.of();
    private final List<Object> oldValues = new ArrayList<>();

    UniqueKeysAddCommand(EditingDomain domain, EObject owner, EStructuralFeature feature, Collection<?> collection,
            int index) {
        super(domain, owner, feature, collection, index);
    }

    @Override
    public void doExecute() {
        changes = ScenarioDefaults.uniqueKeys(owner, feature, collection);
        oldValues.clear();
        for (KeyChange change : changes) {
            oldValues.add(change.object().eGet(change.attribute()));
        }
        applyKeys();
        super.doExecute();
    }

    @Override
    public void doUndo() {
        super.doUndo();
        for (int i = 0; i < changes.size(); i++) {
            changes.get(i).object().eSet(changes.get(i).attribute(), oldValues.get(i));
        }
    }

    @Override
    public void doRedo() {
        applyKeys();
        super.doRedo();
    }

    private void applyKeys() {
        for (KeyChange change : changes) {
            change.object().eSet(change.attribute(), change.value());
        }
    }
}
