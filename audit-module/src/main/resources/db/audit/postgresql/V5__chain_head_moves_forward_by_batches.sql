-- Version 5: the group-commit writer appends a batch of records in one transaction and moves the chain head over all
-- of them with one UPDATE, so the head may move forward by more than one record at a time. It still never moves back
-- (which would cut off the newest records) and keeps its single row; a head moved beyond the last record is reported
-- by the chain verification.
CREATE OR REPLACE FUNCTION audit_chain_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.sequence_number <= OLD.sequence_number THEN
        RAISE EXCEPTION 'the audit chain head only moves forward (from % to %)',
            OLD.sequence_number, NEW.sequence_number;
    END IF;
    RETURN NEW;
END
$$;
