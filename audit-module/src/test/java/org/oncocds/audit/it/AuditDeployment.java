package org.oncocds.audit.it;

import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The test WAR every audit IT deploys: the audit module as it ships plus the beans that call it in a role. */
final class AuditDeployment {

    private AuditDeployment() {
    }

    static WebArchive archive(String name) {
        // The audit module as it ships: its classes and META-INF, without the tests that share its packages.
        JavaArchive auditModule = ShrinkWrap.create(JavaArchive.class, "audit-module.jar")
                .addPackages(true, Filters.exclude(".*(Test|IT)\\.class|/org/oncocds/audit/it/.*"), "org.oncocds.audit")
                .addAsManifestResource("META-INF/persistence.xml", "persistence.xml")
                .addAsManifestResource("META-INF/microprofile-config.properties", "microprofile-config.properties");
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsLibrary(auditModule)
                .addClasses(AuditDeployment.class, Causes.class, ClinicianSession.class, OtherClinicianSession.class,
                        ComplianceOfficerSession.class, ChainInspector.class, ChainInspector.Link.class,
                        ChainInspector.Stored.class,
                        ChainForger.class,
                        DatabaseAdministrator.class)
                .addAsWebInfResource("glassfish-web.xml")
                .addAsWebInfResource("glassfish-ejb-jar.xml");
    }
}
