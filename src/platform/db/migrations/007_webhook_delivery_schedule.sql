-- Webhook deliveries keep the event's own time (the body's `at`) and when the next retry is due,
-- so the delivery log can show the schedule; webhooks remember when they were last changed.
ALTER TABLE webhook_deliveries
  ADD COLUMN event_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE webhooks ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX webhook_deliveries_project_idx ON webhook_deliveries (project_id, created_at DESC);
