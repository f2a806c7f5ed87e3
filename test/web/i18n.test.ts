import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../web/src/i18n');
/** A language's texts: `<lang>.json` plus every `features/<namespace>.json` (one namespace, all languages). */
function load(lang: string): Record<string, unknown> {
  const texts = JSON.parse(readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, unknown>;
  for (const file of readdirSync(path.join(dir, 'features')).filter((f) => f.endsWith('.json'))) {
    const all = JSON.parse(readFileSync(path.join(dir, 'features', file), 'utf8')) as Record<string, unknown>;
    if (file.replace(/\.json$/, '') in texts) throw new Error(`features/${file} repeats a namespace of ${lang}.json`);
    texts[file.replace(/\.json$/, '')] = all[lang];
  }
  return texts;
}

/** Every leaf of a nested translation file as `a.b.c` -> text. */
function leaves(obj: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === 'object') for (const [kk, vv] of leaves(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(prefix + k, v);
  }
  return out;
}

/** Every `.ts`/`.tsx` file of the web app. */
function sources(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(path.join(root, f), 'utf8'));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('web translations', () => {
  const en = leaves(load('en'));

  it.each(['cs', 'ru', 'tr'])('%s has exactly the English keys, none empty, same placeholders', (lang) => {
    const other = leaves(load(lang));
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of other) {
      expect(typeof text === 'string' && text.trim().length > 0, `${lang}:${key} is empty`).toBe(true);
      expect(placeholders(String(text)), `${lang}:${key} placeholders`).toEqual(placeholders(String(en.get(key))));
    }
  });

  it('every key the web app uses literally exists in English', () => {
    const used = new Set<string>();
    for (const text of sources(path.resolve(dir, '..'))) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/i18nKey="([\w.]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !en.has(k))).toEqual([]);
  });

  it('English has no empty values', () => {
    for (const [key, text] of en) expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
  });
});
