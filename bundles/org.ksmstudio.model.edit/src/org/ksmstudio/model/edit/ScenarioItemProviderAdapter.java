package org.ksmstudio.model.edit;

import java.util.Collection;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.util.ResourceLocator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.CommandParameter;
import org.eclipse.emf.edit.command.CreateChildCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.ItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ItemProviderAdapter;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Base class of the generated item providers (the genmodel's provider root class): property
 * values are shown with their unit ("20 ms", "256 mappings") taken from the ecore's annotations;
 * new children come with valid values and pasted or dropped objects with free keys
 * ({@link ScenarioDefaults}); a set command says what it sets ("Set max_page_sharing = 128").
 */
public class ScenarioItemProviderAdapter extends ItemProviderAdapter {

    /** Creates an item provider for {@code adapterFactory}. */
    public ScenarioItemProviderAdapter(AdapterFactory adapterFactory) {
        super(adapterFactory);
    }

    @Override
    @NonNullByDefault({})
    protected ItemPropertyDescriptor createItemPropertyDescriptor(AdapterFactory adapterFactory,
            ResourceLocator resourceLocator, String displayName, String description, EStructuralFeature feature,
            boolean isSettable, boolean multiLine, boolean sortChoices, Object staticImage, String category,
            String[] filterFlags) {
        return new ItemPropertyDescriptor(adapterFactory, resourceLocator, displayName, description, feature,
                isSettable, multiLine, sortChoices, staticImage, category, filterFlags) {
            @Override
            public IItemLabelProvider getLabelProvider(Object object) {
                IItemLabelProvider plain = super.getLabelProvider(object);
                String unit = ScenarioLabels.unit(feature);
                if (unit == null || feature.isMany()) {
                    return plain;
                }
                return new IItemLabelProvider() {
                    @Override
                    public String getText(Object value) {
                        String text = plain.getText(value);
                        return text == null || text.isEmpty() ? text : text + " " + unit;
                    }

                    @Override
                    public Object getImage(Object value) {
                        return plain.getImage(value);
                    }
                };
            }
        };
    }

    /** The generated descriptors, each child given valid values for its place ({@link ScenarioDefaults#initialize}). */
    @Override
    @NonNullByDefault({})
    public Collection<?> getNewChildDescriptors(Object object, EditingDomain editingDomain, Object sibling) {
        Collection<?> descriptors = super.getNewChildDescriptors(object, editingDomain, sibling);
        if (object instanceof EObject owner) {
            for (Object descriptor : descriptors) {
                if (descriptor instanceof CommandParameter parameter && parameter.getValue() instanceof EObject child) {
                    ScenarioDefaults.initialize(owner, child);
                }
            }
        }
        return descriptors;
    }

    /** Creates the child and makes the changes it needs elsewhere ({@link ScenarioDefaults#companions}). */
    @Override
    @NonNullByDefault({})
    protected Command createCreateChildCommand(EditingDomain domain, EObject owner, EStructuralFeature feature,
            Object value, int index, Collection<?> collection) {
        return new CreateChildCommand(domain, owner, feature, value, index, collection, this) {
            @Override
            protected Command createCommand() {
                Command add = super.createCommand();
                Command companions = ScenarioDefaults.companions(domain, owner, feature, value);
                return companions == null ? add : add.chain(companions);
            }
        };
    }

    /** Adds, first giving the added objects free keys where theirs are taken ({@link UniqueKeysAddCommand}). */
    @Override
    @NonNullByDefault({})
    protected Command createAddCommand(EditingDomain domain, EObject owner, EStructuralFeature feature,
            Collection<?> collection, int index) {
        return new UniqueKeysAddCommand(domain, owner, feature, collection, index);
    }

    /** A set command labelled with the feature and the value: "Set max_page_sharing = 128". */
    @Override
    @NonNullByDefault({})
    protected Command createSetCommand(EditingDomain domain, EObject owner, EStructuralFeature feature, Object value,
            int index) {
        Command set = super.createSetCommand(domain, owner, feature, value, index);
        if (set instanceof SetCommand command && feature != null) {
            command.setLabel(ScenarioLabels.setting(owner, feature, value));
        }
        return set;
    }
}
