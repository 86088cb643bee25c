-- What the application's database role may do with the audit trail on PostgreSQL. Run by the owner of the tables
-- after the migrations (db/audit/postgresql/V*.sql, applied by AuditSchemaMigration as the owner; docs/audit-trail.md),
-- and again after every migration that adds a table; replace oncocds_app with the role in oncocds.db.user if yours
-- differs.
-- Audit records: read and append only. No UPDATE, DELETE or TRUNCATE: the application cannot change or remove a
-- record, and neither can anyone who steals its credentials.
REVOKE ALL ON audit_record, audit_chain_head, audit_record_seq, audit_schema_history FROM PUBLIC;
GRANT SELECT, INSERT ON audit_record TO oncocds_app;
-- The chain head: created by migration V4, then locked (SELECT ... FOR UPDATE) and advanced by every append. Its
-- trigger lets it only move forward; no INSERT, no DELETE.
REVOKE INSERT ON audit_chain_head FROM oncocds_app;
GRANT SELECT ON audit_chain_head TO oncocds_app;
GRANT UPDATE (sequence_number, hash) ON audit_chain_head TO oncocds_app;
-- External events imported into the chain (migration V6): append only, like the records they point to.
REVOKE ALL ON audit_external_event FROM PUBLIC;
GRANT SELECT, INSERT ON audit_external_event TO oncocds_app;
-- Record ids.
GRANT USAGE, SELECT ON SEQUENCE audit_record_seq TO oncocds_app;
-- The migration history (Flyway): the application reads it at startup to check that the schema is at the version it
-- needs, and refuses to start otherwise; it cannot change it.
GRANT SELECT ON audit_schema_history TO oncocds_app;
