package org.ksmstudio.engine.sysfs;

/** The kernel's kstrto* parsing of sysfs writes (base 10, optional '+', one trailing newline). */
final class SysfsParse {
    private SysfsParse() {
    }

    static String stripNewline(String v) {
        return v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
    }

    /**
     * kstrtouint / kstrtoul: the value, -1 for a malformed number, -2 when above {@code max}
     * (max -1 means unsigned long).
     */
    static long parseUnsigned(String v, long max) {
        String s = stripNewline(v);
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int d = c - '0';
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, 10)) > 0) {
                return max == -1L ? -2 : -1;
            }
            value = value * 10 + d;
        }
        if (max != -1L && Long.compareUnsigned(value, max) > 0) {
            return -1;
        }
        if (value < 0) {
            return -2;
        }
        return value;
    }

    /** kstrtoint: the value, Long.MIN_VALUE for a malformed number. */
    static long parseSigned(String v) {
        String s = stripNewline(v);
        boolean neg = false;
        if (s.startsWith("-")) {
            neg = true;
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || s.length() > 18) {
            return s.isEmpty() ? Long.MIN_VALUE : (neg ? Long.MIN_VALUE + 1 : Long.MAX_VALUE);
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return neg ? -value : value;
    }

    /** kstrtobool: 1, 0, or -1 when not a boolean. */
    static int parseBool(String v) {
        if (v.isEmpty()) {
            return -1;
        }
        char c = v.charAt(0);
        switch (c) {
            case 'y', 'Y', '1', 't', 'T':
                return 1;
            case 'n', 'N', '0', 'f', 'F':
                return 0;
            case 'o', 'O':
                if (v.length() > 1) {
                    char d = v.charAt(1);
                    if (d == 'n' || d == 'N') {
                        return 1;
                    }
                    if (d == 'f' || d == 'F') {
                        return 0;
                    }
                }
                return -1;
            default:
                return -1;
        }
    }
}
