package org.ksmstudio.engine.scenario;

import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * An ordered run of pages of a mergeable region with a known content pattern.
 * Groups of a region are laid out one after the other, in list order.
 *
 * @param kind             what the pages hold
 * @param distinctContents K, for {@link Kind#DUPLICATES}
 * @param copiesPerContent R, for {@link Kind#DUPLICATES}
 * @param layout           block or interleave, for {@link Kind#DUPLICATES}
 * @param pages            page count for {@link Kind#UNIQUE} and {@link Kind#ZERO}
 * @param sharing          equal across processes or salted per process (DUPLICATES only)
 * @param contentSpace     name of the content space: DUPLICATES groups with the same space and
 *                         content index hold equal contents, as do EXPLICIT groups with the same
 *                         space and content id (default "default")
 * @param contentIds       the content id of each page, for {@link Kind#EXPLICIT} (null otherwise)
 */
public record ContentGroup(Kind kind, int distinctContents, int copiesPerContent, Layout layout, long pages,
        ContentSharing sharing, String contentSpace, @Nullable PageContentIds contentIds) {

    /** The content space of a group that names none. */
    public static final String DEFAULT_SPACE = "default";

    /** Content pattern of a group. */
    public enum Kind {
        /** K distinct contents x R copies */
        DUPLICATES,
        /** pages of content unique in the whole machine */
        UNIQUE,
        /** zero-filled pages */
        ZERO,
        /** each page's content given by id (a captured region): equal ids are equal contents, 0 is zero-filled */
        EXPLICIT
    }

    public ContentGroup {
        ScenarioException.require(kind, "group.kind", "is required");
        layout = layout == null ? Layout.BLOCK : layout;
        sharing = sharing == null ? ContentSharing.SHARED_ACROSS_PROCESSES : sharing;
        contentSpace = contentSpace == null || contentSpace.isEmpty() ? DEFAULT_SPACE : contentSpace;
        if (kind == Kind.DUPLICATES) {
            ScenarioException.check(distinctContents >= 0, "group.distinctContents", distinctContents, "must be >= 0");
            ScenarioException.check(copiesPerContent >= 0, "group.copiesPerContent", copiesPerContent, "must be >= 0");
            pages = (long) distinctContents * copiesPerContent;
        } else if (kind == Kind.EXPLICIT) {
            pages = ScenarioException.require(contentIds, "group.contentIds", "is required for explicit contents").pages();
        } else {
            ScenarioException.check(pages >= 0, "group.pages", pages, "must be >= 0");
        }
    }

    /** The content ids of an {@link Kind#EXPLICIT} group (which always has them). */
    public PageContentIds explicitIds() {
        return Objects.requireNonNull(contentIds, "only an explicit group has content ids");
    }

    /** A group of one of the generated kinds (everything but {@link Kind#EXPLICIT}). */
    public ContentGroup(Kind kind, int distinctContents, int copiesPerContent, Layout layout, long pages,
            ContentSharing sharing, String contentSpace) {
        this(kind, distinctContents, copiesPerContent, layout, pages, sharing, contentSpace, null);
    }

    /** Pages whose contents are given by id, in content space {@code contentSpace}. */
    public static ContentGroup explicit(PageContentIds ids, String contentSpace) {
        return new ContentGroup(Kind.EXPLICIT, 0, 0, Layout.BLOCK, 0, ContentSharing.SHARED_ACROSS_PROCESSES, contentSpace, ids);
    }

    /** K distinct contents x R copies, shared across processes. */
    public static ContentGroup duplicates(int distinct, int copies, Layout layout) {
        return new ContentGroup(Kind.DUPLICATES, distinct, copies, layout, 0, ContentSharing.SHARED_ACROSS_PROCESSES,
                DEFAULT_SPACE);
    }

    /** Pages of unique content. */
    public static ContentGroup unique(long pages) {
        return new ContentGroup(Kind.UNIQUE, 0, 0, Layout.BLOCK, pages, ContentSharing.SHARED_ACROSS_PROCESSES, DEFAULT_SPACE);
    }

    /** Zero-filled pages. */
    public static ContentGroup zero(long pages) {
        return new ContentGroup(Kind.ZERO, 0, 0, Layout.BLOCK, pages, ContentSharing.SHARED_ACROSS_PROCESSES, DEFAULT_SPACE);
    }
}
