-- Version 6: events that happened outside the application (e.g. a failed login at Keycloak) and are imported into the
-- chain as governance records, each exactly once: the external event's id is the primary key, so a second import of
-- the same event (a retry, a restart, another server polling the same source) cannot land twice. See the PostgreSQL
-- script. There is no version 5 on H2 (PostgreSQL's version 5 changed a trigger H2 does not have).
CREATE TABLE AUDIT_EXTERNAL_EVENT (
    EXTERNAL_EVENT_ID VARCHAR(255) NOT NULL,
    RECORD_ID BIGINT NOT NULL,
    OCCURRED_AT_EPOCH_MICROS BIGINT,
    CONSTRAINT AUDIT_EXTERNAL_EVENT_PKEY PRIMARY KEY (EXTERNAL_EVENT_ID),
    CONSTRAINT AUDIT_EXTERNAL_EVENT_RECORD_KEY UNIQUE (RECORD_ID),
    CONSTRAINT AUDIT_EXTERNAL_EVENT_RECORD_FKEY FOREIGN KEY (RECORD_ID) REFERENCES AUDIT_RECORD (ID)
);
