-- What the application's database role may do with the prediction tables on PostgreSQL. Run by the owner of the tables
-- after the migrations (db/prediction/postgresql/V*.sql, applied by PredictionSchemaMigration as the owner;
-- docs/model-registry.md, "Schema migrations"), and again after every migration that adds a table or column; replace
-- oncocds_app with the role in oncocds.db.user if yours differs.
-- Model versions: stored once (INSERT), read, and moved through their lifecycle: UPDATE only of the lifecycle columns,
-- so the application cannot rewrite a version's model bytes, hashes, metrics or model card, and neither can anyone who
-- steals its credentials. No DELETE: a version is retired, never removed.
REVOKE ALL ON prediction_model_version, prediction_training_job, prediction_task, prediction_schema_history FROM PUBLIC;
REVOKE ALL ON SEQUENCE prediction_model_version_seq, prediction_task_seq FROM PUBLIC;
GRANT SELECT, INSERT ON prediction_model_version TO oncocds_app;
GRANT UPDATE (state, active_task, state_changed_by, state_changed_at, approved_by, approved_at, bias_report_id,
    row_version) ON prediction_model_version TO oncocds_app;
-- Training jobs: queued (INSERT), then their progress, lease and outcome (UPDATE of those columns only).
GRANT SELECT, INSERT ON prediction_training_job TO oncocds_app;
GRANT UPDATE (status, folds_done, finished_at, failure, model_version, heartbeat_millis) ON prediction_training_job
    TO oncocds_app;
-- Uploaded tasks: added and read only; a stored task and its dataset never change.
GRANT SELECT, INSERT ON prediction_task TO oncocds_app;
-- Ids.
GRANT USAGE, SELECT ON SEQUENCE prediction_model_version_seq, prediction_task_seq TO oncocds_app;
-- The migration history (Flyway): the application reads it at startup to check that the schema is at the version it
-- needs, and refuses to start otherwise; it cannot change it.
GRANT SELECT ON prediction_schema_history TO oncocds_app;
