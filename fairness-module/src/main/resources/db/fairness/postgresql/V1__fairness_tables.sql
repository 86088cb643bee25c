-- The fairness module's tables on PostgreSQL, version 1: stored bias reports with one row per disparity verdict,
-- sign-offs and recorded outcomes. Applied as a versioned migration (Flyway, history table fairness_schema_history) by
-- the OWNER of the database, never by the application's role: see docs/fairness-metrics.md, "Running on PostgreSQL".
-- Matches the JPA mapping of org.oncocds.fairness.entity (StoredReport, MetricVerdict, SignOff, PatientOutcome). Each
-- object is created only if missing, so a database whose fairness tables were made before migrations keeps them.
-- The times (java.time.Instant) are in the form EclipseLink 4 (Jakarta Persistence 3.1, which has no Instant type)
-- gives them: the serialized value, bytea.

CREATE SEQUENCE IF NOT EXISTS fairness_report_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE IF NOT EXISTS fairness_sign_off_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE IF NOT EXISTS fairness_outcome_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE IF NOT EXISTS fairness_report (
    id bigint NOT NULL,
    task_id character varying(200),
    model_version character varying(200) NOT NULL,
    model_sha256 character varying(64),
    report_version integer NOT NULL,
    source character varying(40) NOT NULL,
    input_sha256 character varying(64) NOT NULL,
    input_rows bigint NOT NULL,
    decision_threshold double precision NOT NULL,
    bootstrap_seed bigint NOT NULL,
    bootstrap_replicates integer NOT NULL,
    minimum_group_size integer NOT NULL,
    tolerances_json character varying(1000) NOT NULL,
    request_json text NOT NULL,
    report_json text NOT NULL,
    report_sha256 character varying(64) NOT NULL,
    stored_at bytea NOT NULL,
    stored_by character varying(200) NOT NULL,
    CONSTRAINT fairness_report_pkey PRIMARY KEY (id),
    CONSTRAINT fairness_report_version UNIQUE (model_version, report_version)
);

CREATE TABLE IF NOT EXISTS fairness_report_verdict (
    report_id bigint,
    position integer,
    grouping_name character varying(200) NOT NULL,
    group_name character varying(200),
    metric character varying(60) NOT NULL,
    verdict character varying(20) NOT NULL,
    estimate double precision,
    ci_lower double precision,
    ci_upper double precision,
    tolerance double precision NOT NULL,
    CONSTRAINT fk_fairness_report_verdict_report_id FOREIGN KEY (report_id) REFERENCES fairness_report (id)
);

CREATE TABLE IF NOT EXISTS fairness_sign_off (
    id bigint NOT NULL,
    report_id bigint NOT NULL,
    model_version character varying(200) NOT NULL,
    decision character varying(20) NOT NULL,
    decision_comment character varying(4000) NOT NULL,
    decided_by character varying(200) NOT NULL,
    decided_at bytea NOT NULL,
    CONSTRAINT fairness_sign_off_pkey PRIMARY KEY (id),
    CONSTRAINT fairness_sign_off_report UNIQUE (report_id)
);

CREATE TABLE IF NOT EXISTS fairness_outcome (
    id bigint NOT NULL,
    task_id character varying(200) NOT NULL,
    patient_pseudonym character varying(64) NOT NULL,
    outcome character varying(20) NOT NULL,
    follow_up_day integer NOT NULL,
    recorded_by character varying(200) NOT NULL,
    recorded_at bytea NOT NULL,
    CONSTRAINT fairness_outcome_pkey PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS fairness_report_verdict_report ON fairness_report_verdict (report_id);
CREATE INDEX IF NOT EXISTS fairness_outcome_patient ON fairness_outcome (task_id, patient_pseudonym);
