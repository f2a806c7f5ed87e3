-- Inbound call routing: per-project settings, call groups (departments), ordered rules and agents' extensions.
CREATE TABLE call_routing_settings (
  project_id uuid PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  timezone text NOT NULL,
  holiday_country text,
  closed_days text[] NOT NULL DEFAULT '{}',
  business_hours jsonb,
  fallback jsonb NOT NULL,
  ring_seconds integer NOT NULL DEFAULT 20 CHECK (ring_seconds BETWEEN 5 AND 120),
  -- The PBX's credential for this project (X-Switchboard-Token), stored as SHA-256 only.
  pbx_token_hash text UNIQUE,
  pbx_token_prefix text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE call_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name text NOT NULL,
  -- user ids in ring order
  members uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX call_groups_project_name_key ON call_groups (project_id, lower(name));

CREATE TABLE routing_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL DEFAULT '{}',
  action jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX routing_rules_project_idx ON routing_rules (project_id, position);

CREATE TABLE agent_extensions (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  extension text NOT NULL,
  PRIMARY KEY (project_id, user_id),
  UNIQUE (project_id, extension)
);
