package org.ksmstudio.core.policy;

import java.util.List;

import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.policy.SharingPolicy;

/**
 * The policies ("patches") a run may use: the engine's built-in ones, those found through
 * {@link java.util.ServiceLoader} (headless, plain classpath), those of jars given with
 * {@code --patches}, and, inside Eclipse, those contributed to the extension point
 * {@code org.ksmstudio.core.policies} and those of the folder of patch jars of the preferences
 * ({@link PatchFolder}). The contributions are
 * registered with {@link SharingPolicies#register} the first time this class is asked, so the
 * engine then finds them by name like the built-in ones. Run code and policy choosers go through
 * {@link #all()} and {@link #byName(String)} (or call {@link #ensureRegistered()} first).
 */
public final class PolicyRegistry {

    /** Id of the extension point. */
    public static final String EXTENSION_POINT = "org.ksmstudio.core.policies";

    private static boolean registered;

    private PolicyRegistry() {
    }

    /**
     * Registers the contributions of the extension point with the engine, once; does nothing
     * outside OSGi (headless runs find policies through ServiceLoader).
     */
    public static synchronized void ensureRegistered() {
        if (registered) {
            return;
        }
        registered = true;
        if (inOsgi()) {
            ExtensionPolicies.registerAll(); // the only class that touches the Eclipse registry
            PatchFolder.loadPreferred(); // the folder of patch jars of the preferences
        }
    }

    /** Every known policy, built-in first. */
    public static List<SharingPolicy> all() {
        ensureRegistered();
        return SharingPolicies.all();
    }

    /**
     * The policy named {@code name} (possibly with parameters, {@code "resched:every=8"}).
     *
     * @throws IllegalArgumentException naming the known policies when there is none of that name
     */
    public static SharingPolicy byName(String name) {
        ensureRegistered();
        return SharingPolicies.byName(name);
    }

    /**
     * Whether this bundle was loaded by an OSGi framework (its class loader is a bundle's), without
     * loading any OSGi class: the headless runner's plain classpath has none.
     */
    public static boolean inOsgi() {
        for (Class<?> c = PolicyRegistry.class.getClassLoader().getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("org.osgi.framework.BundleReference")) {
                    return true;
                }
            }
        }
        return false;
    }
}
