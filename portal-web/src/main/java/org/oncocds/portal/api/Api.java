package org.oncocds.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The REST API at {@code /api}. Its resources are listed here, not found by scanning, so that no provider class of a
 * library in the WAR ends up in it. Every error is a JSON body (see {@link ApiExceptions}), never the portal's HTML
 * error page.
 */
@ApplicationPath("api")
public class Api extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(RecommendationsResource.class, BiasReportsResource.class, ModelVersionsResource.class,
                BatchScoresResource.class, ApiExceptions.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        // A 4xx or 5xx keeps its JSON body instead of being handed to the servlet container's error pages.
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
