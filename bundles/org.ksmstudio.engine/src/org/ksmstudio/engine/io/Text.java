package org.ksmstudio.engine.io;

/**
 * Text that came from the input (a file name, a policy name, a JSON key or value) made safe for a
 * one-line message: quoted, with control characters, escape sequences and line separators escaped,
 * so that it can neither start a second line nor colour the terminal.
 */
public final class Text {

    /** Longest piece of input quoted in a message, in characters. */
    public static final int MAX_QUOTED = 200;

    private Text() {
    }

    /** {@code s} in double quotes, escaped as a Java string literal, at most {@link #MAX_QUOTED} characters. */
    public static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    /**
     * {@code s} as it is when every character prints and it is not too long (a plain file or policy
     * name), else {@link #quote quoted}.
     */
    public static String shown(String s) {
        if (s.length() > MAX_QUOTED || s.isEmpty()) {
            return quote(s);
        }
        for (int i = 0; i < s.length(); i++) {
            if (!printable(s.charAt(i))) {
                return quote(s);
            }
        }
        return s;
    }

    /** {@code s} escaped (no quotes added): backslash, quote and every non-printing character. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_QUOTED) + 2);
        int n = Math.min(s.length(), MAX_QUOTED);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (printable(c)) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        if (s.length() > n) {
            out.append("...");
        }
        return out.toString();
    }

    /** {@code message} with every non-printing character escaped, so it prints as exactly one line. */
    public static String oneLine(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (printable(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** Whether {@code c} prints as itself: not a control, format, or line/paragraph separator. */
    private static boolean printable(char c) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL,
                    Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }
}
