-- Outbound caller ID pools: the project's own numbers grouped by city/region, picked by the customer's location.
CREATE TABLE caller_id_pools (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name text NOT NULL,
  -- matching keys, compared without case, diacritics and district numbers ("Praha 4" = "praha")
  cities text[] NOT NULL DEFAULT '{}',
  regions text[] NOT NULL DEFAULT '{}',
  -- E.164 prefixes ("+4205") of the called numbers this pool is local for; longest prefix wins
  area_prefixes text[] NOT NULL DEFAULT '{}',
  -- E.164 numbers shown as caller ID, used in turn
  numbers text[] NOT NULL DEFAULT '{}',
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX caller_id_pools_project_name_key ON caller_id_pools (project_id, lower(name));
-- At most one fallback pool per project.
CREATE UNIQUE INDEX caller_id_pools_default_key ON caller_id_pools (project_id) WHERE is_default;
