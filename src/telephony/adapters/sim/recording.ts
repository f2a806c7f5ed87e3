import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../../platform/http/app.ts';

const RATE = 8000;
const SECONDS = 3;

/** Where the simulator's recording of a call is served (a short generated tone, the same for the same call). */
export function simRecordingUrl(publicUrl: string, callId: string): string {
  return `${publicUrl}/api/telephony/sim/recordings/${encodeURIComponent(callId)}.wav`;
}

/**
 * A 3-second 8 kHz mono 16-bit PCM WAV: two soft tones picked from the call id, so each simulated
 * call has its own playable "recording" and players, downloads and links can be tried for real.
 */
export function simRecording(callId: string): Buffer {
  const h = createHash('sha256').update(callId).digest();
  const f1 = 300 + (h[0]! % 200);
  const f2 = 500 + (h[1]! % 300);
  const samples = RATE * SECONDS;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(RATE, 24);
  wav.writeUInt32LE(RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / RATE;
    const f = Math.floor(t * 2) % 2 === 0 ? f1 : f2;
    const envelope = Math.min(1, t * 20, (SECONDS - t) * 20);
    wav.writeInt16LE(Math.round(Math.sin(2 * Math.PI * f * t) * 6000 * envelope), 44 + i * 2);
  }
  return wav;
}

/** Serves simulated recordings; public because they are synthetic tones that reveal nothing. */
export function simRoutes() {
  return (app: FastifyInstance) => {
    typed(app).get('/api/telephony/sim/recordings/:file', {
      config: { access: 'public' },
      schema: { tags: ['telephony'], summary: 'A simulated call recording (WAV)', params: z.object({ file: z.string().regex(/^[\w.-]{1,200}\.wav$/) }) },
    }, async (req, reply) => {
      const callId = decodeURIComponent(req.params.file.slice(0, -'.wav'.length));
      return reply.type('audio/wav').header('cache-control', 'public, max-age=86400').send(simRecording(callId));
    });
  };
}
