package org.ksmstudio.model.edit;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.util.ResourceLocator;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.ItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ItemProviderAdapter;

/**
 * Base class of the generated item providers (the genmodel's provider root class): property
 * values are shown with their unit ("20 ms", "256 mappings") taken from the ecore's annotations.
 */
public class ScenarioItemProviderAdapter extends ItemProviderAdapter {

    /** Creates an item provider for {@code adapterFactory}. */
    public ScenarioItemProviderAdapter(AdapterFactory adapterFactory) {
        super(adapterFactory);
    }

    @Override
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
}
