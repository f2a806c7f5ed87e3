/** The values a connector's URL template may use; each is URL-encoded where it is inserted. */
export const placeholders = ['phone', 'contact.id', 'contact.externalId', 'account.id', 'account.externalId', 'call.id'] as const;
export type Placeholder = (typeof placeholders)[number];
export type TemplateValues = Partial<Record<Placeholder, string | null>>;

const PATTERN = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The placeholders a template uses, and the ones it uses that do not exist (a typo shows at save time). */
export function templatePlaceholders(template: string): { used: Placeholder[]; unknown: string[] } {
  const used = new Set<Placeholder>();
  const unknown = new Set<string>();
  for (const m of template.matchAll(PATTERN)) {
    const name = m[1]!;
    if ((placeholders as readonly string[]).includes(name)) used.add(name as Placeholder);
    else unknown.add(name);
  }
  return { used: [...used], unknown: [...unknown] };
}

export type Rendered = { ok: true; url: string } | { ok: false; missing: Placeholder[] };

/**
 * The URL to fetch: every placeholder replaced by its URL-encoded value. A template that needs a
 * value this call does not have (no contact, an anonymous caller) is not fetched at all: the
 * back office would only answer with someone else's data or an error.
 */
export function renderTemplate(template: string, values: TemplateValues): Rendered {
  const missing = templatePlaceholders(template).used.filter((p) => !values[p]);
  if (missing.length) return { ok: false, missing };
  const url = template.replace(PATTERN, (_, name: string) => encodeURIComponent(values[name as Placeholder] ?? ''));
  return { ok: true, url };
}

/** A template with sample values must give an absolute http(s) URL (or a path on this server). */
export function templateProblem(template: string): string | null {
  const { unknown } = templatePlaceholders(template);
  if (unknown.length) return `unknown placeholder(s): ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${placeholders.map((p) => `{{${p}}}`).join(', ')}`;
  const sample = Object.fromEntries(placeholders.map((p) => [p, 'x'])) as TemplateValues;
  const rendered = renderTemplate(template, sample);
  if (!rendered.ok) return 'template cannot be rendered';
  if (rendered.url.startsWith('/') && !rendered.url.startsWith('//')) return null;
  try {
    const u = new URL(rendered.url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : 'must be an http:// or https:// URL';
  } catch {
    return 'not a valid URL';
  }
}

/** A path-only URL (`/api/demo/...`) calls this Switchboard itself; anything else is used as is. */
export function absoluteUrl(url: string, selfBase: string): string {
  return url.startsWith('/') ? `${selfBase}${url}` : url;
}
