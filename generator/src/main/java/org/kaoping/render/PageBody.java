package org.kaoping.render;

import java.io.Writer;

/**
 * A page's own template with its scopes, rendered where the layout places it ({@code {{{body}}}}): into the
 * layout's writer, so the body is never held apart and copied in.
 */
record PageBody(StrictMustache mustache, String template, Object[] scopes) {
    void writeTo(Writer out) {
        mustache.render(out, template, scopes);
    }

}
