package org.ksmstudio.core.policy;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.policy.SharingPolicy;

/**
 * Reads the contributions to {@code org.ksmstudio.core.policies} and registers each with the
 * engine. A contribution is checked once (its class loads, implements SharingPolicy, its name()
 * equals the declared name and is not taken); a bad one is logged and left out, so it never breaks
 * the lookup of the others. Each run then gets a new instance.
 */
final class ExtensionPolicies {

    private static final String BUNDLE = "org.ksmstudio.core";

    private ExtensionPolicies() {
    }

    static void registerAll() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            return;
        }
        List<String> taken = new ArrayList<>();
        SharingPolicies.all().forEach(p -> taken.add(p.name()));
        for (IConfigurationElement element : registry.getConfigurationElementsFor(PolicyRegistry.EXTENSION_POINT)) {
            if (!"policy".equals(element.getName())) {
                continue;
            }
            String name = element.getAttribute("name");
            try {
                SharingPolicy first = create(element);
                if (name == null || !name.equals(first.name())) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Policies_NameDiffers, name, first.name()));
                }
                if (taken.contains(name)) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Policies_NameTaken, name));
                }
                taken.add(name);
                SharingPolicies.register(() -> {
                    try {
                        return create(element);
                    } catch (CoreException | ClassCastException e) {
                        throw new IllegalStateException(NLS.bind(Messages.Policies_CannotCreate, name,
                                e.getMessage()), e);
                    }
                });
            } catch (CoreException | RuntimeException e) {
                ILog.of(ExtensionPolicies.class).log(new Status(IStatus.WARNING, BUNDLE, NLS
                        .bind(Messages.Policies_BadContribution, element.getContributor().getName(), e.getMessage()), e));
            }
        }
    }

    private static SharingPolicy create(IConfigurationElement element) throws CoreException {
        return (SharingPolicy) element.createExecutableExtension("class");
    }
}
