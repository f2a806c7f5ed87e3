-- Static call tracking: advertised numbers mapped to the source and campaign that published them.
CREATE TABLE tracking_numbers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  number text NOT NULL,
  source text NOT NULL,
  campaign text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, number)
);

-- Calls attributed to a tracking number keep it: a number with calls cannot be deleted (its history would vanish).
DO $$
BEGIN
  IF to_regclass('calls') IS NOT NULL THEN
    ALTER TABLE calls ADD CONSTRAINT calls_tracking_number_fkey
      FOREIGN KEY (tracking_number_id) REFERENCES tracking_numbers(id) ON DELETE RESTRICT;
    CREATE INDEX IF NOT EXISTS calls_tracking_number_idx ON calls (project_id, tracking_number_id, started_at) WHERE tracking_number_id IS NOT NULL;
  END IF;
END $$;
