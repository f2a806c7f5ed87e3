import { describe, expect, it } from 'vitest';
import { absoluteUrl, renderTemplate, templatePlaceholders, templateProblem } from './template.ts';

describe('connector URL templates', () => {
  it('URL-encodes every value where it is inserted', () => {
    const r = renderTemplate('https://erp.example/api/orders?phone={{phone}}&c={{ contact.externalId }}', { phone: '+420 601/111', 'contact.externalId': 'A&B=1' });
    expect(r).toEqual({ ok: true, url: 'https://erp.example/api/orders?phone=%2B420%20601%2F111&c=A%26B%3D1' });
  });

  it('names what a call lacks instead of fetching a URL with holes', () => {
    expect(renderTemplate('https://erp.example/acc/{{account.externalId}}?p={{phone}}', { phone: '+420601111111', 'account.externalId': null })).toEqual({ ok: false, missing: ['account.externalId'] });
    expect(renderTemplate('https://erp.example/x?p={{phone}}', { phone: null })).toEqual({ ok: false, missing: ['phone'] });
  });

  it('reports unknown placeholders and bad URLs at save time', () => {
    expect(templatePlaceholders('{{phone}} {{contact.name}} {{phone}}')).toEqual({ used: ['phone'], unknown: ['contact.name'] });
    expect(templateProblem('https://x.example/{{contact.name}}')).toMatch(/unknown placeholder.*contact\.name/);
    expect(templateProblem('ftp://x.example/{{phone}}')).toMatch(/http/);
    expect(templateProblem('not a url {{phone}}')).toMatch(/valid URL/);
    expect(templateProblem('https://x.example/{{phone}}')).toBeNull();
    expect(templateProblem('/api/demo/backoffice/orders?phone={{phone}}')).toBeNull();
    expect(templateProblem('//evil.example/{{phone}}')).not.toBeNull();
  });

  it('sends path-only URLs to this server and leaves absolute ones alone', () => {
    expect(absoluteUrl('/api/demo/x', 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/api/demo/x');
    expect(absoluteUrl('https://erp.example/x', 'http://127.0.0.1:3000')).toBe('https://erp.example/x');
  });
});
