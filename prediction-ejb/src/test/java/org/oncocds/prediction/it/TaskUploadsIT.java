package org.oncocds.prediction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oncocds.prediction.control.UploadFiles;

/**
 * An administrator adds a task from an uploaded file in a managed Payara Micro on its H2 database: a malformed upload
 * changes nothing; a valid one (real rows: the shipped colon.csv's death records as task {@code colon-death-2y}) is
 * stored with its TASK_ADDED record, trained in the background to a VALIDATED version, and both are still there after a
 * redeployment (a fresh application instance on the same database).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskUploadsIT {

    private static final String FIRST = "uploads-first";
    private static final String SECOND = "uploads-second";
    private static final String TASK = "colon-death-2y";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = FIRST, managed = false, testable = false)
    static WebArchive first() {
        return PredictionDeployment.war(FIRST + ".war");
    }

    @Deployment(name = SECOND, managed = false, testable = false)
    static WebArchive second() {
        return PredictionDeployment.war(SECOND + ".war");
    }

    @Test
    void uploadTrainRedeployAndTheTaskAndItsVersionAreStillThere() throws Exception {
        deployer.deploy(FIRST);
        ItHttp first = new ItHttp(FIRST);
        String definition = UploadFiles.colonDeathDefinition();
        String before = newestRecordId(first);

        // Refused whole: one bad age and one undeclared arm, each named by line and column; nothing stored or recorded.
        String malformed = new String(UploadFiles.colonCsv(), StandardCharsets.UTF_8).replaceFirst(
                "\n1,1,\"Lev\\+5FU\",1,43,", "\n1,1,\"Lev+5FU\",1,430,").replaceFirst("\n2,1,\"Lev\\+5FU\",",
                        "\n2,1,\"Placebo\",");
        ItHttp.Answer refused = first.postBytes("it/task-uploads", TestCallers.ADMIN, Map.of("fileName", "colon.csv",
                "definition", definition), malformed.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, refused.status(), refused.body().toString());
        assertEquals("2", refused.body().getProperty("problems"), refused.body().toString());
        assertEquals("age", refused.body().getProperty("problem.0.column"));
        assertEquals("2", refused.body().getProperty("problem.0.row"));
        assertEquals("line 2, column age: 430 is above the maximum 100", refused.body().getProperty(
                "problem.0.message"));
        assertEquals("rx", refused.body().getProperty("problem.1.column"));
        assertEquals(403, first.postBytes("it/task-uploads", TestCallers.CLINICIAN, Map.of("fileName", "colon.csv",
                "definition", definition), UploadFiles.colonCsv()).status());
        assertFalse(tasks(first).getProperty("ids").contains(TASK));
        assertEquals(before, newestRecordId(first));

        ItHttp.Answer added = first.postBytes("it/task-uploads", TestCallers.ADMIN, Map.of("fileName", "colon.csv",
                "definition", definition), UploadFiles.colonCsv());
        assertEquals(200, added.status(), added.body().toString());
        assertEquals(TASK, added.body().getProperty("id"));
        Properties record = first.get("it/audit?limit=1", TestCallers.COMPLIANCE_OFFICER).body();
        assertEquals("GOVERNANCE", record.getProperty("record.0.kind"), record.toString());
        assertEquals(TestCallers.ADMIN, record.getProperty("record.0.actorName"));
        String details = record.getProperty("record.0.inputsJson");
        assertTrue(details.contains("\"taskId\":\"" + TASK + "\"") && details
                .contains("\"selectedRows\":\"929\""), details);
        Properties task = tasks(first);
        assertTrue(task.getProperty("ids").endsWith("," + TASK), task.getProperty("ids"));
        assertEquals("true", task.getProperty("uploaded"));
        assertEquals("sex,age,rx", task.getProperty("subgroupAttributes"));
        assertEquals("true", task.getProperty("ready"), "an uploaded task without a version must not turn readiness"
                + " down");

        String version = train(first);
        Properties versions = first.get("it/versions?task=" + TASK, TestCallers.CLINICIAN).body();
        assertEquals("VALIDATED", versions.getProperty("version.0.state"), versions.toString());
        deployer.undeploy(FIRST);

        deployer.deploy(SECOND);
        ItHttp second = new ItHttp(SECOND);
        assertEquals(task, tasks(second));
        assertEquals(versions, second.get("it/versions?task=" + TASK, TestCallers.CLINICIAN).body());
        assertEquals(version, versions.getProperty("version.0.version"));
        deployer.undeploy(SECOND);
    }

    private static Properties tasks(ItHttp http) throws Exception {
        ItHttp.Answer answer = http.get("it/tasks?id=" + TASK, TestCallers.CLINICIAN);
        assertEquals(200, answer.status());
        return answer.body();
    }

    private static String newestRecordId(ItHttp http) throws Exception {
        return http.get("it/audit?limit=1", TestCallers.COMPLIANCE_OFFICER).body().getProperty("record.0.id");
    }

    /** Trains version 1 of the uploaded task in the background and waits for the job to end. */
    private static String train(ItHttp http) throws Exception {
        ItHttp.Answer started = http.post("it/training", TestCallers.ADMIN, Map.of("taskId", TASK, "algorithm",
                "logistic"));
        assertEquals(200, started.status(), started.body().toString());
        String jobId = started.body().getProperty("jobId");
        Properties job = http.get("it/training?id=" + jobId, TestCallers.ADMIN).body();
        for (int poll = 0; poll < 1500 && !job.getProperty("status").matches("SUCCEEDED|FAILED"); poll++) {
            Thread.sleep(200);
            job = http.get("it/training?id=" + jobId, TestCallers.ADMIN).body();
        }
        assertEquals("SUCCEEDED", job.getProperty("status"), job.toString());
        assertEquals(TASK + "/1", job.getProperty("version"));
        return job.getProperty("version");
    }
}
