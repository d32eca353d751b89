package org.ksmstudio.model;

import java.util.Optional;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.model.scenario.ScenarioPackage;

/**
 * The attributes of a {@link KsmConfig} as the tunables of {@link KsmSysfsFile}: attribute
 * {@code stableNodeChainsPruneMillisecs} is file {@code stable_node_chains_prune_millisecs}.
 */
public final class KsmConfigFiles {

    private KsmConfigFiles() {
    }

    /** The attribute that holds {@code file}. */
    public static EAttribute attribute(KsmSysfsFile file) {
        StringBuilder name = new StringBuilder();
        for (String part : file.fileName().split("_")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        EStructuralFeature feature = ScenarioPackage.Literals.KSM_CONFIG.getEStructuralFeature(name.toString());
        if (!(feature instanceof EAttribute attribute)) {
            throw new IllegalArgumentException(file + ": no attribute " + name + " in KsmConfig");
        }
        return attribute;
    }

    /** The file a KSM configuration attribute holds, if it is one. */
    public static Optional<KsmSysfsFile> file(EStructuralFeature feature) {
        return KsmSysfsFile.tunables().stream().filter(f -> attribute(f) == feature).findFirst();
    }

    /** The value of {@code file} in {@code config} as written to sysfs ("1" for true, "scan-time"). */
    public static String written(KsmConfig config, KsmSysfsFile file) {
        return written(config.eGet(attribute(file)));
    }

    /** An attribute value as written to sysfs: booleans 1/0, enumerators by literal. */
    public static String written(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return value instanceof Enumerator e ? e.getLiteral() : String.valueOf(value);
    }
}
