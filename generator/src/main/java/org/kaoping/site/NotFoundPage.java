package org.kaoping.site;

/** 404.html: where a web server sends a missing address. */
public record NotFoundPage(Link home) implements Page {
    public String path() {
        return "404.html";
    }

    public String template() {
        return "not-found";
    }

    public String title() {
        return "页面不存在";
    }

    public String nav() {
        return "none";
    }
}
