package org.ksmstudio.engine.scenario;

import java.util.Arrays;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The content of each page of a run of pages, given explicitly as small integer ids (a
 * captured region): pages with equal ids hold equal contents, id 0 is a zero-filled page.
 * One {@code int} per page; the array is owned by this object and never changed.
 */
public final class PageContentIds {

    private final int[] ids;

    private PageContentIds(int[] ids) {
        this.ids = ids;
    }

    /**
     * Takes {@code ids} over (not copied: the caller must not change it afterwards).
     *
     * @throws ScenarioException when an id is negative
     */
    public static PageContentIds of(int[] ids) {
        for (int i = 0; i < ids.length; i++) {
            ScenarioException.check(ids[i] >= 0, "group.contentIds[" + i + "]", ids[i], "must be >= 0");
        }
        return new PageContentIds(ids);
    }

    /** Number of pages. */
    public int pages() {
        return ids.length;
    }

    /** The content id of page {@code page}. */
    public int id(int page) {
        return ids[page];
    }

    /** Distinct non-zero ids. */
    public int distinctContents() {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != 0 && (i == 0 || sorted[i] != sorted[i - 1])) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PageContentIds p && Arrays.equals(ids, p.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return ids.length + " pages of explicit contents";
    }
}
