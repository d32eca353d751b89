package org.ksmstudio.live.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer for the reference format: objects are {@link LinkedHashMap}s
 * (key order kept), arrays {@link List}s, numbers {@link Long} when integral else {@link Double}.
 */
public final class Json {

	private final String text;
	private int pos;

	private Json(String text) {
		this.text = text;
	}

	/**
	 * Parses one JSON value.
	 *
	 * @throws IllegalArgumentException with the line and column of the first error
	 */
	public static Object parse(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.skipSpace();
		if (json.pos != text.length()) {
			throw json.error("unexpected text after the end of the document");
		}
		return value;
	}

	private Object value() {
		skipSpace();
		if (pos >= text.length()) {
			throw error("unexpected end of input");
		}
		char c = text.charAt(pos);
		switch (c) {
		case '{':
			return object();
		case '[':
			return array();
		case '"':
			return string();
		case 't':
			return literal("true", Boolean.TRUE);
		case 'f':
			return literal("false", Boolean.FALSE);
		case 'n':
			return literal("null", null);
		default:
			if (c == '-' || Character.isDigit(c)) {
				return number();
			}
			throw error("unexpected character '" + c + "'");
		}
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		pos++;
		skipSpace();
		if (peek('}')) {
			pos++;
			return map;
		}
		while (true) {
			skipSpace();
			if (!peek('"')) {
				throw error("expected a member name in quotes");
			}
			String key = string();
			skipSpace();
			expect(':');
			map.put(key, value());
			skipSpace();
			if (peek(',')) {
				pos++;
			} else if (peek('}')) {
				pos++;
				return map;
			} else {
				throw error("expected ',' or '}'");
			}
		}
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		pos++;
		skipSpace();
		if (peek(']')) {
			pos++;
			return list;
		}
		while (true) {
			list.add(value());
			skipSpace();
			if (peek(',')) {
				pos++;
			} else if (peek(']')) {
				pos++;
				return list;
			} else {
				throw error("expected ',' or ']'");
			}
		}
	}

	private String string() {
		StringBuilder sb = new StringBuilder();
		pos++;
		while (pos < text.length()) {
			char c = text.charAt(pos++);
			if (c == '"') {
				return sb.toString();
			}
			if (c == '\\') {
				if (pos >= text.length()) {
					break;
				}
				char e = text.charAt(pos++);
				switch (e) {
				case 'n' -> sb.append('\n');
				case 't' -> sb.append('\t');
				case 'r' -> sb.append('\r');
				case 'b' -> sb.append('\b');
				case 'f' -> sb.append('\f');
				case 'u' -> {
					if (pos + 4 > text.length()) {
						throw error("truncated \\u escape");
					}
					sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
					pos += 4;
				}
				default -> sb.append(e);
				}
			} else {
				sb.append(c);
			}
		}
		throw error("unterminated string");
	}

	private Object number() {
		int start = pos;
		while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
			pos++;
		}
		String number = text.substring(start, pos);
		try {
			if (number.contains(".") || number.contains("e") || number.contains("E")) {
				return Double.parseDouble(number);
			}
			return Long.parseLong(number);
		} catch (NumberFormatException e) {
			pos = start;
			throw error("not a number: " + number);
		}
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, pos)) {
			throw error("unexpected word");
		}
		pos += word.length();
		return value;
	}

	private boolean peek(char c) {
		return pos < text.length() && text.charAt(pos) == c;
	}

	private void expect(char c) {
		if (!peek(c)) {
			throw error("expected '" + c + "'");
		}
		pos++;
	}

	private void skipSpace() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
	}

	private IllegalArgumentException error(String message) {
		int line = 1;
		int column = 1;
		for (int i = 0; i < Math.min(pos, text.length()); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				column = 1;
			} else {
				column++;
			}
		}
		return new IllegalArgumentException("line " + line + ", column " + column + ": " + message);
	}

	/** Writes a value as indented JSON (one space per level, as the reference file). */
	public static String write(Object value) {
		StringBuilder sb = new StringBuilder();
		write(sb, value, 0);
		return sb.append('\n').toString();
	}

	private static void write(StringBuilder sb, Object value, int depth) {
		if (value == null) {
			sb.append("null");
		} else if (value instanceof String s) {
			quote(sb, s);
		} else if (value instanceof Double d) {
			if (d.isNaN() || d.isInfinite()) {
				sb.append("null");
			} else {
				sb.append(BigDecimal.valueOf(d).toPlainString());
			}
		} else if (value instanceof Number || value instanceof Boolean) {
			sb.append(value);
		} else if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				sb.append("{}");
				return;
			}
			sb.append("{\n");
			int i = 0;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				indent(sb, depth + 1);
				quote(sb, String.valueOf(e.getKey()));
				sb.append(": ");
				write(sb, e.getValue(), depth + 1);
				sb.append(++i < map.size() ? ",\n" : "\n");
			}
			indent(sb, depth);
			sb.append('}');
		} else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				sb.append("[]");
				return;
			}
			sb.append("[\n");
			for (int i = 0; i < list.size(); i++) {
				indent(sb, depth + 1);
				write(sb, list.get(i), depth + 1);
				sb.append(i + 1 < list.size() ? ",\n" : "\n");
			}
			indent(sb, depth);
			sb.append(']');
		} else {
			throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
		}
	}

	private static void indent(StringBuilder sb, int depth) {
		sb.append(" ".repeat(depth));
	}

	private static void quote(StringBuilder sb, String s) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"' -> sb.append("\\\"");
			case '\\' -> sb.append("\\\\");
			case '\n' -> sb.append("\\n");
			case '\r' -> sb.append("\\r");
			case '\t' -> sb.append("\\t");
			default -> {
				if (c < 0x20) {
					sb.append(String.format("\\u%04x", (int) c));
				} else {
					sb.append(c);
				}
			}
			}
		}
		sb.append('"');
	}
}
