-- Dialer campaigns (preview, progressive, predictive, callback), their leads, every attempt, lead CSV imports
-- and do-not-call lists (project and organisation-wide).
CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('preview', 'progressive', 'predictive', 'callback')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'paused', 'stopped')),
  queue_id uuid REFERENCES queues(id) ON DELETE SET NULL,
  agent_ids uuid[] NOT NULL DEFAULT '{}',
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX campaigns_project_name_key ON campaigns (project_id, lower(name));
CREATE INDEX campaigns_running_idx ON campaigns (status) WHERE status = 'running';

CREATE TABLE leads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  phone text NOT NULL,
  name text NOT NULL DEFAULT '',
  external_id text,
  contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
  timezone text NOT NULL,
  value numeric(14,2) NOT NULL DEFAULT 0,
  details jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'ready'
    CHECK (status IN ('ready', 'dialling', 'retry', 'done', 'exhausted', 'dnc', 'moved', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  last_outcome text,
  next_attempt_at timestamptz,
  reserved_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
  reserved_until timestamptz,
  task_id uuid REFERENCES tasks(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- a number or an application is in a campaign once while it is still being worked
CREATE UNIQUE INDEX leads_open_phone_key ON leads (campaign_id, phone) WHERE status IN ('ready', 'dialling', 'retry');
CREATE UNIQUE INDEX leads_open_external_key ON leads (campaign_id, external_id) WHERE status IN ('ready', 'dialling', 'retry') AND external_id IS NOT NULL;
CREATE INDEX leads_dialable_idx ON leads (campaign_id, next_attempt_at) WHERE status IN ('ready', 'retry');
CREATE INDEX leads_campaign_status_idx ON leads (campaign_id, status);

-- every dial, its outcome and every skip (DNC, agent skip); the abandon windows are counted from here
CREATE TABLE lead_attempts (
  id bigserial PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
  phone text NOT NULL,
  at timestamptz NOT NULL,
  outcome text NOT NULL
    CHECK (outcome IN ('dialled', 'human', 'machine', 'busy', 'no_answer', 'failed', 'abandoned', 'dnc', 'skipped', 'callback')),
  call_id text,
  agent_id uuid
);
CREATE INDEX lead_attempts_campaign_at_idx ON lead_attempts (campaign_id, at);
CREATE INDEX lead_attempts_lead_idx ON lead_attempts (lead_id, at);
CREATE INDEX lead_attempts_abandoned_idx ON lead_attempts (project_id, phone, at) WHERE outcome = 'abandoned';

CREATE TABLE lead_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  file_name text NOT NULL DEFAULT '',
  rows_total integer NOT NULL DEFAULT 0,
  rows_imported integer NOT NULL DEFAULT 0,
  rows_failed integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  failure text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- scope 'project': one project's list; scope 'global': every project of the organisation
CREATE TABLE dnc_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('project', 'global')),
  phone text NOT NULL CHECK (phone ~ '^\+[0-9]{6,15}$'),
  reason text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX dnc_project_phone_key ON dnc_entries (project_id, phone) WHERE scope = 'project';
CREATE UNIQUE INDEX dnc_global_phone_key ON dnc_entries (organisation_id, phone) WHERE scope = 'global';
