package fr.regard.mail.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * HTML bodies through jsoup: a sanitised copy for display ({@link Safelist#basic()}: text formatting, lists, quotes
 * and http(s)/mailto links only; no script, style, image, form, frame or event handler; links get
 * {@code rel="nofollow noopener noreferrer"}) and a plain-text rendering for HTML-only messages.
 */
final class HtmlContent {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "table", "ul", "ol", "pre", "hr", "section", "article", "header", "footer", "dd", "dt");

    private HtmlContent() {
    }

    static Safelist safelist() {
        return Safelist.basic()
                .removeEnforcedAttribute("a", "rel")
                .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
                .removeProtocols("a", "href", "ftp");
    }

    static String sanitise(String html) {
        Document dirty = Jsoup.parse(html);
        Document clean = new Cleaner(safelist()).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** Text of the HTML with line breaks at block elements; scripts and styles are not text. */
    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, template, noscript").remove();
        StringBuilder out = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String t = text.getWholeText().replaceAll("[ \\t\\r\\n\\u00A0]+", " ");
                    if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                        t = t.stripLeading();
                    }
                    out.append(t);
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newLine(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    newLine(out);
                }
            }
        });
        return out.toString().replaceAll(" +\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        } else if (out.length() > 0 && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) {
            out.append('\n');
        }
    }
}
