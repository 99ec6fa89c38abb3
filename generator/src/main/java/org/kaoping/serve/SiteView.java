package org.kaoping.serve;

/**
 * A built site as `serve` shows it: the bytes of the file at a '/'-separated path relative to the site root,
 * or null when the site has no such file. Only the site's own files are answered, never a file found by
 * resolving the request path against a folder, so nothing outside the site can be served.
 */
public interface SiteView {
    byte[] file(String path);
}
