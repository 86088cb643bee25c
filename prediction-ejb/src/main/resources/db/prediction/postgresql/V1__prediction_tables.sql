-- The prediction module's tables on PostgreSQL, version 1: model versions (registry and lifecycle), training jobs and
-- tasks added from uploaded datasets. Applied as a versioned migration (Flyway, history table
-- prediction_schema_history) by the OWNER of the database, never by the application's role (which has no CREATE):
-- see docs/model-registry.md, "Schema migrations".
-- Exactly the DDL EclipseLink 4.0.7 (Payara 6.2025.10) generates for org.oncocds.prediction.entity on PostgreSQL
-- (FLOAT is double precision there), constraints inline. Each object is created only if missing, so a database whose
-- prediction tables EclipseLink created before migrations keeps them. The times (java.time.Instant) are the serialized
-- value, bytea, as EclipseLink 4 stores them.

CREATE SEQUENCE IF NOT EXISTS prediction_model_version_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE IF NOT EXISTS prediction_task_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE IF NOT EXISTS prediction_model_version (
    id bigint NOT NULL,
    active_task character varying(160),
    algorithm character varying(200) NOT NULL,
    approved_at bytea,
    approved_by character varying(200),
    bias_report_id bigint,
    bootstrap_bytes bytea NOT NULL,
    bootstrap_sha256 character varying(64) NOT NULL,
    card_data_source character varying(2000) NOT NULL,
    card_exclusions character varying(2000) NOT NULL,
    card_intended_use character varying(2000) NOT NULL,
    card_limitations character varying(4000) NOT NULL,
    card_missing_data character varying(2000) NOT NULL,
    card_outcome character varying(2000) NOT NULL,
    card_performance character varying(2000) NOT NULL,
    card_predictors character varying(4000) NOT NULL,
    cv_accuracy double precision,
    cv_auc double precision,
    cv_brier double precision,
    cv_calibration_in_the_large double precision,
    cv_calibration_slope double precision,
    cv_folds integer NOT NULL,
    cv_predictions_json text NOT NULL,
    cv_seed bigint NOT NULL,
    model_bytes bytea NOT NULL,
    version_number integer NOT NULL,
    algorithm_options character varying(4000) NOT NULL,
    row_version bigint,
    model_sha256 character varying(64) NOT NULL,
    state character varying(20) NOT NULL,
    state_changed_at bytea NOT NULL,
    state_changed_by character varying(200) NOT NULL,
    task_id character varying(160) NOT NULL,
    trained_at bytea NOT NULL,
    trained_by character varying(200) NOT NULL,
    training_data_sha256 character varying(64) NOT NULL,
    training_rows integer NOT NULL,
    model_version character varying(200) NOT NULL,
    weka_version character varying(40) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT prediction_one_active_per_task UNIQUE (active_task),
    CONSTRAINT prediction_model_version_name UNIQUE (model_version),
    CONSTRAINT prediction_model_version_number UNIQUE (task_id, version_number)
);

CREATE TABLE IF NOT EXISTS prediction_training_job (
    id character varying(36) NOT NULL,
    algorithm character varying(40) NOT NULL,
    failure character varying(4000),
    finished_at bytea,
    folds_done integer NOT NULL,
    folds_total integer NOT NULL,
    options_json character varying(4000) NOT NULL,
    requested_at bytea NOT NULL,
    requested_by character varying(200) NOT NULL,
    status character varying(20) NOT NULL,
    task_id character varying(160) NOT NULL,
    model_version character varying(200),
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS prediction_task (
    id bigint NOT NULL,
    added_at bytea NOT NULL,
    added_by character varying(255) NOT NULL,
    data_rows integer NOT NULL,
    dataset_bytes bytea NOT NULL,
    dataset_sha256 character varying(64) NOT NULL,
    definition_json text NOT NULL,
    file_name character varying(255) NOT NULL,
    labelled_rows integer NOT NULL,
    task_id character varying(60) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT prediction_task_id UNIQUE (task_id)
);
