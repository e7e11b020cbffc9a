package eu.unify.keycloak.theme;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import eu.unify.keycloak.common.theme.ThemeResourceFiles;

/**
 * Renders the themes' templates the way Keycloak 26 does: FreeMarker configured like Keycloak's
 * DefaultFreeMarkerProvider (HTML auto-escaping, no class resolution in templates), templates
 * looked up through the theme and its parents, messages merged from the parents and formatted
 * with MessageFormat like Keycloak's msg().
 */
final class Freemarker {

    private Freemarker() {
    }

    /**
     * A configuration whose templates come from the Unify theme first, then from the given parent
     * themes on the class path (for example "theme/keycloak.v2/login", "theme/base/login").
     */
    static Configuration configuration(String type, String... parents) {
        try {
            List<TemplateLoader> loaders = new ArrayList<>();
            loaders.add(new FileTemplateLoader(ThemeFiles.unifyTheme(type).toFile()));
            for (String parent : parents) {
                loaders.add(new ClassTemplateLoader(Freemarker.class.getClassLoader(), parent));
            }
            Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
            configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
            configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
            configuration.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
            configuration.setDefaultEncoding("UTF-8");
            configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            configuration.setLogTemplateExceptions(false);
            return configuration;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(Configuration configuration, String template, Map<String, Object> model) {
        try {
            Template compiled = configuration.getTemplate(template);
            StringWriter out = new StringWriter();
            compiled.process(model, out);
            return out.toString();
        } catch (Exception e) {
            throw new AssertionError("Rendering " + template + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The messages a theme shows in a language: English of every theme in the chain, overridden by
     * that language of every theme in the chain (parents first), as Keycloak merges them.
     */
    static Properties messages(String locale, List<String> stockParents, String type) {
        List<String> chain = locale.equals("en") ? List.of("en") : List.of("en", locale);
        return merge(chain, stockParents, type);
    }

    /** The messages the theme chain has in a language itself, without the English fallback. */
    static Properties ownMessages(String locale, List<String> stockParents, String type) {
        return merge(List.of(locale), stockParents, type);
    }

    private static Properties merge(List<String> chain, List<String> stockParents, String type) {
        Properties messages = new Properties();
        for (String language : chain) {
            for (String parent : stockParents) {
                ThemeResourceFiles.Bundle bundle = ThemeFiles.stockBundle(parent + "/messages/messages_" + language + ".properties");
                if (bundle != null) {
                    messages.putAll(bundle.entries);
                }
            }
            messages.putAll(ThemeFiles.loadBundle(
                    ThemeFiles.unifyTheme(type).resolve("messages/messages_" + language + ".properties")).entries);
        }
        return messages;
    }

    /** Keycloak's msg("key", args...): the message, formatted with MessageFormat in the page's locale. */
    static TemplateMethodModelEx msg(Properties messages, Locale locale) {
        return arguments -> {
            if (arguments.isEmpty()) {
                throw new TemplateModelException("msg() needs a key");
            }
            String key = unwrap(arguments.get(0)).toString();
            Object[] parameters = new Object[arguments.size() - 1];
            for (int i = 1; i < arguments.size(); i++) {
                parameters[i - 1] = unwrap(arguments.get(i));
            }
            return new MessageFormat(messages.getProperty(key, key), locale).format(parameters);
        };
    }

    /** Stands in for Keycloak's kcSanitize (an HTML sanitiser): hands the text back unchanged. */
    static TemplateMethodModelEx kcSanitize() {
        return arguments -> unwrap(arguments.get(0)).toString();
    }

    /** A method that returns the same value whatever it is called with, for the beans' methods. */
    static TemplateMethodModelEx constant(Object value) {
        return arguments -> value;
    }

    private static Object unwrap(Object argument) throws TemplateModelException {
        return argument instanceof TemplateModel ? DeepUnwrap.unwrap((TemplateModel) argument) : argument;
    }

    /** Properties of a theme as Keycloak sees them: the parents' (stock) first, then Unify's. */
    static Properties themeProperties(String type, String... stockParents) {
        Properties properties = new Properties();
        for (String parent : stockParents) {
            ThemeResourceFiles.Bundle bundle = ThemeFiles.stockBundle(parent + "/theme.properties");
            if (bundle != null) {
                properties.putAll(bundle.entries);
            }
        }
        properties.putAll(ThemeFiles.loadBundle(ThemeFiles.unifyTheme(type).resolve("theme.properties")).entries);
        return properties;
    }

    /** Undoes FreeMarker's HTML escaping, to compare rendered text with a message. */
    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
