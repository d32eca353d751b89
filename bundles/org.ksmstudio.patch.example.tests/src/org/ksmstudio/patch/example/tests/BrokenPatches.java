package org.ksmstudio.patch.example.tests;

import java.util.List;

import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.Ksmd;
import org.ksmstudio.engine.patch.MergeTarget;
import org.ksmstudio.engine.policy.StockSharingPatch;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/** Patches that break the rules of the API, one way each. */
final class BrokenPatches {
    private BrokenPatches() {
    }

    /** Throws from should_skip_rmap_item at the 1000th call. */
    static final class Throwing extends StockSharingPatch implements KsmPatch {
        private int calls;

        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public String description() {
            return "throws from skipRmapItem";
        }

        @Override
        public boolean skipRmapItem(Ksmd ksmd, int item) {
            if (++calls == 1000) {
                throw new IllegalStateException("age table overflow");
            }
            return ksmd.stockSkip(item);
        }
    }

    /** An advisor that sets pages_to_scan below 0. */
    static final class NegativeAdvisor extends StockSharingPatch implements KsmPatch {
        @Override
        public String name() {
            return "negative-advisor";
        }

        @Override
        public String description() {
            return "sets pages_to_scan to -1";
        }

        @Override
        public void fullScanEnds(Ksmd ksmd) {
            ksmd.setPagesToScan(-1);
        }
    }

    /** A merge target of null. */
    static final class NoTarget extends StockSharingPatch implements KsmPatch {
        @Override
        public String name() {
            return "no-target";
        }

        @Override
        public String description() {
            return "returns no merge target";
        }

        @Override
        public MergeTarget mergeTarget(Ksmd ksmd, int item) {
            return null;
        }
    }

    /** Writes a column it did not ask for. */
    static final class ColumnThief extends StockSharingPatch implements KsmPatch {
        @Override
        public String name() {
            return "column-thief";
        }

        @Override
        public String description() {
            return "uses rmap item column 1 of 1";
        }

        @Override
        public int itemColumns() {
            return 1;
        }

        @Override
        public boolean checksumAllowsMerge(Ksmd ksmd, int item, boolean checksumChanged) {
            ksmd.setItemState(1, item, 7);
            return !checksumChanged;
        }
    }

    /** Keeps the Ksmd view and uses it after the hook returned. */
    static final class Keeper extends StockSharingPatch implements KsmPatch {
        static Ksmd kept;

        @Override
        public String name() {
            return "keeper";
        }

        @Override
        public String description() {
            return "keeps Ksmd";
        }

        @Override
        public List<PatchSysfsFile> sysfsFiles() {
            return List.of();
        }

        @Override
        public void fullScanStarts(Ksmd ksmd) {
            kept = ksmd;
            ksmd.stockFullScanStarts();
        }
    }
}
