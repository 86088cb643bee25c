-- Version 4: the chain head exists from the start (sequence 0, the genesis hash), so concurrent first appends on an
-- empty chain all lock the same row instead of racing to insert it (seen under load: a primary-key violation failed
-- all but one of the first requests). A database that already has its head keeps it.
INSERT INTO audit_chain_head (id, sequence_number, hash)
SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000' WHERE NOT EXISTS (SELECT 1 FROM audit_chain_head WHERE id = 1);
