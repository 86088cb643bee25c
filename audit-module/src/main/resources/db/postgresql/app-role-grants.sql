-- What the application's database role may do with the audit trail on PostgreSQL. Run by the owner of the tables
-- after V1__audit_trail.sql; replace oncocds_app with the role in oncocds.db.user if yours differs.
-- Audit records: read and append only. No UPDATE, DELETE or TRUNCATE: the application cannot change or remove a
-- record, and neither can anyone who steals its credentials.
REVOKE ALL ON audit_record, audit_chain_head, audit_record_seq FROM PUBLIC;
GRANT SELECT, INSERT ON audit_record TO oncocds_app;
-- The chain head: created by the first append, then locked (SELECT ... FOR UPDATE) and advanced by every append.
-- Its trigger lets it only move forward; no DELETE.
GRANT SELECT, INSERT ON audit_chain_head TO oncocds_app;
GRANT UPDATE (sequence_number, hash) ON audit_chain_head TO oncocds_app;
-- Record ids.
GRANT USAGE, SELECT ON SEQUENCE audit_record_seq TO oncocds_app;
