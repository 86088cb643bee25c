-- What the application's database role may do with the fairness tables on PostgreSQL. Run by the owner of the tables
-- after the migrations (db/fairness/postgresql/V*.sql, applied by FairnessSchemaMigration as the owner;
-- docs/fairness-metrics.md), and again after every migration that adds a table; replace oncocds_app with the role in
-- oncocds.db.user if yours differs.
-- Stored reports, their verdict rows, sign-offs and recorded outcomes: read and append only. No UPDATE, DELETE or
-- TRUNCATE: the application cannot change a report after its sign-off, rewrite a decision or remove an outcome, and
-- neither can anyone who steals its credentials. (No SELECT ... FOR UPDATE either, which needs UPDATE: one decision
-- per report is kept by the unique key on fairness_sign_off.report_id.)
REVOKE ALL ON fairness_report, fairness_report_verdict, fairness_sign_off, fairness_outcome, fairness_schema_history
    FROM PUBLIC;
REVOKE ALL ON SEQUENCE fairness_report_seq, fairness_sign_off_seq, fairness_outcome_seq FROM PUBLIC;
GRANT SELECT, INSERT ON fairness_report, fairness_report_verdict, fairness_sign_off, fairness_outcome TO oncocds_app;
-- Ids.
GRANT USAGE, SELECT ON SEQUENCE fairness_report_seq, fairness_sign_off_seq, fairness_outcome_seq TO oncocds_app;
-- The migration history (Flyway): the application reads it at startup to check that the schema is at the version it
-- needs, and refuses to start otherwise; it cannot change it.
GRANT SELECT ON fairness_schema_history TO oncocds_app;
