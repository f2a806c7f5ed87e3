-- SIP trunks with per-prefix price lists; outbound calls use the cheapest enabled trunk, the next on failure.
CREATE TABLE trunks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name text NOT NULL,
  -- lower first when two trunks cost the same
  priority integer NOT NULL DEFAULT 10,
  enabled boolean NOT NULL DEFAULT true,
  max_lines integer CHECK (max_lines IS NULL OR max_lines > 0),
  currency text NOT NULL DEFAULT 'CZK' CHECK (currency ~ '^[A-Z]{3}$'),
  -- billing increments in seconds: 60/60 bills whole minutes, 1/1 per second, 30/6 a 30 s minimum then 6 s steps
  first_increment integer NOT NULL DEFAULT 60 CHECK (first_increment > 0),
  next_increment integer NOT NULL DEFAULT 60 CHECK (next_increment > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX trunks_project_name_key ON trunks (project_id, lower(name));

CREATE TABLE trunk_prices (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  trunk_id uuid NOT NULL REFERENCES trunks(id) ON DELETE CASCADE,
  -- E.164 prefix ("+420", "+4206"); the longest matching prefix prices a call
  prefix text NOT NULL CHECK (prefix ~ '^\+[0-9]{1,15}$'),
  description text NOT NULL DEFAULT '',
  rate_per_minute numeric(12,6) NOT NULL CHECK (rate_per_minute >= 0),
  connection_fee numeric(12,6) NOT NULL DEFAULT 0 CHECK (connection_fee >= 0),
  PRIMARY KEY (trunk_id, prefix)
);
CREATE INDEX trunk_prices_project_idx ON trunk_prices (project_id);

-- A call keeps its cost when its trunk is deleted; only the link goes.
DO $$
BEGIN
  IF to_regclass('calls') IS NOT NULL THEN
    ALTER TABLE calls ADD CONSTRAINT calls_trunk_fkey FOREIGN KEY (trunk_id) REFERENCES trunks(id) ON DELETE SET NULL;
  END IF;
END $$;
