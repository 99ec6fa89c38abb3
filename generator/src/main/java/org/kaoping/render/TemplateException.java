package org.kaoping.render;

/** A template that cannot be compiled or rendered; the message names the template file and line. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }

    public TemplateException(String message) {
        super(message);
    }
}
