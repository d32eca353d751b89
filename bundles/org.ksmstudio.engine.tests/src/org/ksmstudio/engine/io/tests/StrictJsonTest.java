package org.ksmstudio.engine.io.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.io.JsonFields;
import org.ksmstudio.engine.io.JsonFormatException;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.io.Text;

import com.fasterxml.jackson.databind.JsonNode;

/** The strict JSON reader refuses everything RFC 8259 does not allow, in one line with line and column. */
class StrictJsonTest {

    @Test
    void roundTrip() {
        JsonNode v = StrictJson.parse("{\"a\": [1, 2.5, -3e2, true, null, \"x\\n\\u0041\"], \"b\": {}}");
        assertEquals(1, v.get("a").get(0).longValue());
        assertEquals(-300.0, v.get("a").get(2).doubleValue());
        assertEquals("x\nA", v.get("a").get(5).textValue());
        assertEquals(v, StrictJson.parse(StrictJson.write(v)));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "a \"b\"\n\u001b[31m");
        map.put("n", 4294967298L);
        JsonNode written = StrictJson.parse(StrictJson.write(map));
        assertEquals("a \"b\"\n\u001b[31m", written.get("name").textValue());
        assertEquals(4294967298L, written.get("n").longValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "08", "[08]", "8.", "[8.]", ".5", "[\"\\u+041\"]", "[\"a\u0001b\"]", "[\"a\nb\"]",
            "{\"a\": 1, \"a\": 2}", "{\"a\": {\"b\": 1, \"b\": 1}}", "NaN", "[Infinity]", "[1,]", "{'a': 1}",
            "[1] 2", "// c\n1", "[\"\\x41\"]", "", "   ", "{\"a\" 1}" })
    void refusesWhatRfc8259Refuses(String text) {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> StrictJson.parse(text));
        assertTrue(e.getMessage().startsWith("line "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aTruncatedDocumentSaysWhereTheUnclosedArrayOpened() {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> StrictJson.parse("{\"a\":\n  [1, 2"));
        assertTrue(e.getMessage().startsWith("line 2, column "), e.getMessage());
        assertTrue(e.getMessage().contains("(opened at line 2, column 3)"), e.getMessage());
        assertFalse(e.getMessage().contains("Source") || e.getMessage().contains("`"), e.getMessage());
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() {
        assertEquals(1, StrictJson.parse("\uFEFF{\"a\": 1}").get("a").intValue());
        assertThrows(JsonFormatException.class, () -> StrictJson.parse("{\"a\": 1}\uFEFF"));
    }

    @Test
    void deepNestingIsOneLineNotStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> StrictJson.parse(deep));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
        assertFalse(e.getMessage().contains("`"), "no parser setting named: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        String ok = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertTrue(StrictJson.parse(ok).isArray());
    }

    @Test
    void duplicateKeyWithNewlineCannotForgeALine() {
        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> StrictJson.parse("{\"a\\nksmstudio: forged\": 1, \"a\\nksmstudio: forged\": 2}"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains("\u001b"));
    }

    @Test
    void fieldsNameThePathAndNeverNarrow() {
        JsonNode tree = StrictJson.parse("{\"n\": 4294967298, \"s\": \"x\\u001b[31m\", \"big\": 99999999999999999999}");
        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> JsonFields.intIn(tree.get("n"), "$.n", 1, Integer.MAX_VALUE));
        assertEquals("$.n = 4294967298: must be 1.." + Integer.MAX_VALUE, e.getMessage());
        e = assertThrows(JsonFormatException.class, () -> JsonFields.integer(tree.get("s"), "$.s", 0, 9));
        assertEquals("$.s: expected an integer, found \"x\\u001b[31m\"", e.getMessage());
        e = assertThrows(JsonFormatException.class,
                () -> JsonFields.integer(tree.get("big"), "$.big", 0, Long.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("$.big = 99999999999999999999: must be"), e.getMessage());
        e = assertThrows(JsonFormatException.class,
                () -> JsonFields.member(JsonFields.object(tree, "$"), "missing", "$"));
        assertEquals("$: missing member \"missing\"", e.getMessage());
        assertEquals("$.x[\"a b\"]", JsonFields.child("$.x", "a b"));
    }

    @Test
    void textEscapesWhatCouldForgeLinesOrColours() {
        assertEquals("\"a\\nksmstudio: x\\u001b[31m\\u2028\\u202e\"", Text.quote("a\nksmstudio: x\u001b[31m\u2028\u202e"));
        assertEquals("plain-name.ksm", Text.shown("plain-name.ksm"));
        assertEquals("\"\"", Text.shown(""));
        assertEquals("\"a\\tb\"", Text.shown("a\tb"));
        assertEquals(1, Text.oneLine("a\nb\rc\u0085d").lines().count());
        assertTrue(Text.quote("x".repeat(1000)).length() < Text.MAX_QUOTED + 10);
        assertEquals(List.of("ä€😀"), List.of(Text.shown("ä€😀")));
    }
}
