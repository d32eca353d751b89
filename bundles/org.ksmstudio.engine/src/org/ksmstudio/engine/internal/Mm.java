package org.ksmstudio.engine.internal;

import java.util.List;

import java.util.Objects;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A simulated mm_struct: its process, VMAs and range of page slots, and its KSM flags
 * (MMF_VM_MERGEABLE, MMF_VM_MERGE_ANY). Its ksm_stat counts are kept by the tables that count
 * them ({@link RmapItems}, {@link PageSlots}), by mm index.
 */
final class Mm {
    final int index;
    final int pid;
    final String name;
    final int homeNode;
    final List<Integer> cpus;
    final boolean active;
    final boolean kvm;
    final int parentPid;
    final Vma[] vmas;
    final int firstSlot;
    final int slotCount;

    /** MMF_VM_MERGE_ANY (prctl PR_SET_MEMORY_MERGE) */
    boolean mergeAny;
    /** MMF_VM_MERGEABLE: registered with KSM (has an mm slot on ksmd's list) */
    boolean registered;
    boolean exiting;

    Mm(int index, int pid, String name, int homeNode, List<Integer> cpus, boolean active, boolean kvm, int parentPid,
            Vma[] vmas, int firstSlot, int slotCount) {
        this.index = index;
        this.pid = pid;
        this.name = name;
        this.homeNode = homeNode;
        this.cpus = cpus;
        this.active = active;
        this.kvm = kvm;
        this.parentPid = parentPid;
        this.vmas = vmas;
        this.firstSlot = firstSlot;
        this.slotCount = slotCount;
    }

    @Nullable
    Vma vma(String regionName) {
        for (Vma v : vmas) {
            if (v.name.equals(regionName)) {
                return v;
            }
        }
        return null;
    }

    /** The user address of this mm's page slot {@code slot}. */
    long address(int slot, long pageSize) {
        Vma v = Objects.requireNonNull(vmaOfSlot(slot), "every slot of an mm is in one of its vmas");
        return v.start + (slot - v.firstSlot) * pageSize;
    }

    @Nullable
    Vma vmaOfSlot(int slot) {
        for (Vma v : vmas) {
            if (slot >= v.firstSlot && slot < v.endSlot()) {
                return v;
            }
        }
        return null;
    }

    boolean anyMergeable() {
        for (Vma v : vmas) {
            if (v.mergeable) {
                return true;
            }
        }
        return false;
    }
}
