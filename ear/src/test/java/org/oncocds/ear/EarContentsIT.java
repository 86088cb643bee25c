package org.oncocds.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the built EAR contains: the modules declared in application.xml, each library once in lib/, a skinny WAR, and
 * none of Weka's jars a server must not get. Runs after packaging (failsafe), on target/oncocds.ear.
 */
class EarContentsIT {

    private static final String WAR = "portal-web.war";
    private static final List<String> EJB_MODULES = List.of("audit-module.jar", "prediction-ejb.jar",
            "fairness-module.jar");

    /**
     * Jars that must not ship: javax-era JAXB 2.3 (it would shadow the server's Jakarta XML Binding), native BLAS
     * builds, Weka's desktop helpers, test libraries, and the APIs the server provides.
     */
    private static final List<Pattern> FORBIDDEN_JARS = Stream.of("jaxb-runtime", "jaxb-core", "jakarta.xml.bind-api",
            "jakarta.activation", "istack-commons", "netlib-native", "native_ref", "native_system", "netlib-java",
            "flatlaf", "jfilechooser-bookmarks", "junit", "jakarta.jakartaee", "microprofile-config-api")
            .map(name -> Pattern.compile("(^|[/.-])" + Pattern.quote(name) + "[^/]*\\.jar$"))
            .toList();

    private static EarArchive ear;

    @BeforeAll
    static void readEar() {
        ear = EarArchive.read(Path.of(System.getProperty("oncocds.ear", "target/oncocds.ear")));
    }

    @Test
    void applicationXmlDeclaresTheEjbModulesTheWebModuleAtRootAndTheLibraryDirectory() throws Exception {
        Document xml = parse(ear.content("META-INF/application.xml"));

        assertEquals("oncocds", text(xml, "application-name"));
        assertEquals("lib", text(xml, "library-directory"));
        assertEquals("true", text(xml, "initialize-in-order"));
        assertEquals(EJB_MODULES, texts(xml, "ejb"));
        assertEquals(List.of(WAR), texts(xml, "web-uri"));
        assertEquals("/", text(xml, "context-root"));
        for (String module : EJB_MODULES) {
            assertTrue(ear.names().contains(module), () -> module + " is declared but not packaged: " + ear.names());
        }
        assertTrue(ear.names().contains(WAR), () -> WAR + " is declared but not packaged: " + ear.names());
    }

    @Test
    void wekaAndThymeleafAreInLibExactlyOnce() {
        assertEquals(1, countInLib("weka-stable-"), "Weka jars in lib/");
        assertEquals(1, countInLib("thymeleaf-3"), "Thymeleaf jars in lib/");
        assertEquals(1, countInLib("attoparser-"), "attoparser (Thymeleaf's parser) jars in lib/");
        assertEquals(1, countInLib("mtj-"), "matrix-toolkits-java (Weka's linear algebra) jars in lib/");
    }

    @Test
    void everyClassIsPackagedOnce() {
        Map<String, List<String>> duplicated = ear.classOrigins()
                .entrySet()
                .stream()
                .filter(origins -> origins.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertTrue(duplicated.isEmpty(), () -> duplicated.size() + " classes are packaged more than once, e.g. "
                + duplicated.entrySet().stream().limit(10).map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void theWarIsSkinnyAndItsClassPathPointsIntoLib() {
        byte[] war = ear.content(WAR);
        List<String> warJars = EarArchive.entryNames(war).stream().filter(name -> name.startsWith("WEB-INF/lib/"))
                .toList();
        String classPath = EarArchive.manifest(war).getMainAttributes().getValue(Attributes.Name.CLASS_PATH);

        assertEquals(List.of(), warJars, "jars inside the WAR: name them as dependencies of ear/pom.xml, so they"
                + " are shipped once in lib/ and skinnyWars strips them from the WAR");
        assertTrue(classPath != null && !classPath.isBlank(), "the skinny WAR's manifest has no Class-Path");
        for (String entry : classPath.trim().split("\\s+")) {
            assertTrue(entry.startsWith("lib/") && ear.names().contains(entry),
                    () -> "the WAR's Class-Path names " + entry + ", which is not in the EAR's lib/");
        }
    }

    @Test
    void noForbiddenJarAnywhere() {
        List<String> jars = ear.names().stream().filter(name -> name.endsWith(".jar")).collect(Collectors.toList());
        EarArchive.entryNames(ear.content(WAR)).stream().filter(name -> name.endsWith(".jar")).forEach(jars::add);

        List<String> forbidden = jars.stream()
                .filter(jar -> FORBIDDEN_JARS.stream().anyMatch(pattern -> pattern.matcher(jar).find()))
                .toList();

        assertEquals(List.of(), forbidden, "jars a server must not get");
    }

    @Test
    void noServerProvidedApiClassesAreShipped() {
        List<String> apiClasses = ear.classOrigins()
                .keySet()
                .stream()
                .filter(name -> name.startsWith("jakarta/") || name.startsWith("javax/xml/bind/")
                        || name.startsWith("org/eclipse/microprofile/"))
                .limit(10)
                .toList();

        assertEquals(List.of(), apiClasses, "API classes the server provides");
    }

    private static long countInLib(String artifactPrefix) {
        return ear.names()
                .stream()
                .filter(name -> name.startsWith("lib/") && name.endsWith(".jar"))
                .map(name -> name.substring("lib/".length()))
                .filter(jar -> jar.startsWith(artifactPrefix) || jar.contains("-" + artifactPrefix))
                .count();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document xml, String element) {
        List<String> texts = texts(xml, element);
        assertEquals(1, texts.size(), () -> "application.xml should have one <" + element + ">, has " + texts);
        return texts.get(0);
    }

    private static List<String> texts(Document xml, String element) {
        NodeList nodes = xml.getElementsByTagNameNS("*", element);
        return IntStream.range(0, nodes.getLength())
                .mapToObj(index -> ((Element) nodes.item(index)).getTextContent().trim())
                .toList();
    }
}
