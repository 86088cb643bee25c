-- Version 6: events that happened outside the application (e.g. a failed login at Keycloak) and are imported into the
-- chain as governance records, each exactly once. The external event's id (e.g. "keycloak-event:<id>") is the primary
-- key: the import checks it under the chain head's lock, and should two transactions still try to record one event,
-- the second fails at its insert instead of landing twice. OCCURRED_AT is the source's own time of the event (where the
-- importer resumes); the governance record itself repeats the id and time in its sealed details, this table only keeps
-- imports unique. The application's role may SELECT and INSERT it (app-role-grants.sql).
CREATE TABLE audit_external_event (
    external_event_id character varying(255) NOT NULL,
    record_id bigint NOT NULL,
    occurred_at_epoch_micros bigint,
    CONSTRAINT audit_external_event_pkey PRIMARY KEY (external_event_id),
    CONSTRAINT audit_external_event_record_key UNIQUE (record_id),
    CONSTRAINT audit_external_event_record_fkey FOREIGN KEY (record_id) REFERENCES audit_record (id)
);
