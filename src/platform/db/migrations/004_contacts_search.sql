-- Search filters on contacts and accounts, and why an import failed as a whole.
CREATE INDEX contacts_tags_idx ON contacts USING gin (tags);
CREATE INDEX contacts_emails_idx ON contacts USING gin (emails);
CREATE INDEX contacts_project_city_idx ON contacts (project_id, lower(city));
CREATE INDEX accounts_tags_idx ON accounts USING gin (tags);
CREATE INDEX accounts_project_city_idx ON accounts (project_id, lower(city));
CREATE INDEX accounts_project_kind_idx ON accounts (project_id, kind);

ALTER TABLE imports ADD COLUMN failure_code text;
ALTER TABLE imports ADD COLUMN failure_line int;
