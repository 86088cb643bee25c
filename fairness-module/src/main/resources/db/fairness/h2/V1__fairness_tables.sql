-- The fairness module's tables on H2, version 1: stored bias reports with one row per disparity verdict,
-- sign-offs and recorded outcomes. Applied by the application at startup (Flyway, history table
-- fairness_schema_history): on H2 it owns the database.
-- Matches the JPA mapping of org.oncocds.fairness.entity (StoredReport, MetricVerdict, SignOff, PatientOutcome). Each
-- object is created only if missing, so a database whose fairness tables were made before migrations keeps them.
-- The times (java.time.Instant) are in the form EclipseLink 4 (Jakarta Persistence 3.1, which has no Instant type)
-- gives them: the serialized value, VARBINARY (what EclipseLink's create-or-extend made before).

CREATE SEQUENCE IF NOT EXISTS fairness_report_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE IF NOT EXISTS fairness_sign_off_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE IF NOT EXISTS fairness_outcome_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE IF NOT EXISTS fairness_report (
    id BIGINT NOT NULL,
    task_id VARCHAR(200),
    model_version VARCHAR(200) NOT NULL,
    model_sha256 VARCHAR(64),
    report_version INTEGER NOT NULL,
    source VARCHAR(40) NOT NULL,
    input_sha256 VARCHAR(64) NOT NULL,
    input_rows BIGINT NOT NULL,
    decision_threshold DOUBLE PRECISION NOT NULL,
    bootstrap_seed BIGINT NOT NULL,
    bootstrap_replicates INTEGER NOT NULL,
    minimum_group_size INTEGER NOT NULL,
    tolerances_json VARCHAR(1000) NOT NULL,
    request_json VARCHAR(1000000000) NOT NULL,
    report_json VARCHAR(1000000000) NOT NULL,
    report_sha256 VARCHAR(64) NOT NULL,
    stored_at VARBINARY(1000000000) NOT NULL,
    stored_by VARCHAR(200) NOT NULL,
    CONSTRAINT fairness_report_pkey PRIMARY KEY (id),
    CONSTRAINT fairness_report_version UNIQUE (model_version, report_version)
);

CREATE TABLE IF NOT EXISTS fairness_report_verdict (
    report_id BIGINT,
    position INTEGER,
    grouping_name VARCHAR(200) NOT NULL,
    group_name VARCHAR(200),
    metric VARCHAR(60) NOT NULL,
    verdict VARCHAR(20) NOT NULL,
    estimate DOUBLE PRECISION,
    ci_lower DOUBLE PRECISION,
    ci_upper DOUBLE PRECISION,
    tolerance DOUBLE PRECISION NOT NULL,
    CONSTRAINT fk_fairness_report_verdict_report_id FOREIGN KEY (report_id) REFERENCES fairness_report (id)
);

CREATE TABLE IF NOT EXISTS fairness_sign_off (
    id BIGINT NOT NULL,
    report_id BIGINT NOT NULL,
    model_version VARCHAR(200) NOT NULL,
    decision VARCHAR(20) NOT NULL,
    decision_comment VARCHAR(4000) NOT NULL,
    decided_by VARCHAR(200) NOT NULL,
    decided_at VARBINARY(1000000000) NOT NULL,
    CONSTRAINT fairness_sign_off_pkey PRIMARY KEY (id),
    CONSTRAINT fairness_sign_off_report UNIQUE (report_id)
);

CREATE TABLE IF NOT EXISTS fairness_outcome (
    id BIGINT NOT NULL,
    task_id VARCHAR(200) NOT NULL,
    patient_pseudonym VARCHAR(64) NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    follow_up_day INTEGER NOT NULL,
    recorded_by VARCHAR(200) NOT NULL,
    recorded_at VARBINARY(1000000000) NOT NULL,
    CONSTRAINT fairness_outcome_pkey PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS fairness_report_verdict_report ON fairness_report_verdict (report_id);
CREATE INDEX IF NOT EXISTS fairness_outcome_patient ON fairness_outcome (task_id, patient_pseudonym);
