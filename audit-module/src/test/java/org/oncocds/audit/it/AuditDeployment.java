package org.oncocds.audit.it;

import java.io.File;
import java.net.URISyntaxException;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.cockroachdb.CockroachDBDatabaseType;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The test WAR every audit IT deploys: the audit module's shipped jar and libraries plus the beans that call it in a role. */
final class AuditDeployment {

    private AuditDeployment() {
    }

    /** The jar a class was loaded from in the test JVM: the audit module's runtime libraries (Flyway). */
    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The audit module's jar as Maven packaged it (the integration tests run after the package phase): the classes,
     * persistence unit and migration scripts exactly as they ship, so a missing resource fails here as it would in
     * production.
     */
    private static File shippedJar() {
        File[] jars = new File("target").listFiles((dir, file) -> file.startsWith("audit-module-") && file.endsWith(
                ".jar") && !file.endsWith("-tests.jar") && !file.endsWith("-sources.jar"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("run through Maven (mvn verify): target/audit-module-*.jar is needed");
        }
        return jars[0];
    }

    static WebArchive archive(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsLibrary(shippedJar())
                .addAsLibraries(jarOf(Flyway.class), jarOf(PostgreSQLConfigurationExtension.class),
                        jarOf(CockroachDBDatabaseType.class))
                .addClasses(AuditDeployment.class, Causes.class, Concurrently.class, Concurrently.Task.class,
                        ClinicianSession.class, OtherClinicianSession.class,
                        ComplianceOfficerSession.class, ChainInspector.class, ChainInspector.Link.class,
                        ChainInspector.Stored.class,
                        ChainForger.class,
                        DatabaseAdministrator.class)
                .addAsWebInfResource("glassfish-web.xml")
                .addAsWebInfResource("glassfish-ejb-jar.xml");
    }
}
