package org.ksmstudio.core.policy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.ksmstudio.engine.patch.PatchJars;

/**
 * The folder of patch jars chosen in the preferences (key {@link #PREFERENCE} of the core bundle's
 * instance scope): its jars are loaded once through {@link PatchJars}, at the first lookup of a
 * policy and whenever the preference page applies a folder. Only this class reads the preference.
 */
public final class PatchFolder {
    /** The preference key holding the folder's path (empty: none). */
    public static final String PREFERENCE = "patchFolder"; //$NON-NLS-1$
    /** The preference node (the core bundle). */
    public static final String NODE = "org.ksmstudio.core"; //$NON-NLS-1$

    private static final Set<Path> LOADED = new HashSet<>();

    private PatchFolder() {
    }

    /**
     * Loads the patches of {@code folder} (a folder of jars or one jar) unless it was loaded already.
     *
     * @return the names of the patches registered now (empty when it was loaded before)
     * @throws IllegalArgumentException one line naming the folder, jar or class and what is wrong
     */
    public static synchronized List<String> load(String folder) {
        Path path;
        try {
            path = Path.of(folder).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("patches " + folder + ": " + e.getReason(), e);
        }
        if (LOADED.contains(path)) {
            return List.of();
        }
        List<String> names = PatchJars.load(path);
        LOADED.add(path);
        return names;
    }

    /** The folder the preferences name, or "" (outside OSGi: always ""). */
    static String preference() {
        if (!PolicyRegistry.inOsgi()) {
            return ""; //$NON-NLS-1$
        }
        return Platform.getPreferencesService().getString(NODE, PREFERENCE, "", null); //$NON-NLS-1$
    }

    /** Loads the folder of the preferences, if any; a folder that cannot be loaded is logged, not thrown. */
    static void loadPreferred() {
        String folder = preference();
        if (folder.isBlank()) {
            return;
        }
        try {
            load(folder);
        } catch (IllegalArgumentException e) {
            ILog.of(PatchFolder.class).log(new Status(IStatus.WARNING, NODE, e.getMessage()));
        }
    }
}
