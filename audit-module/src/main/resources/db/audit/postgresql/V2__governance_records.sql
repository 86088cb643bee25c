-- Version 2: security and governance events (kind GOVERNANCE) in the same chain. A governance record names an action
-- and a subject instead of a patient, task and model, so those columns become optional; the record's shape (which
-- columns a kind may fill) is checked by the chain verification, which covers them through the record's hash.
ALTER TABLE audit_record ALTER COLUMN patient_pseudonym DROP NOT NULL;
ALTER TABLE audit_record ALTER COLUMN task_id DROP NOT NULL;
ALTER TABLE audit_record ALTER COLUMN model_version DROP NOT NULL;
ALTER TABLE audit_record ALTER COLUMN model_sha256 DROP NOT NULL;
ALTER TABLE audit_record ADD COLUMN IF NOT EXISTS action character varying(32);
ALTER TABLE audit_record ADD COLUMN IF NOT EXISTS subject character varying(255);
