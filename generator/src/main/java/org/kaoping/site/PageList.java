package org.kaoping.site;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * The site's pages, some built only when asked for: a station page is made from the shared scored
 * periods at the moment it is rendered, then dropped. Holding every station page of a province at once
 * (eight scored sheets each, 10,000 stations) took gigabytes; this way the build holds one page per
 * rendering thread. Each {@link #get} of a lazy page builds it anew, so the list stays immutable.
 */
final class PageList extends AbstractList<Page> implements RandomAccess {
    private final List<Supplier<Page>> pages;

    private PageList(List<Supplier<Page>> pages) {
        this.pages = pages;
    }

    /** One supplier per page, in the order they are written. */
    static PageList of(List<Supplier<Page>> pages) {
        return new PageList(List.copyOf(pages));
    }

    @Override
    public Page get(int index) {
        return pages.get(index).get();
    }

    @Override
    public int size() {
        return pages.size();
    }
}
