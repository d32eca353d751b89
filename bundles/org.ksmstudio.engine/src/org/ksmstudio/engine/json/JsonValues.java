package org.ksmstudio.engine.json;

import java.util.List;
import java.util.Map;

/** Typed access to parsed JSON with errors that name the path of the offending member. */
public final class JsonValues {
    private JsonValues() {
    }

    /** {@code v} as an object; JsonException naming {@code path} otherwise. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object v, String path) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new JsonException(path + ": expected an object, found " + describe(v));
    }

    /** {@code v} as an array; JsonException naming {@code path} otherwise. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object v, String path) {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new JsonException(path + ": expected an array, found " + describe(v));
    }

    /** {@code v} as an integer (a whole double is accepted); JsonException naming {@code path} otherwise. */
    public static long integer(Object v, String path) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        throw new JsonException(path + ": expected an integer, found " + describe(v));
    }

    /** {@code v} as a number; JsonException naming {@code path} otherwise. */
    public static double number(Object v, String path) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new JsonException(path + ": expected a number, found " + describe(v));
    }

    /** {@code v} as text (numbers and booleans as printed); JsonException naming {@code path} otherwise. */
    public static String string(Object v, String path) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw new JsonException(path + ": expected a string, found " + describe(v));
    }

    /** {@code v} as a boolean; JsonException naming {@code path} otherwise. */
    public static boolean bool(Object v, String path) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new JsonException(path + ": expected true or false, found " + describe(v));
    }

    /** Member {@code key} of {@code m} (may be null); JsonException naming {@code path} when missing. */
    public static Object member(Map<String, Object> m, String key, String path) {
        if (!m.containsKey(key)) {
            throw new JsonException(path + ": missing member \"" + key + "\"");
        }
        return m.get(key);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return String.valueOf(v);
    }
}
