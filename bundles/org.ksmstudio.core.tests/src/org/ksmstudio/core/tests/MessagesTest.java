package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ksmstudio.live.Messages;

/**
 * The one message scheme of the bundles below the UI: every {@code Messages extends NLS} class has a
 * text for each of its fields, and a bound pattern writes numbers as sysfs does (no grouping).
 */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(classes = { org.ksmstudio.model.Messages.class, org.ksmstudio.model.validation.Messages.class,
            org.ksmstudio.live.Messages.class, org.ksmstudio.core.internal.Messages.class })
    void everyFieldHasItsText(Class<?> messages) throws Exception {
        assertEquals(NLS.class, messages.getSuperclass());
        List<String> missing = new ArrayList<>();
        for (Field field : messages.getFields()) {
            if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())) {
                Object text = field.get(null);
                if (text == null || text.toString().startsWith("NLS missing message")) {
                    missing.add(field.getName());
                }
            }
        }
        assertEquals(List.of(), missing, messages.getName());
    }

    @ParameterizedTest
    @ValueSource(longs = { 1200, 8031232 })
    void boundNumbersReadLikeSysfs(long seconds) {
        String text = NLS.bind(Messages.LOCK_TIMEOUT, seconds, Path.of("/tmp/lock"));
        assertTrue(text.startsWith("Timed out after " + seconds + " s waiting for the lock /tmp/lock"), text);
    }

    @Test
    void quotesOfABoundPatternAreSingle() {
        assertEquals("The workload generator ksm-workload ended during 'fill'",
                NLS.bind(Messages.GENERATOR_ENDED, "ksm-workload", "fill"));
    }

    @Test
    void theCaptureSummaryCountsInTheRightNumber() {
        java.text.MessageFormat summary = new java.text.MessageFormat(
                org.ksmstudio.core.internal.Messages.Capture_Summary, java.util.Locale.ROOT);
        assertEquals("captured 1 process: 1 page read, 1 distinct content, 0 zero pages, in 0.07 s (2013 pages/s)",
                summary.format(new Object[] { 1, 1L, 1L, 0L, "0.07", "2013" }));
        assertEquals("captured 4 processes: 1504 pages read, 104 distinct contents, 1 zero page, in 1.00 s (1504 pages/s)",
                summary.format(new Object[] { 4, 1504L, 104L, 1L, "1.00", "1504" }));
    }
}
