package org.ksmstudio.engine.io;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The product's one JSON reader and writer (Jackson), strict: RFC 8259 only (no leading zeros, no
 * {@code 8.}, no NaN, no comments, no single quotes, no unescaped control characters, only the
 * escapes RFC 8259 lists), duplicate keys refused, nothing after the value, nesting at most
 * {@link #MAX_DEPTH} deep and documents at most {@link #MAX_DOCUMENT_CHARS} long. Errors are one
 * line with the line and column. A leading byte order mark is ignored.
 */
public final class StrictJson {

    /** Deepest nesting of arrays and objects accepted (the product's files nest six deep). */
    public static final int MAX_DEPTH = 64;

    /** Longest document accepted, in characters. */
    public static final long MAX_DOCUMENT_CHARS = 64L << 20;

    /** Longest number accepted, in characters. */
    public static final int MAX_NUMBER_CHARS = 64;

    /** U+FEFF, which some editors write before UTF-8 text; RFC 8259 lets a parser ignore it. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private static final Pattern START_MARKER = Pattern
            .compile(" \\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS).maxNumberLength(MAX_NUMBER_CHARS).build())
            .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .disable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)))
            .build();

    private StrictJson() {
    }

    /**
     * Parses one JSON document.
     *
     * @throws JsonFormatException with {@code line L, column C: what is wrong}
     */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
            if (node == null || node.isMissingNode()) {
                throw new JsonFormatException("line 1, column 1: empty document, expected a JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String what = e.getOriginalMessage();
            int cut = what.indexOf('\n');
            throw new JsonFormatException(where + withoutParserInternals(cut < 0 ? what : what.substring(0, cut)));
        }
    }

    /** Jackson's message in the user's terms: where an unclosed array began, not which parser setting limits what. */
    private static String withoutParserInternals(String message) {
        return START_MARKER.matcher(message).replaceAll(" (opened at line $1, column $2)")
                .replaceAll(", from `[^`]*`\\)", ")");
    }

    /** {@code value} (maps, lists, records of plain values, or a {@link JsonNode}) as indented JSON with a final newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
