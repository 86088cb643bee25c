package org.oncocds.portal.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.oncocds.portal.security.CsrfTokens;
import org.oncocds.prediction.boundary.TaskDescription;
import org.oncocds.prediction.boundary.Tasks;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.IWebApplication;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders a view (a template under {@code WEB-INF/templates}) with its model. Every page also gets the signed-in user
 * ({@code user}) for the navigation and the session's CSRF token ({@code csrfToken}) for its forms.
 */
@ApplicationScoped
public class Pages {

    /** The portal's visible texts; templates use them as {@code #{key}}. */
    public static final String MESSAGES = "/org/oncocds/portal/pages/messages.properties";

    /** The portal speaks English for now; the texts are in one file so that a translation is one more file. */
    static final Locale LOCALE = Locale.ENGLISH;

    private JakartaServletWebApplication application;
    private TemplateEngine engine;

    protected Pages() {
        // for the CDI proxy
    }

    /** Pages that know only the texts of {@code messages.properties}. */
    public Pages(ServletContext servletContext) {
        this(servletContext, taskId -> Optional.empty());
    }

    @Inject
    public Pages(ServletContext servletContext, Tasks tasks) {
        this(servletContext, tasks::byId);
    }

    /**
     * @param tasks
     *            the prediction task by its id, for the texts of a task {@code messages.properties} does not know
     *            ({@link TaskTexts})
     */
    public Pages(ServletContext servletContext, Function<String, Optional<TaskDescription>> tasks) {
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
        this.engine = engine(application, new TaskTexts(tasks));
    }

    public void render(HttpServletRequest request, HttpServletResponse response, String view, Map<String, ?> model)
            throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        // Pages carry patient data: no copies in the browser's or a proxy's cache.
        response.setHeader("Cache-Control", "no-store");
        WebContext context = new WebContext(application.buildExchange(request, response), LOCALE);
        model.forEach(context::setVariable);
        CurrentUser user = CurrentUser.of(request);
        context.setVariable("user", user);
        context.setVariable("csrfToken", user.signedIn() ? CsrfTokens.tokenFor(request) : "");
        engine.process(view, context, response.getWriter());
    }

    static TemplateEngine engine(IWebApplication application, TaskTexts taskTexts) {
        WebApplicationTemplateResolver templates = new WebApplicationTemplateResolver(application);
        templates.setPrefix("/WEB-INF/templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding(StandardCharsets.UTF_8.name());
        templates.setCacheable(true);
        StandardMessageResolver messages = new StandardMessageResolver();
        messages.setDefaultMessages(defaultMessages());
        messages.setOrder(1);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setMessageResolvers(Set.of(messages, taskTexts));
        return engine;
    }

    /** The texts of {@link #MESSAGES}, read as UTF-8. */
    public static Properties defaultMessages() {
        try (InputStream in = Pages.class.getResourceAsStream(MESSAGES)) {
            if (in == null) {
                throw new IllegalStateException(MESSAGES + " is missing from the portal");
            }
            Properties messages = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
