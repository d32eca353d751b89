package org.ksmstudio.core.tests.policy;

import java.util.List;

import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.Ksmd;
import org.ksmstudio.engine.policy.StockSharingPatch;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * Patches that the tests pack into jars of their own (their class files, outside this bundle's
 * class loader) and load with {@code --patches}. Each refers to the engine's API only.
 */
public final class JarPatches {
    private JarPatches() {
    }

    /** Counts full scans in a counter of its own. */
    public static final class Counting extends StockSharingPatch implements KsmPatch {
        private static final PatchSysfsFile SCANS = PatchSysfsFile.counter("jar_patch_scans", "scans",
                "full scans the jar's patch saw end");

        @Override
        public String name() {
            return "jar-counting";
        }

        @Override
        public String description() {
            return "counts full scans";
        }

        @Override
        public List<PatchSysfsFile> sysfsFiles() {
            return List.of(SCANS);
        }

        @Override
        public void fullScanEnds(Ksmd ksmd) {
            ksmd.stockFullScanEnds();
            ksmd.add(SCANS, 1);
        }
    }

    /** Throws at the end of the third full scan. */
    public static final class Throwing extends StockSharingPatch implements KsmPatch {
        @Override
        public String name() {
            return "jar-throwing";
        }

        @Override
        public String description() {
            return "throws after three full scans";
        }

        @Override
        public void fullScanEnds(Ksmd ksmd) {
            if (ksmd.fullScans() == 2) {
                throw new UnsupportedOperationException("not yet");
            }
        }
    }

    /** Stock at every seam: loaded from the preferences' folder. */
    public static final class Preferred extends StockSharingPatch implements KsmPatch {
        @Override
        public String name() {
            return "jar-preferred";
        }

        @Override
        public String description() {
            return "stock, from the patch folder of the preferences";
        }
    }
}
