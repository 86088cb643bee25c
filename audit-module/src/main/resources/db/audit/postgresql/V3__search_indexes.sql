-- Version 3: indexes for the compliance officers' search. A search page is
--   ... WHERE <criteria> AND sequence_number < :cursor ORDER BY sequence_number DESC LIMIT :n
-- (keyset pagination). With an index on (<criterion column>, sequence_number) the database walks the matching index
-- entries backwards from the cursor and stops after n rows, so a page costs the same at any depth and table size.
-- Decision filters use the unique index on decides_record_id; time ranges use audit_record_recorded_at.
CREATE INDEX audit_record_actor_seq ON audit_record (actor_name, sequence_number);
CREATE INDEX audit_record_patient_seq ON audit_record (patient_pseudonym, sequence_number);
CREATE INDEX audit_record_task_seq ON audit_record (task_id, sequence_number);
CREATE INDEX audit_record_model_seq ON audit_record (model_version, sequence_number);
CREATE INDEX audit_record_kind_seq ON audit_record (kind, sequence_number);
CREATE INDEX audit_record_action_seq ON audit_record (action, sequence_number);
