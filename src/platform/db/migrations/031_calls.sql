-- Call records: one row per call, written from the call events of the process that received them.
-- Only call facts live here (R-43): who, when, how long, how it ended, what it cost; never card or connector data.
CREATE TABLE calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  -- the PBX's own call id (SIP Call-ID); events name calls by it
  pbx_call_id text NOT NULL,
  adapter text NOT NULL DEFAULT '',
  direction text NOT NULL DEFAULT 'inbound' CHECK (direction IN ('inbound', 'outbound')),
  from_number text,
  to_number text,
  contact_id uuid,
  -- the person (users.id) ringing, talking or who placed the call
  agent_id uuid,
  rule_id uuid,
  rule_name text,
  tracking_number_id uuid,
  campaign_id uuid,
  lead_id uuid,
  task_id uuid,
  caller_id text,
  trunk_id uuid,
  started_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  ended_at timestamptz,
  outcome text CHECK (outcome IN ('answered', 'missed', 'abandoned', 'busy', 'no_answer', 'failed', 'rejected', 'voicemail', 'machine')),
  end_cause text,
  talk_seconds integer,
  duration_seconds integer,
  disposition text,
  recording_url text,
  cost numeric(12,4),
  currency text,
  -- live facts the outcome needs: who picked up (human/machine), on hold now, sent to voicemail by routing
  answered_by text CHECK (answered_by IN ('human', 'machine')),
  held boolean NOT NULL DEFAULT false,
  voicemail boolean NOT NULL DEFAULT false,
  UNIQUE (project_id, pbx_call_id)
);
CREATE INDEX calls_project_started_idx ON calls (project_id, started_at DESC);
CREATE INDEX calls_project_agent_idx ON calls (project_id, agent_id, started_at DESC);
CREATE INDEX calls_project_contact_idx ON calls (project_id, contact_id, started_at DESC);
CREATE INDEX calls_live_idx ON calls (project_id) WHERE ended_at IS NULL;
