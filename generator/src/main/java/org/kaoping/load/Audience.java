package org.kaoping.load;

/**
 * Who a build is for. The public site is read by every station; the internal one by the bureau
 * alone, and only it shows private persons' names and assessor notes.
 */
public enum Audience {
    PUBLIC, INTERNAL;

    /** The word the output folder's marker records. */
    public String word() {
        return this == PUBLIC ? "public" : "internal";
    }
}
