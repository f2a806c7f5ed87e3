-- Per-project telephony: which adapter serves the project, the hosted PBX's webhook URL and signing
-- secret (kept in clear because Switchboard signs every command with it; shown once on rotate), and
-- the built-in simulator's traffic settings.
CREATE TABLE telephony_settings (
  project_id uuid PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  adapter text NOT NULL CHECK (adapter IN ('sim', 'kamailio', 'webhook')),
  webhook_url text,
  webhook_secret text,
  sim jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
