package org.oncocds.prediction.it;

import java.io.File;
import java.util.Objects;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The prediction module as it ships (boundary, control, entity, its persistence unit, schema migrations and data) with the audit module,
 * Weka and the test servlets, as one WAR for Payara Micro (the unit tests' in-memory store left out).
 */
final class PredictionDeployment {

    private PredictionDeployment() {
    }

    static WebArchive war(String name) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name).addPackages(true, Filters.exclude(
                ".*(Test|IT|MemoryVersionStore|MemoryTaskStore|TrainedRegistry)(\\$.*)?\\.class"),
                "org.oncocds.prediction.boundary",
                "org.oncocds.prediction.control",
                "org.oncocds.prediction.entity").addClasses(TestCallers.class, CompareServlet.class, AuditServlet.class,
                        TasksServlet.class, VersionsServlet.class, TamperServlet.class, RegistryTamperer.class,
                        TrainingServlet.class, CandidacyServlet.class, BatchServlet.class, TaskUploadServlet.class)
                .addAsResource("META-INF/persistence.xml").addAsResource("db/prediction/h2/V1__prediction_tables.sql")
                .addAsResource("db/prediction/h2/V2__training_job_lease.sql")
                .addAsResource("db/prediction/postgresql/V1__prediction_tables.sql")
                .addAsResource("db/prediction/postgresql/V2__training_job_lease.sql")
                .addAsResource("datasets/colon.csv")
                .addAsResource(
                        "datasets/rotterdam.csv")
                .addAsWebInfResource("glassfish-web.xml").addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        File[] libraries = new File(System.getProperty("it.libs")).listFiles((dir, file) -> file.endsWith(".jar"));
        return war.addAsLibraries(Objects.requireNonNull(libraries, "run through Maven: it.libs is not set"));
    }
}
