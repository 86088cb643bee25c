-- A training job's lease: the server that runs it renews HEARTBEAT_MILLIS (epoch milliseconds) every 30 s; a QUEUED or
-- RUNNING job whose lease has not been renewed for 2 minutes lost its server and is marked FAILED by whichever server
-- notices first. Jobs from before this column have none and count as lost.
ALTER TABLE PREDICTION_TRAINING_JOB ADD COLUMN IF NOT EXISTS HEARTBEAT_MILLIS BIGINT;
