package org.ksmstudio.live.capture;

import java.nio.ByteBuffer;

/**
 * Reduces a page's contents to a 64-bit fingerprint: equal pages give equal fingerprints, and
 * two different pages collide with probability about 2^-64. Contents are never kept.
 */
public final class PageFingerprint {

	/** The fingerprint of every zero-filled page. */
	public static final long ZERO = 0;

	private PageFingerprint() {
	}

	/**
	 * The fingerprint of the {@code pageSize} bytes of {@code page} from {@code offset} (a
	 * multiple of 8); {@link #ZERO} exactly when they are all zero.
	 */
	public static long of(ByteBuffer page, int offset, int pageSize) {
		long h = 0x243F6A8885A308D3L;
		long any = 0;
		for (int i = offset, end = offset + pageSize; i < end; i += 8) {
			long w = page.getLong(i);
			any |= w;
			h = Long.rotateLeft(h ^ w * 0x9E3779B97F4A7C15L, 27) * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
		}
		if (any == 0) {
			return ZERO;
		}
		long f = mix(h);
		return f == ZERO ? 1 : f;
	}

	private static long mix(long x) {
		x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
		x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
		return x ^ (x >>> 31);
	}
}
