package org.ksmstudio.engine.internal;

/** 64-bit mixing (splitmix64 finaliser) for content ids, checksums and hashing. */
final class Mix {
    private Mix() {
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The page checksum of a content (xxhash of the page in the kernel): 32 bits, never 0. */
    static int checksum(long content) {
        int c = (int) (mix64(content ^ 0x5851F42D4C957F2DL) >>> 32);
        return c == 0 ? 1 : c;
    }
}
