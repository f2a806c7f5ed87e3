-- Counterparties (accounts) and the people at them (contacts).
CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  external_id text,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('customer', 'supplier', 'partner', 'other')),
  owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
  city text,
  region text,
  timezone text,
  tags text[] NOT NULL DEFAULT '{}',
  custom jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_external_key ON accounts (project_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX accounts_project_name_idx ON accounts (project_id, lower(name));

CREATE TABLE contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  account_id uuid REFERENCES accounts(id) ON DELETE SET NULL,
  external_id text,
  name text NOT NULL,
  emails text[] NOT NULL DEFAULT '{}',
  owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
  city text,
  region text,
  timezone text,
  tags text[] NOT NULL DEFAULT '{}',
  custom jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contacts_external_key ON contacts (project_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX contacts_project_name_idx ON contacts (project_id, lower(name), id);
CREATE INDEX contacts_account_idx ON contacts (account_id);

-- Every number a contact can call from, in E.164. One number belongs to one contact per project,
-- so an incoming call identifies its caller with one exact, indexed lookup.
CREATE TABLE contact_phones (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  phone text NOT NULL,
  contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  label text NOT NULL DEFAULT 'main',
  position smallint NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, phone)
);
CREATE INDEX contact_phones_contact_idx ON contact_phones (contact_id);
