package fr.regard.documents.infrastructure;

import fr.regard.documents.application.DocumentTemplateException;
import fr.regard.documents.domain.ControllerIdentity;
import fr.regard.documents.domain.DocumentLanguage;
import fr.regard.documents.domain.DocumentModel;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The document templates (FreeMarker, HTML output with automatic escaping): packaged in the {@code regard-templates}
 * jar under {@value #CLASSPATH_ROOT}, each replaceable by a file of the same relative path in the override folder
 * ({@code regard.templates.dir}), re-read when it changes. Strict: a missing value or an error stops the rendering
 * with the file and line, never a partial document. Overrides cannot reach Java classes ({@code ?new}, {@code ?api}).
 */
public final class DocumentTemplates {

    static final String CLASSPATH_ROOT = "/regard/documents";

    private final Configuration configuration;
    private final Path overrideDir;

    public DocumentTemplates(Path overrideDir) {
        this.overrideDir = overrideDir;
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // record components and enum accessors read as properties (doc.reference, ground.letterText)
        wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        configuration.setObjectWrapper(wrapper.build());
        configuration.setTemplateLoader(loader(overrideDir));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setLocale(Locale.FRANCE);
        configuration.setNumberFormat("computer");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setTemplateUpdateDelayMilliseconds(2000);
    }

    private static TemplateLoader loader(Path overrideDir) {
        TemplateLoader packaged = new ClassTemplateLoader(DocumentTemplates.class.getClassLoader(), CLASSPATH_ROOT);
        if (overrideDir == null || !Files.isDirectory(overrideDir)) {
            return packaged;
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(overrideDir.toFile()), packaged});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the templates folder " + overrideDir, e);
        }
    }

    /** The main template of a document in a language, relative to the templates folder. */
    public static String templateOf(DocumentModel model, DocumentLanguage language) {
        return language.code() + "/" + model.type().templateName() + ".ftlh";
    }

    /** The XHTML of a document. */
    public String html(DocumentModel model, DocumentLanguage language, ControllerIdentity controller, String logoDataUri) {
        String name = templateOf(model, language);
        Map<String, Object> root = new HashMap<>();
        root.put("doc", model);
        root.put("type", model.type());
        root.put("title", model.type().title(language));
        root.put("lang", language);
        root.put("controller", controller);
        root.put("bases", model.legalBases());
        root.put("logo", logoDataUri == null ? "" : logoDataUri);
        root.put("fmt", new DocumentFormat(language));
        StringWriter out = new StringWriter(16 * 1024);
        try {
            Template template = configuration.getTemplate(name);
            template.process(root, out);
        } catch (TemplateNotFoundException e) {
            throw failure(name, "Modèle de document introuvable : " + name, e);
        } catch (ParseException e) {
            String file = e.getTemplateName() == null ? name : e.getTemplateName();
            throw failure(file, "Modèle de document invalide : " + where(file) + ", ligne " + e.getLineNumber()
                    + " : " + e.getEditorMessage(), e);
        } catch (TemplateException e) {
            String file = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            throw failure(file, "Modèle de document en erreur : " + where(file)
                    + (e.getLineNumber() == null ? "" : ", ligne " + e.getLineNumber()) + " : " + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw failure(name, "Modèle de document illisible : " + where(name) + " : " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Says whether the file at fault is an override (the administrator's) or the packaged one. */
    String where(String file) {
        if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(file))) {
            return overrideDir.resolve(file) + " (surcharge)";
        }
        return file + " (modèle fourni)";
    }

    /** FreeMarker's own description (English), on one line and short enough for a log line or an API error. */
    private static String firstLine(String message) {
        String text = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static DocumentTemplateException failure(String file, String message, Exception cause) {
        return new DocumentTemplateException(file, message, cause);
    }
}
