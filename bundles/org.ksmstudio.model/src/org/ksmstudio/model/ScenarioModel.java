package org.ksmstudio.model;

import org.eclipse.emf.common.EMFPlugin;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.ksmstudio.model.scenario.ScenarioPackage;
import org.ksmstudio.model.scenario.util.ScenarioResourceFactoryImpl;

/**
 * Entry point of the scenario model outside and inside OSGi. Outside OSGi (headless runs, plain
 * unit tests) {@link #init()} registers what the bundle's plugin.xml registers in Eclipse: the
 * package and the {@code .ksm} resource factory.
 */
public final class ScenarioModel {

    /** File extension of scenario files. */
    public static final String FILE_EXTENSION = "ksm";

    private ScenarioModel() {
    }

    /** Registers the package and resource factory globally when not running in Eclipse; idempotent. */
    public static synchronized void init() {
        ScenarioPackage.eINSTANCE.eClass();
        if (!EMFPlugin.IS_ECLIPSE_RUNNING) {
            EPackage.Registry.INSTANCE.putIfAbsent(ScenarioPackage.eNS_URI, ScenarioPackage.eINSTANCE);
            Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap()
                    .putIfAbsent(FILE_EXTENSION, new ScenarioResourceFactoryImpl());
        }
    }

    /** A resource set that reads and writes {@code .ksm} files whatever their name. */
    public static ResourceSet createResourceSet() {
        init();
        ResourceSet resourceSet = new ResourceSetImpl();
        resourceSet.getPackageRegistry().put(ScenarioPackage.eNS_URI, ScenarioPackage.eINSTANCE);
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap()
                .put(Resource.Factory.Registry.DEFAULT_EXTENSION, new ScenarioResourceFactoryImpl());
        return resourceSet;
    }
}
