package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * Physical page frames, one array slot per frame: content id, map count, NUMA node and the
 * "keyhole" of a KSM page (the stable node it belongs to). A frame whose map count drops to
 * zero is freed and its keyhole cleared, which is how stale stable nodes are detected.
 */
final class Frames {
    /** frame is a plain anonymous page */
    static final int NOT_KSM = -1;
    /** frame is a KSM page whose stable node is not set yet (folio_set_stable_node(NULL)) */
    static final int KSM_NO_NODE = -2;

    long[] content;
    int[] mapcount;
    byte[] node;
    int[] stable;
    private int top;
    private int[] freeList = new int[16];
    private int freeCount;
    /** stable nodes whose KSM page was freed and that the engine has not removed yet */
    long staleNodes;

    Frames(int capacity) {
        capacity = Math.max(capacity, 16);
        content = new long[capacity];
        mapcount = new int[capacity];
        node = new byte[capacity];
        stable = new int[capacity];
    }

    /** Allocates a frame holding {@code c} on node {@code nid}, mapped once. */
    int alloc(long c, int nid) {
        int f;
        if (freeCount > 0) {
            f = freeList[--freeCount];
        } else {
            if (top == content.length) {
                grow();
            }
            f = top++;
        }
        content[f] = c;
        mapcount[f] = 1;
        node[f] = (byte) nid;
        stable[f] = NOT_KSM;
        return f;
    }

    /** Drops one mapping; frees the frame when none is left. */
    void put(int f) {
        if (--mapcount[f] == 0) {
            if (stable[f] >= 0) {
                staleNodes++;
            }
            stable[f] = NOT_KSM;
            content[f] = 0;
            if (freeCount == freeList.length) {
                freeList = Arrays.copyOf(freeList, freeList.length * 2);
            }
            freeList[freeCount++] = f;
        }
    }

    boolean isKsm(int f) {
        return stable[f] != NOT_KSM;
    }

    private void grow() {
        int n = content.length + (content.length >> 1) + 16;
        content = Arrays.copyOf(content, n);
        mapcount = Arrays.copyOf(mapcount, n);
        node = Arrays.copyOf(node, n);
        stable = Arrays.copyOf(stable, n);
    }

    long heapBytes() {
        return (long) content.length * (8 + 4 + 1 + 4) + (long) freeList.length * 4;
    }
}
