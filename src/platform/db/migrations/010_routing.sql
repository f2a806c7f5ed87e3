-- Work routing: queues, tasks, agents and their presence, offers with decision traces.
CREATE TABLE queues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name text NOT NULL,
  vertical text NOT NULL DEFAULT '',
  task_type text NOT NULL DEFAULT '',
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX queues_project_name_key ON queues (project_id, lower(name));

CREATE TABLE agents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  state text NOT NULL DEFAULT 'offline' CHECK (state IN ('offline', 'available', 'reserved', 'busy', 'wrap_up', 'break')),
  state_reason text,
  state_since timestamptz NOT NULL DEFAULT now(),
  wrap_up_until timestamptz,
  current_task_id uuid,
  skills jsonb NOT NULL DEFAULT '{}',
  score_cap double precision CHECK (score_cap IS NULL OR score_cap >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, user_id)
);
-- Exactly one active task per agent, enforced by the database as well as by the engine.
CREATE UNIQUE INDEX agents_current_task_key ON agents (current_task_id) WHERE current_task_id IS NOT NULL;

CREATE TABLE agent_state_changes (
  id bigserial PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  from_state text NOT NULL,
  to_state text NOT NULL,
  reason text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_state_changes_agent_idx ON agent_state_changes (agent_id, at);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  queue_id uuid NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'offered', 'accepted', 'wrap_up', 'done', 'expired', 'cancelled')),
  external_id text,
  title text NOT NULL DEFAULT '',
  phones text[] NOT NULL DEFAULT '{}',
  value double precision NOT NULL DEFAULT 0 CHECK (value >= 0),
  due_at timestamptz,
  scheduled_at timestamptz,
  eligible_at timestamptz,
  expires_at timestamptz,
  owner_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
  agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
  offer_id uuid,
  required_skills jsonb NOT NULL DEFAULT '{}',
  details jsonb NOT NULL DEFAULT '{}',
  contact_id uuid,
  disposition text,
  notes text,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX tasks_open_idx ON tasks (project_id, queue_id) WHERE status IN ('queued', 'offered', 'accepted', 'wrap_up');
CREATE INDEX tasks_project_created_idx ON tasks (project_id, created_at DESC);
CREATE UNIQUE INDEX tasks_external_key ON tasks (project_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE task_offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  offered_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'accepted', 'declined', 'timed_out', 'withdrawn')),
  decided_at timestamptz,
  trace jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX task_offers_task_idx ON task_offers (task_id, offered_at);
CREATE INDEX task_offers_pending_idx ON task_offers (project_id) WHERE outcome = 'pending';
