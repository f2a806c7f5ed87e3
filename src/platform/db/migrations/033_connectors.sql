-- Caller card connectors: back-office HTTP JSON sources fetched while a call rings (R-12, R-41).
-- Only their configuration lives here; what they return is kept in memory for the call's life (R-43).
CREATE TABLE connectors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name text NOT NULL,
  url_template text NOT NULL,
  -- Sent as `<auth_header>: <auth_value>`; the value is write-only in the API.
  auth_header text,
  auth_value text,
  deadline_ms integer NOT NULL DEFAULT 1500 CHECK (deadline_ms BETWEEN 50 AND 10000),
  cache_ttl_seconds integer NOT NULL DEFAULT 0 CHECK (cache_ttl_seconds BETWEEN 0 AND 600),
  enabled boolean NOT NULL DEFAULT true,
  display text NOT NULL DEFAULT 'fields' CHECK (display IN ('fields', 'table')),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX connectors_project_name_key ON connectors (project_id, lower(name));
