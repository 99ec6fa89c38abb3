package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of private persons (社区矫正对象, 帮教对象, 当事人 …) are written in content between double
 * braces: {@code 矫正对象{{薛新义}}}. A public build shows the surname and 某某 (薛某某); only an
 * internal build shows the name. The marks are applied to the JSON tree before it becomes records,
 * so no later stage can see a private name in a public build.
 * <p>
 * {@link #check} also warns about text that looks like an unmarked name after such a word — a
 * heuristic: two or three Chinese characters right after the word, followed by a separator.
 */
public final class PrivateNames {
    private static final Pattern MARK = Pattern.compile("\\{\\{([^{}]{1,20})}}");
    private static final Pattern LIKELY = Pattern.compile(
            "(社区矫正对象|矫正对象|社区服刑人员|帮教对象|安置帮教人员|刑满释放人员|服刑人员|当事人|被申请人|申请人|被告人|吸毒人员|戒毒人员)"
                    + "[：:]?([\\x{4e00}-\\x{9fa5}]{2,3})(?=[、，,。；;（(：:\\s]|的|系|等|点验|$)");
    /** Two-character surnames; every other surname is the name's first character. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "令狐", "夏侯", "司徒", "长孙", "宇文", "端木", "西门", "独孤", "南宫", "呼延", "轩辕");
    /** Common surnames: a likely name starts with one (洪龙, 薛新义), a phrase such as 走访 or 档案 does not. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
            + "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
            + "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成"
            + "苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席"
            + "卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝洪岳楚晋";
    /** Phrases that start with a surname's character but are words, not names. */
    private static final Set<String> WORDS = Set.of("管理", "安置", "安全", "教育", "文书", "信息", "全部", "全面",
            "明确", "成立", "和解", "时间", "单位", "方案", "关系", "司法", "宣传", "常规", "日常", "档案", "报告",
            "学习", "考核", "监管", "帮扶", "帮教", "人数", "人员", "解除", "解矫", "连续", "应当", "应该", "及时",
            "万元", "全体", "师生", "房屋", "车辆", "金额", "于当", "向其", "和其", "和家", "家属", "龙头", "高危");
    /** Fields that never reach a public page (see the format references), so are not scanned for names. */
    private static final Set<String> INTERNAL_FIELDS = Set.of("notes", "source", "quote");

    private PrivateNames() {
    }

    /** Errors for malformed marks, warnings for likely unmarked names. */
    public static List<Diagnostic> check(JsonSource source) {
        List<Diagnostic> out = new ArrayList<>();
        walk(source.tree(), At.ROOT, false, (at, text, internal) -> {
            // Most texts have no brace: those need no regex.
            boolean braces = text.indexOf('{') >= 0 || text.indexOf('}') >= 0;
            String rest = braces ? MARK.matcher(text).replaceAll("") : text;
            if (braces && (rest.contains("{{") || rest.contains("}}"))) {
                String path = at.path();
                out.add(source.error(path, "unbalanced or empty {{…}} name mark (a private person's name is written "
                        + "{{薛新义}}, 1 to 20 characters, no braces inside): " + Quote.of(text)));
                return;
            }
            if (!internal) {
                likelyNames(text, (word, name) -> out.add(source.warning(at.path(), "\"" + word + name
                        + "\" may name a private person on a public page; if it is a name, mark it {{" + name
                        + "}} so that public pages show " + redact(name) + " (content/README.md, Private persons)")));
            }
        });
        return out;
    }

    /**
     * Each likely unmarked name in the text, with the word before it. Most texts have no word LIKELY starts with
     * and need no regex (a province loads 80,000 sheets of reasons): every word LIKELY names contains 人 or 对象.
     */
    private static void likelyNames(String text, java.util.function.BiConsumer<String, String> found) {
        if (text.indexOf('人') < 0 && !text.contains("对象")) {
            return;
        }
        Matcher m = LIKELY.matcher(text);
        while (m.find()) {
            String candidate = m.group(2);
            if (SURNAMES.indexOf(candidate.charAt(0)) >= 0 && !WORDS.contains(candidate.substring(0, 2))
                    && !candidate.contains("某")) {
                found.accept(m.group(1), candidate);
            }
        }
    }

    /**
     * Whether {@link #check} finds nothing in this text and {@link #apply} leaves it as it is: no brace at all and,
     * unless it is {@code internal} (under a key of {@link #isInternalField}), no likely unmarked name.
     */
    static boolean plain(String text, boolean internal) {
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            return false;
        }
        if (internal) {
            return true;
        }
        boolean[] named = {false};
        likelyNames(text, (word, name) -> named[0] = true);
        return !named[0];
    }

    /** {@link #plain} for every text of a tree whose own place is {@code internal} or not. */
    static boolean plain(JsonNode node, boolean internal) {
        boolean[] all = {true};
        walk(node, At.ROOT, internal, (at, text, in) -> all[0] &= plain(text, in));
        return all[0];
    }

    /** Whether texts under this key never reach a public page, so are not scanned for names. */
    static boolean isInternalField(String key) {
        return INTERNAL_FIELDS.contains(key);
    }

    /**
     * A copy of the tree with every mark replaced: the name for an internal build, 薛某某 for a public one; the
     * tree itself when it has no mark (callers only read it).
     */
    public static JsonNode apply(JsonNode tree, Audience audience) {
        if (!marked(tree)) {
            return tree; // nothing to replace: no copy (most files, and every sheet of a province)
        }
        JsonNode copy = tree.deepCopy();
        return rewrite(copy, audience);
    }

    /** Whether any text in the tree holds "{{", where a mark starts. */
    private static boolean marked(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().contains("{{");
        }
        for (JsonNode child : node) {
            if (marked(child)) {
                return true;
            }
        }
        return false;
    }

    /** One text with its marks replaced for the audience. */
    public static String apply(String text, Audience audience) {
        if (!text.contains("{{")) {
            return text;
        }
        Matcher m = MARK.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(b, Matcher.quoteReplacement(audience == Audience.INTERNAL ? name : redact(name)));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** 薛新义 → 薛某某; 欧阳明 → 欧阳某某. */
    public static String redact(String name) {
        String n = name.strip();
        if (n.length() >= 3 && COMPOUND_SURNAMES.contains(n.substring(0, 2))) {
            return n.substring(0, 2) + "某某";
        }
        return n.isEmpty() ? "某某" : n.substring(0, Character.charCount(n.codePointAt(0))) + "某某";
    }

    private static JsonNode rewrite(JsonNode node, Audience audience) {
        if (node.isTextual()) {
            return TextNode.valueOf(apply(node.textValue(), audience));
        }
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            it.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                o.set(e.getKey(), rewrite(e.getValue(), audience));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, rewrite(a.get(i), audience));
            }
        }
        return node;
    }

    private interface TextVisitor {
        void visit(At at, String text, boolean internal);
    }

    /** Where a text stands (the root has no parent); its JSON path is made only when a finding names it. */
    private record At(At parent, String key, int index) {
        static final At ROOT = new At(null, null, -1);

        String path() {
            if (parent == null) {
                return "$";
            }
            return key != null ? JsonPath.child(parent.path(), key) : JsonPath.child(parent.path(), index);
        }
    }

    private static void walk(JsonNode node, At at, boolean internal, TextVisitor v) {
        if (node.isTextual()) {
            v.visit(at, node.textValue(), internal);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), new At(at, e.getKey(), -1),
                    internal || INTERNAL_FIELDS.contains(e.getKey()), v));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), new At(at, null, i), internal, v);
            }
        }
    }
}
