package org.oncocds.ear;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The built EAR read entry by entry, nested archives included: its top-level entries, and for every archive inside it
 * (module jars, the WAR, the WAR's own jars) the classes it carries.
 */
final class EarArchive {

    private final Map<String, byte[]> entries;

    private EarArchive(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static EarArchive read(Path ear) {
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException(ear + " does not exist: build it with mvn -pl ear package");
        }
        try (InputStream in = Files.newInputStream(ear)) {
            return new EarArchive(readEntries(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Top-level entry names. */
    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    byte[] content(String name) {
        byte[] content = entries.get(name);
        if (content == null) {
            throw new AssertionError("the EAR has no entry " + name + "; it has " + entries.keySet());
        }
        return content;
    }

    /** The entry names of an archive inside the EAR (or inside an archive inside it). */
    static List<String> entryNames(byte[] archive) {
        return List.copyOf(readEntries(new ByteArrayInputStream(archive)).keySet());
    }

    static Map<String, byte[]> entries(byte[] archive) {
        return readEntries(new ByteArrayInputStream(archive));
    }

    static Manifest manifest(byte[] archive) {
        byte[] manifest = entries(archive).get("META-INF/MANIFEST.MF");
        try {
            return manifest == null ? new Manifest() : new Manifest(new ByteArrayInputStream(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every class file in the EAR, with where it comes from ("lib/x.jar", "portal-web.war!WEB-INF/lib/y.jar",
     * "portal-web.war!WEB-INF/classes"). Multi-release variants and module descriptors are left out: they are not
     * duplicates.
     */
    Map<String, List<String>> classOrigins() {
        Map<String, List<String>> origins = new LinkedHashMap<>();
        entries.forEach((name, content) -> {
            if (name.endsWith(".war")) {
                addWarClasses(name, content, origins);
            } else if (name.endsWith(".jar")) {
                addJarClasses(name, content, origins);
            }
        });
        return origins;
    }

    private static void addWarClasses(String war, byte[] content, Map<String, List<String>> origins) {
        readEntries(new ByteArrayInputStream(content)).forEach((name, nested) -> {
            if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                addJarClasses(war + "!" + name, nested, origins);
            } else if (name.startsWith("WEB-INF/classes/") && isClass(name)) {
                add(origins, name.substring("WEB-INF/classes/".length()), war + "!WEB-INF/classes");
            }
        });
    }

    private static void addJarClasses(String jar, byte[] content, Map<String, List<String>> origins) {
        for (String name : entryNames(content)) {
            if (isClass(name)) {
                add(origins, name, jar);
            }
        }
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/versions/") && !name.endsWith("module-info.class");
    }

    private static void add(Map<String, List<String>> origins, String className, String origin) {
        origins.computeIfAbsent(className, key -> new ArrayList<>()).add(origin);
    }

    private static Map<String, byte[]> readEntries(InputStream archive) {
        Map<String, byte[]> read = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    read.put(entry.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }
}
