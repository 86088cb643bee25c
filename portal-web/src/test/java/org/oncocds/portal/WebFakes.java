package org.oncocds.portal;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Just enough of the Servlet API to run the portal's pages and filters without a server: a servlet context serving
 * {@code src/main/webapp}, requests with parameters, a user and a session, and a response capturing what is written.
 */
public final class WebFakes {

    public static final Path WEBAPP = Path.of("src/main/webapp");

    private WebFakes() {
    }

    public static ServletContext servletContext() {
        Map<String, Object> attributes = new HashMap<>();
        return fake(ServletContext.class, method -> switch (method) {
            case "getResourceAsStream" -> args -> resource((String) args[0]);
            case "getResource" -> args -> url((String) args[0]);
            case "getContextPath" -> args -> "";
            case "getAttribute" -> args -> attributes.get(args[0]);
            case "setAttribute" -> args -> attributes.put((String) args[0], args[1]);
            case "getAttributeNames" -> args -> Collections.enumeration(attributes.keySet());
            case "getServletContextName" -> args -> "portal";
            default -> null;
        });
    }

    /** A session keeping its attributes in a map. */
    public static HttpSession session() {
        Map<String, Object> attributes = new HashMap<>();
        return fake(HttpSession.class, method -> switch (method) {
            case "getId" -> args -> "session-1";
            case "getAttribute" -> args -> attributes.get(args[0]);
            case "setAttribute" -> args -> attributes.put((String) args[0], args[1]);
            case "removeAttribute" -> args -> attributes.remove(args[0]);
            default -> null;
        });
    }

    /**
     * A request to the portal.
     *
     * @param user
     *            the signed-in user name, or {@code null} for an anonymous request
     * @param session
     *            the request's session, or {@code null} for none yet
     */
    public static HttpServletRequest request(ServletContext context, String method, String path,
            Map<String, String> parameters, String user, Set<String> roles, HttpSession session) {
        return request(context, method, path, parameters, user, roles, session, Map.of());
    }

    /** A request to the portal with these headers. */
    public static HttpServletRequest request(ServletContext context, String method, String path,
            Map<String, String> parameters, String user, Set<String> roles, HttpSession session,
            Map<String, String> headers) {
        return request(context, method, path, parameters, user, roles, session, headers, Map.of());
    }

    /**
     * A {@code multipart/form-data} request with these parts (text fields are parameters as well as parts, as
     * with the container's multipart support).
     */
    public static HttpServletRequest multipart(ServletContext context, String path, Map<String, String> parameters,
            String user, Set<String> roles, HttpSession session, Map<String, Part> parts) {
        return request(context, "POST", path, parameters, user, roles, session, Map.of("Content-Type",
                "multipart/form-data; boundary=x"), parts);
    }

    /** An uploaded file. */
    public static Part part(String name, String fileName, byte[] content) {
        return fake(Part.class, method -> switch (method) {
            case "getName" -> args -> name;
            case "getSubmittedFileName" -> args -> fileName;
            case "getSize" -> args -> (long) content.length;
            case "getInputStream" -> args -> new ByteArrayInputStream(content);
            default -> null;
        });
    }

    private static HttpServletRequest request(ServletContext context, String method, String path,
            Map<String, String> parameters, String user, Set<String> roles, HttpSession session,
            Map<String, String> headers, Map<String, Part> parts) {
        Map<String, Object> attributes = new HashMap<>();
        HttpSession[] current = {session};
        return fake(HttpServletRequest.class, name -> switch (name) {
            case "getMethod" -> args -> method;
            case "getRequestURI", "getServletPath" -> args -> path;
            case "getContextPath" -> args -> "";
            case "getServletContext" -> args -> context;
            case "getParameter" -> args -> parameters.get(args[0]);
            case "getParameterMap" -> args -> Collections.unmodifiableMap(parametersAsArrays(parameters));
            case "getParameterNames" -> args -> Collections.enumeration(parameters.keySet());
            case "getAttribute" -> args -> attributes.get(args[0]);
            case "setAttribute" -> args -> attributes.put((String) args[0], args[1]);
            case "getAttributeNames" -> args -> Collections.enumeration(attributes.keySet());
            case "getUserPrincipal" -> args -> user == null ? null : (Principal) () -> user;
            case "isUserInRole" -> args -> roles.contains((String) args[0]);
            case "getSession" -> args -> {
                boolean create = args == null || args.length == 0 || (Boolean) args[0];
                if (current[0] == null && create) {
                    current[0] = session();
                }
                return current[0];
            };
            case "getScheme" -> args -> "http";
            case "getServerName" -> args -> "127.0.0.1";
            case "getServerPort" -> args -> 28080;
            case "getCharacterEncoding" -> args -> "UTF-8";
            case "getHeader" -> args -> headers.get(args[0]);
            case "getContentType" -> args -> headers.get("Content-Type");
            case "getContentLengthLong" -> args -> -1L;
            case "getPart" -> args -> parts.get(args[0]);
            default -> null;
        });
    }

    /** A response writing its body into {@code body} and its status into {@code status[0]}. */
    public static HttpServletResponse response(StringWriter body, int[] status) {
        PrintWriter writer = new PrintWriter(body);
        Map<String, String> headers = new HashMap<>();
        status[0] = 200;
        return fake(HttpServletResponse.class, name -> switch (name) {
            case "getWriter" -> args -> writer;
            case "setStatus" -> args -> status[0] = (Integer) args[0];
            case "getStatus" -> args -> status[0];
            case "sendError" -> args -> status[0] = (Integer) args[0];
            case "sendRedirect" -> args -> {
                status[0] = 302;
                return headers.put("Location", (String) args[0]);
            };
            case "setHeader" -> args -> headers.put((String) args[0], (String) args[1]);
            case "getHeader" -> args -> headers.get(args[0]);
            case "encodeURL", "encodeRedirectURL" -> args -> args[0];
            case "getCharacterEncoding" -> args -> "UTF-8";
            case "setContentType" -> args -> headers.put("Content-Type", (String) args[0]);
            case "flushBuffer" -> args -> {
                writer.flush();
                return null;
            };
            default -> null;
        });
    }

    private static Map<String, String[]> parametersAsArrays(Map<String, String> parameters) {
        Map<String, String[]> arrays = new HashMap<>();
        parameters.forEach((key, value) -> arrays.put(key, new String[]{value}));
        return arrays;
    }

    private static InputStream resource(String path) {
        Path file = WEBAPP.resolve(path.substring(1));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.net.URL url(String path) {
        Path file = WEBAPP.resolve(path.substring(1));
        try {
            return Files.isRegularFile(file) ? file.toUri().toURL() : null;
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private interface Answer {
        Object apply(Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Function<String, Answer> answers) {
        return (T) Proxy.newProxyInstance(WebFakes.class.getClassLoader(), new Class<?>[]{type}, (proxy, method,
                args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> type.getSimpleName() + " fake";
                };
            }
            Answer answer = answers.apply(method.getName());
            if (answer != null) {
                return answer.apply(args);
            }
            return defaultValue(method.getReturnType());
        });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return type == long.class ? 0L : 0;
        }
        return null;
    }
}
