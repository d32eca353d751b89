package org.ksmstudio.engine.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed access to a parsed JSON tree; every error is a {@link JsonFormatException} that names the
 * JSON path ({@code $.cases[0].workload.processes}) and quotes the value found. Numbers are never
 * narrowed silently: a value outside the asked range is refused with the range.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** {@code node} as an object. */
    public static ObjectNode object(JsonNode node, String path) {
        if (node instanceof ObjectNode o) {
            return o;
        }
        throw wrong(path, "an object", node);
    }

    /** {@code node} as an array. */
    public static ArrayNode array(JsonNode node, String path) {
        if (node instanceof ArrayNode a) {
            return a;
        }
        throw wrong(path, "an array", node);
    }

    /** Member {@code key} of {@code object}, which must be there ({@code path} names the object). */
    public static JsonNode member(ObjectNode object, String key, String path) {
        JsonNode value = object.get(key);
        if (value == null) {
            throw new JsonFormatException(path + ": missing member " + Text.quote(key));
        }
        return value;
    }

    /** The members of {@code object} in file order. */
    public static List<Map.Entry<String, JsonNode>> members(ObjectNode object) {
        return new ArrayList<>(object.properties());
    }

    /** {@code node} as a whole number in {@code min..max}. */
    public static long integer(JsonNode node, String path, long min, long max) {
        if (node == null || !node.isIntegralNumber()) {
            throw wrong(path, "an integer", node);
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw new JsonFormatException(path + " = " + node.asText() + ": must be " + min + ".." + max);
        }
        return node.longValue();
    }

    /** {@code node} as a whole number in {@code min..max} that fits an int. */
    public static int intIn(JsonNode node, String path, int min, int max) {
        return (int) integer(node, path, min, max);
    }

    /** {@code node} as a finite number in {@code min..max}. */
    public static double number(JsonNode node, String path, double min, double max) {
        if (node == null || !node.isNumber()) {
            throw wrong(path, "a number", node);
        }
        double v = node.doubleValue();
        if (!(v >= min && v <= max)) {
            throw new JsonFormatException(path + " = " + node.asText() + ": must be " + min + ".." + max);
        }
        return v;
    }

    /** {@code node} as a string. */
    public static String string(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            throw wrong(path, "a string", node);
        }
        return node.textValue();
    }

    /** {@code node} as text: a string, or a number or boolean as written. */
    public static String scalar(JsonNode node, String path) {
        if (node == null || !(node.isTextual() || node.isNumber() || node.isBoolean())) {
            throw wrong(path, "a string or number", node);
        }
        return node.asText();
    }

    /** {@code node} as true or false. */
    public static boolean bool(JsonNode node, String path) {
        if (node == null || !node.isBoolean()) {
            throw wrong(path, "true or false", node);
        }
        return node.booleanValue();
    }

    /** {@code path.key}, the key quoted when it is not a plain name. */
    public static String child(String path, String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + key : path + "[" + Text.quote(key) + "]";
    }

    private static JsonFormatException wrong(String path, String expected, JsonNode found) {
        return new JsonFormatException(path + ": expected " + expected + ", found " + describe(found));
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return Text.quote(node.textValue());
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.asText();
    }
}
