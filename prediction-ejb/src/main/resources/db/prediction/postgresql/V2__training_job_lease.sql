-- A training job's lease: the server that runs it renews heartbeat_millis (epoch milliseconds) every 30 s; a QUEUED or
-- RUNNING job whose lease has not been renewed for 2 minutes lost its server and is marked FAILED by whichever server
-- notices first. Jobs from before this column have none and count as lost.
ALTER TABLE prediction_training_job ADD COLUMN IF NOT EXISTS heartbeat_millis bigint;
