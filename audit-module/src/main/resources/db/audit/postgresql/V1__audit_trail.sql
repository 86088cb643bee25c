-- The audit trail's schema on PostgreSQL, version 1. Applied as a versioned migration (Flyway, history table
-- audit_schema_history) by the OWNER of the database, never by the application's role: see docs/audit-trail.md.
-- Matches the JPA mapping of org.oncocds.audit.entity.AuditRecord and ChainHead.

CREATE TABLE audit_record (
    id bigint NOT NULL,
    sequence_number bigint NOT NULL,
    previous_hash character varying(64) NOT NULL,
    hash character varying(64) NOT NULL,
    seal character varying(64) NOT NULL,
    recorded_at_epoch_micros bigint NOT NULL,
    kind character varying(32) NOT NULL,
    actor_name character varying(255) NOT NULL,
    actor_roles character varying(255) NOT NULL,
    patient_pseudonym character varying(64) NOT NULL,
    task_id character varying(128) NOT NULL,
    model_version character varying(128) NOT NULL,
    model_sha256 character varying(64) NOT NULL,
    inputs_json text NOT NULL,
    outputs_json text NOT NULL,
    request_id character varying(128) NOT NULL,
    decides_record_id bigint,
    decision character varying(32),
    chosen_option character varying(128),
    decision_reason character varying(2000),
    CONSTRAINT audit_record_pkey PRIMARY KEY (id),
    CONSTRAINT audit_record_sequence_number UNIQUE (sequence_number),
    CONSTRAINT audit_record_decides_record_id_key UNIQUE (decides_record_id)
);

CREATE INDEX audit_record_recorded_at ON audit_record (recorded_at_epoch_micros);

-- EclipseLink takes ids in blocks of 50 (allocationSize = 50), so the sequence steps by 50.
CREATE SEQUENCE audit_record_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_chain_head (
    id integer NOT NULL,
    sequence_number bigint NOT NULL,
    hash character varying(64) NOT NULL,
    CONSTRAINT audit_chain_head_pkey PRIMARY KEY (id)
);

-- The chain head moves forward one record at a time and never back: even a role allowed to update it cannot cut the
-- chain's tail off by resetting the head.
CREATE FUNCTION audit_chain_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.sequence_number <> OLD.sequence_number + 1 THEN
        RAISE EXCEPTION 'the audit chain head only moves forward, one record at a time (from % to %)',
            OLD.sequence_number, NEW.sequence_number;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_chain_head_moves_forward BEFORE UPDATE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_moves_forward();
