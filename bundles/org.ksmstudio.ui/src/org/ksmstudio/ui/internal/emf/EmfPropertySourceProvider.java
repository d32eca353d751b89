package org.ksmstudio.ui.internal.emf;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.IPropertySourceProvider;

/**
 * Property sources for the Properties view over EMF.Edit's item property sources; every change
 * is a {@link org.eclipse.emf.edit.command.SetCommand} on the editing domain's command stack.
 */
public class EmfPropertySourceProvider implements IPropertySourceProvider {

	private final AdapterFactory adapterFactory;
	private final EditingDomain domain;

	/**
	 * @param adapterFactory the item providers
	 * @param domain         the editing domain whose command stack records the changes
	 */
	public EmfPropertySourceProvider(AdapterFactory adapterFactory, EditingDomain domain) {
		this.adapterFactory = adapterFactory;
		this.domain = domain;
	}

	@Override
	@NonNullByDefault({})
	public IPropertySource getPropertySource(Object object) {
		if (object instanceof IPropertySource source) {
			return source;
		}
		IItemPropertySource itemSource = (IItemPropertySource) adapterFactory.adapt(object, IItemPropertySource.class);
		return itemSource == null ? null : new EmfPropertySource(object, itemSource, domain);
	}
}
