-- Version 7: searches with a time range page by (recorded time, sequence number), newest first; this index makes such
-- a page a backward walk from the range's end (or the cursor) that stops after one page, wherever the range lies. It
-- replaces the index on the recorded time alone (V1), which is its prefix. See the PostgreSQL script.
CREATE INDEX AUDIT_RECORD_RECORDED_AT_SEQ ON AUDIT_RECORD (RECORDED_AT_EPOCH_MICROS, SEQUENCE_NUMBER);
DROP INDEX IF EXISTS AUDIT_RECORD_RECORDED_AT;
