package eu.unify.keycloak.common.theme;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleDate;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one FreeMarker test harness of the project: renders templates as Keycloak 26 does (DefaultFreeMarkerProvider,
 * DefaultThemeManager): FreeMarker with HTML auto-escaping and no class resolution; templates looked up in the theme,
 * its parents, then the module's theme-resources/templates (if it has any); messages of theme-resources overridden by
 * the themes (parents first), English first, then the page's language; msg() formats like Keycloak's
 * MessageFormatterMethod (for what Keycloak's own one does with {@code ${...}} in arguments, pass
 * {@code org.keycloak.theme.beans.MessageFormatterMethod} as {@code msg}).
 *
 * <p>Themes come from the test class path: Keycloak's ({@link Source#stock}, from keycloak-themes) and Unify's
 * ({@link Source#unify}, from the unify-theme module, a test dependency a module declares; never read by a relative
 * path, so a rendering test cannot skip itself).
 */
public final class KeycloakFreemarker {

    private KeycloakFreemarker() {
    }

    /** One theme of a chain: a stock theme on the class path or a theme directory. */
    public static final class Source {
        private final String resourcePrefix;
        private final Path directory;

        private Source(String resourcePrefix, Path directory) {
            this.resourcePrefix = resourcePrefix;
            this.directory = directory;
        }

        public static Source stock(String resourcePrefix) {
            return new Source(resourcePrefix, null);
        }

        public static Source directory(Path directory) {
            return new Source(null, directory);
        }

        /** The Unify theme of a type ({@code login}, {@code email}) from the unify-theme test dependency. */
        public static Source unify(String type) {
            String prefix = "theme/unify/" + type;
            if (KeycloakFreemarker.class.getClassLoader().getResource(prefix + "/theme.properties") == null) {
                throw new IllegalStateException(prefix + " is not on the test class path: declare the test dependency"
                        + " eu.unify:unify-theme");
            }
            return new Source(prefix, null);
        }

        TemplateLoader loader() throws IOException {
            return directory != null
                    ? new FileTemplateLoader(directory.toFile())
                    : new ClassTemplateLoader(KeycloakFreemarker.class.getClassLoader(), resourcePrefix);
        }

        public ThemeResourceFiles.Bundle bundle(String relative) {
            if (directory != null) {
                Path file = directory.resolve(relative);
                return file.toFile().isFile() ? ThemeResourceFiles.bundle(file) : null;
            }
            return ThemeResourceFiles.stockBundle(resourcePrefix + "/" + relative);
        }
    }

    /** A theme as Keycloak assembles it: the theme first, then its parents. */
    public static final class Theme {
        public final String name;
        public final List<Source> chain;

        public Theme(String name, Source... chain) {
            this.name = name;
            this.chain = List.of(chain);
        }

        @Override
        public String toString() {
            return name;
        }

        public Configuration configuration() {
            try {
                List<TemplateLoader> loaders = new ArrayList<>();
                for (Source source : chain) {
                    loaders.add(source.loader());
                }
                // The provider jar's theme-resources/templates come after every theme of the chain.
                Path themeResources = ThemeResourceFiles.themeResourcesIfAny();
                if (themeResources != null) {
                    loaders.add(new FileTemplateLoader(themeResources.resolve("templates").toFile()));
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

        /** theme.properties of the chain, parents first. */
        public Properties properties() {
            Properties properties = new Properties();
            for (int i = chain.size() - 1; i >= 0; i--) {
                ThemeResourceFiles.Bundle bundle = chain.get(i).bundle("theme.properties");
                if (bundle != null) {
                    properties.putAll(bundle.entries);
                }
            }
            return properties;
        }

        /** The messages of a language: English, then the language; each from theme-resources, then the themes, parents first. */
        public Properties messages(String locale) {
            return messages(locale.equals("en") ? List.of("en") : List.of("en", locale));
        }

        /** The messages the chain has in a language itself, without the English fallback. */
        public Properties ownMessages(String locale) {
            return messages(List.of(locale));
        }

        private Properties messages(List<String> languages) {
            Properties messages = new Properties();
            Path themeResources = ThemeResourceFiles.themeResourcesIfAny();
            for (String language : languages) {
                if (themeResources != null) {
                    messages.putAll(ThemeResourceFiles.bundle(ThemeResourceFiles.messagesFile(language)).entries);
                }
                for (int i = chain.size() - 1; i >= 0; i--) {
                    ThemeResourceFiles.Bundle bundle = chain.get(i).bundle("messages/messages_" + language + ".properties");
                    if (bundle != null) {
                        messages.putAll(bundle.entries);
                    }
                }
            }
            return messages;
        }
    }

    public static String render(Theme theme, String template, Map<String, Object> model) {
        try {
            Template compiled = theme.configuration().getTemplate(template, "UTF-8");
            StringWriter out = new StringWriter();
            compiled.process(model, out);
            return out.toString();
        } catch (Exception e) {
            throw new AssertionError("Rendering " + template + " with " + theme + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Keycloak's msg("key", args...): the message formatted with MessageFormat in the page's locale, the key
     * itself when there is no such message. Remembers the keys it did not find.
     */
    public static final class Msg implements TemplateMethodModelEx {
        private final Properties messages;
        private final Locale locale;
        public final Set<String> missing = new TreeSet<>();

        public Msg(Properties messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        @Override
        public Object exec(@SuppressWarnings("rawtypes") List list) throws TemplateModelException {
            if (list.isEmpty()) {
                return null;
            }
            String key = list.get(0).toString();
            if (!messages.containsKey(key)) {
                missing.add(key);
            }
            List<Object> arguments = new ArrayList<>();
            for (Object item : list.subList(1, list.size())) {
                // As MessageFormatterMethod: simple models become Java values, anything else is passed as it is.
                if (item instanceof SimpleScalar scalar) {
                    item = scalar.getAsString();
                } else if (item instanceof SimpleNumber number) {
                    item = number.getAsNumber();
                } else if (item instanceof SimpleDate date) {
                    item = date.getAsDate();
                }
                arguments.add(item);
            }
            return new MessageFormat(messages.getProperty(key, key), locale).format(arguments.toArray());
        }
    }

    /** Stands in for kcSanitize (an HTML sanitiser): hands the text back unchanged. */
    public static TemplateMethodModelEx kcSanitize() {
        return arguments -> arguments.get(0).toString();
    }

    /** A bean method that returns the same value whatever it is called with. */
    public static TemplateMethodModelEx constant(Object value) {
        return arguments -> value;
    }

    public static String format(String message, String locale, Object... arguments) {
        return new MessageFormat(message, Locale.forLanguageTag(locale)).format(arguments);
    }

    /** Undoes FreeMarker's HTML escaping. */
    public static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** The text a reader sees: no scripts, no tags (inline ones join their text), entities undone, white space collapsed. */
    public static String visibleText(String html) {
        String text = html.replaceAll("(?s)<script\\b.*?</script>", " ")
                .replaceAll("(?s)<style\\b.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)</?(span|strong|b|i|em|a|code)\\b[^>]*>", "")
                .replaceAll("(?s)<[^>]+>", " ");
        return unescape(text).replaceAll("\\s+", " ").trim();
    }
}
