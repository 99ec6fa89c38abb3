package org.kaoping.render;

import org.kaoping.site.Page;
import org.kaoping.site.SiteModel;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders page records to HTML: the page's own template first, then the shared layout around it.
 * Templates see two scopes: the page record, and {@link Common} (the link prefix and site facts).
 */
public final class Pages {
    /**
     * Nothing may load from outside the site: no CDN, no web fonts, no frames, no form posts.
     * Inline scripts and styles are refused too, so escaped content can never become code. (The self-check
     * form's rubric is a {@code <script type="application/json">} data block: never executed, so no exception.)
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'";

    /** Page templates, compiled before anything is written. */
    static final List<String> TEMPLATES = List.of("layout", "home", "period", "station", "rubric", "methodology",
            "not-found", "selfcheck", "report");

    private final StrictMustache mustache;
    private final SiteModel model;

    public Pages(Path templatesFolder, SiteModel model) {
        this(compiled(templatesFolder), model);
    }

    /** @param mustache every template of {@link #TEMPLATES} compiled ({@link #compiled}), e.g. while input was checked */
    public Pages(StrictMustache mustache, SiteModel model) {
        this.mustache = mustache;
        this.model = model;
    }

    /** The page templates, every one compiled: a syntax error is a {@link TemplateException} before any page. */
    public static StrictMustache compiled(Path templatesFolder) {
        StrictMustache mustache = new StrictMustache(templatesFolder);
        TEMPLATES.forEach(mustache::compile);
        return mustache;
    }

    /** These templates, as compiled, for another model (`serve`, after sheets changed and the theme did not). */
    public Pages with(SiteModel other) {
        return new Pages(mustache, other);
    }

    /** The scope every template shares. {@code root} prefixes every link: "" or "../". */
    public record Common(String root, String siteTitle, String bureau) {
    }

    /**
     * @param current {@code "page"} when the link is this very page, {@code "true"} when the page lies in the
     *                link's section (a period page under 各期排名), else null (aria-current's two meanings)
     */
    public record NavItem(String label, String href, String current) {
    }

    public record Layout(String pageTitle, String siteTitle, String bureau, String root, String csp,
                         List<NavItem> nav, PageBody body, String fingerprint, String fingerprintFull, String footer,
                         String builtAt, boolean internal, String printHeading) {
        public boolean hasFooter() {
            return !footer.isEmpty();
        }

        public boolean hasBuiltAt() {
            return !builtAt.isEmpty();
        }

        public boolean hasBureau() {
            return !bureau.isEmpty();
        }
    }

    /** The page's HTML as UTF-8, encoded as it is rendered ({@link PageBytes}). */
    public byte[] render(Page page) {
        return PageBytes.collect(w -> render(page, w));
    }

    /** Renders the page into {@code out}: the layout, and the page's own template where the layout places it. */
    public void render(Page page, java.io.Writer out) {
        mustache.render(out, "layout", layout(page));
    }

    /** The layout's scope for {@code page}, its body the page's own template with the page's scopes. */
    Layout layout(Page page) {
        // 404.html is served in place of any missing address, at any depth: it links from the site's
        // absolute base path (site.json basePath, default "/"), so its styles and 返回首页 always work.
        String root = page instanceof org.kaoping.site.NotFoundPage ? model.config().servedAt() : root(page.path());
        var config = model.config();
        Common common = new Common(root, config.title(), text(config.bureau()));
        PageBody body = new PageBody(mustache, page.template(), new Object[]{common, page});
        // An internal build says so on every page, in the title too (it shows in tabs, bookmarks and printouts).
        return new Layout(model.internal() ? "【内部】" + page.title() : page.title(), config.title(), text(config.bureau()), root, CONTENT_SECURITY_POLICY,
                nav(page.nav()), body, model.fingerprint().shortForm(), model.fingerprint().sha256(),
                text(config.footer()), model.builtAt(), model.internal(),
                model.internal() ? "【内部】" + page.printHeading() : page.printHeading());
    }

    private static List<NavItem> nav(String current) {
        return List.of(
                new NavItem("首页", "index.html", current.equals("home") ? "page" : null),
                new NavItem("各期排名", "index.html#periods", current.equals("periods") ? "true" : null),
                new NavItem("各所情况", "index.html#stations", current.equals("stations") ? "true" : null),
                new NavItem("考核细则", "index.html#rubrics", current.equals("rubrics") ? "true" : null),
                new NavItem("计分方法", "methodology.html", current.equals("methodology") ? "page" : null));
    }

    /** "" for a page at the root, "../" per folder level below it. */
    static String root(String path) {
        int depth = (int) path.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
