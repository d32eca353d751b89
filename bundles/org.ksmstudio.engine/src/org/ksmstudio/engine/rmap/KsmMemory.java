package org.ksmstudio.engine.rmap;

/**
 * What the KSM pages cost and save.
 *
 * @param ksmPages        KSM pages in use (regular stable nodes and dups whose page is live)
 * @param pagesShared     pages_shared
 * @param pagesSharing    pages_sharing
 * @param generalProfit   general_profit, bytes
 * @param extraDupPages   pages spent because a content has more than one KSM page (dups beyond the first)
 * @param refileMoves     rmap items moved between dups by a refile pass so far
 */
public record KsmMemory(long ksmPages, long pagesShared, long pagesSharing, long generalProfit, long extraDupPages,
        long refileMoves) {
}
