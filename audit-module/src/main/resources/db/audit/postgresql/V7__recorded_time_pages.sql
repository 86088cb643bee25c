-- Version 7: searches with a time range page by (recorded time, sequence number), newest first:
--   ... WHERE recorded_at_epoch_micros >= :from AND recorded_at_epoch_micros < :to AND <criteria>
--       [AND recorded_at_epoch_micros <= :cursorTime AND (recorded_at_epoch_micros < :cursorTime OR sequence_number < :cursorSeq)]
--   ORDER BY recorded_at_epoch_micros DESC, sequence_number DESC LIMIT :n
-- With this index the database walks the range backwards from its end (or the cursor) and stops after n matching rows,
-- instead of walking the sequence-number index back from the newest record to a range far in the past (640 ms at
-- 2,000,000 records, docs/benchmarks.md). It replaces the index on the recorded time alone (V1), which is its prefix.
CREATE INDEX audit_record_recorded_at_seq ON audit_record (recorded_at_epoch_micros, sequence_number);
DROP INDEX IF EXISTS audit_record_recorded_at;
