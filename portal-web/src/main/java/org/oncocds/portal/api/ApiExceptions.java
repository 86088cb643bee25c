package org.oncocds.portal.api;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oncocds.portal.json.PortalJson;
import org.oncocds.portal.security.GovernanceEvents;

/**
 * Every failure of an API request as a JSON body {@code {"status":..,"error":..,"problems":[{"field":..,"message":..}]}}:
 * refusals with their fields, JAX-RS's own (unknown path 404, wrong method 405, wrong media type 415), a role the EJB
 * refused (403), and anything unexpected (500, details only in the server log).
 */
@Provider
@ApplicationScoped
public class ApiExceptions implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptions.class.getName());

    @Inject
    GovernanceEvents events;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            if (problem.status() == 403) {
                denied();
            }
            return response(problem.status(), problem.problems());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return response(status, List.of(new ApiProblem.Problem("request", web.getMessage())));
        }
        if (failure instanceof EJBAccessException || failure.getCause() instanceof EJBAccessException) {
            denied();
            return response(403, List.of(new ApiProblem.Problem("role", "your role may not do this")));
        }
        LOG.log(Level.SEVERE, "API request failed", failure);
        return response(500, List.of(new ApiProblem.Problem("server",
                "the request failed on the server; nothing was recorded or shown")));
    }

    /** A refused API call goes into the audit trail like a refused page: path, method, user, roles. */
    private void denied() {
        if (events != null && request != null) {
            events.accessDenied(request, request.getMethod(), request.getRequestURI(), "role");
        }
    }

    static Response response(int status, List<ApiProblem.Problem> problems) {
        JsonArrayBuilder list = PortalJson.array();
        problems.forEach(problem -> list.add(PortalJson.object().add("field", problem.field()).add("message",
                problem.message())));
        String body = PortalJson.object().add("status", status).add("error", Response.Status.fromStatusCode(
                status) == null ? "error" : Response.Status.fromStatusCode(status).getReasonPhrase()).add("problems",
                        list)
                .build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header(
                "Cache-Control", "no-store").entity(body).build();
    }
}
