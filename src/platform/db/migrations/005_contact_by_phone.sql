-- "Who is calling?" as one function call: PL/pgSQL keeps the inner statement's plan per connection,
-- so the hot lookup skips parsing and planning, and the contact arrives as one JSON value.
CREATE FUNCTION contact_by_phone(p_project uuid, p_phone text) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
  result json;
BEGIN
  SELECT json_build_object(
    'id', c.id, 'externalId', c.external_id, 'name', c.name,
    'account', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name, 'kind', a.kind) END,
    'phones', (SELECT coalesce(json_agg(json_build_object('number', p.phone, 'label', p.label) ORDER BY p.position), '[]')
               FROM contact_phones p WHERE p.contact_id = c.id),
    'emails', c.emails, 'ownerId', c.owner_id, 'city', c.city, 'region', c.region, 'timezone', c.timezone,
    'tags', c.tags, 'custom', c.custom, 'createdAt', c.created_at, 'updatedAt', c.updated_at)
  INTO result
  FROM contact_phones cp
  JOIN contacts c ON c.id = cp.contact_id
  LEFT JOIN accounts a ON a.id = c.account_id
  WHERE cp.project_id = p_project AND cp.phone = p_phone AND c.project_id = p_project;
  RETURN result;
END $$;
