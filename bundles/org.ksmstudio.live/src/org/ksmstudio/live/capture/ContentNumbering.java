package org.ksmstudio.live.capture;

/**
 * Numbers page fingerprints densely in the order first seen: the zero page is content 0,
 * every other distinct fingerprint gets 1, 2, 3, ... An open-addressing table of primitive
 * arrays, for tens of millions of pages.
 */
public final class ContentNumbering {

	private long[] keys = new long[1 << 16];
	private int[] ids = new int[1 << 16];
	private int size;

	/** The content id of a fingerprint, numbering it when new. */
	public int id(long fingerprint) {
		if (fingerprint == PageFingerprint.ZERO) {
			return 0;
		}
		int mask = keys.length - 1;
		int slot = (int) (fingerprint ^ fingerprint >>> 32) & mask;
		while (true) {
			if (ids[slot] == 0) {
				if (++size * 2 > keys.length) {
					grow();
					return id(fingerprint);
				}
				keys[slot] = fingerprint;
				ids[slot] = size;
				return size;
			}
			if (keys[slot] == fingerprint) {
				return ids[slot];
			}
			slot = slot + 1 & mask;
		}
	}

	/** Distinct non-zero contents numbered so far. */
	public int size() {
		return size;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldIds = ids;
		size--;
		keys = new long[oldKeys.length * 2];
		ids = new int[oldKeys.length * 2];
		int mask = keys.length - 1;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldIds[i] != 0) {
				int slot = (int) (oldKeys[i] ^ oldKeys[i] >>> 32) & mask;
				while (ids[slot] != 0) {
					slot = slot + 1 & mask;
				}
				keys[slot] = oldKeys[i];
				ids[slot] = oldIds[i];
			}
		}
	}
}
