import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verify } from '../../src/telephony/adapters/webhook/signature.ts';

export interface PbxCommand {
  command: string;
  callId?: string;
  commandId: string;
  projectId: string;
  [key: string]: unknown;
}

export interface PbxReceiver {
  url: string;
  commands: PbxCommand[];
  /** Commands that arrived with a signature that did not verify with the secret. */
  badSignatures: number;
  /** The answer to the next commands: status and JSON body (default 200 with a call id for originate/dial). */
  respond: (c: PbxCommand, index: number) => { status: number; body: unknown } | 'hang';
  close(): Promise<void>;
}

/** A hosted PBX's command endpoint on a loopback port: verifies each signed command and records it. */
export async function startPbxReceiver(secret: string): Promise<PbxReceiver> {
  const hanging: http.ServerResponse[] = [];
  const receiver: PbxReceiver = {
    url: '',
    commands: [],
    badSignatures: 0,
    respond: (c, i) => ({ status: 200, body: c.command === 'originate' || c.command === 'dial' ? { callId: `pbx-${i + 1}` } : { ok: true } }),
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (verify(secret, req.headers[SIGNATURE_HEADER] as string | undefined, body, Math.floor(Date.now() / 1000)) !== 'ok') receiver.badSignatures++;
      const c = JSON.parse(body) as PbxCommand;
      const index = receiver.commands.push(c) - 1;
      const answer = receiver.respond(c, index);
      if (answer === 'hang') return void hanging.push(res);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pbx`;
  return receiver;
}
