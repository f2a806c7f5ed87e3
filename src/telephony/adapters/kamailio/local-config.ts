/** The per-site values deploy/kamailio/kamailio.cfg reads from switchboard-local.cfg (see docs/telephony.md). */
export interface KamailioSite {
  /** Switchboard's base URL as Kamailio reaches it, e.g. http://10.0.0.5:3000 */
  switchboardUrl: string;
  /** The project's PBX token (POST /api/projects/:projectId/call-routing/pbx-token). */
  token: string;
  /** Extension rung when Switchboard does not answer in time. */
  fallbackExtension: string;
  /** Whole seconds Kamailio waits for the route answer (http_client counts in seconds). */
  timeoutSeconds?: number;
  trunkHost?: string;
  voicemailHost?: string;
  ringSeconds?: number;
  asyncWorkers?: number;
  sipChildren?: number;
}

const quoted = (v: string): string => {
  if (/["\\\n]/.test(v)) throw new Error(`value ${JSON.stringify(v)} cannot go into a Kamailio define`);
  return `"${v}"`;
};

/** The text of switchboard-local.cfg for a site: one #!define per value. */
export function kamailioLocalConfig(site: KamailioSite): string {
  const lines: Array<[string, string | undefined]> = [
    ['SB_URL', quoted(site.switchboardUrl.replace(/\/+$/, ''))],
    ['SB_TOKEN', quoted(site.token)],
    ['FALLBACK_USER', quoted(site.fallbackExtension)],
    ['SB_TIMEOUT', site.timeoutSeconds?.toString()],
    ['TRUNK_HOST', site.trunkHost && quoted(site.trunkHost)],
    ['VOICEMAIL_HOST', site.voicemailHost && quoted(site.voicemailHost)],
    ['RING_SECONDS', site.ringSeconds?.toString()],
    ['ASYNC_WORKERS', site.asyncWorkers?.toString()],
    ['SIP_CHILDREN', site.sipChildren?.toString()],
  ];
  return lines.filter(([, v]) => v !== undefined).map(([k, v]) => `#!define ${k} ${v}`).join('\n') + '\n';
}
