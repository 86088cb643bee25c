package org.oncocds.portal.login;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.oncocds.portal.pages.Pages;

/** {@code GET /signed-out}: where Keycloak sends the browser after logout; offers to sign in again. */
@WebServlet(SignedOutServlet.PATH)
public class SignedOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/signed-out";
    static final String VIEW = "login/signed-out";

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(request, response, VIEW, Map.of());
    }
}
