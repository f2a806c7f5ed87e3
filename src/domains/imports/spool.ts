import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { AppError } from '../../platform/errors.ts';

/** What an upload job is called in logs: `contact import`, with its id under `importId`. */
export interface JobLabel {
  what: string;
  idKey: string;
}

/**
 * Uploaded files worked on in the background (contact imports, campaign lead imports). The upload is
 * spooled to a temporary file first, so the request answers with the job's id at once; the file is
 * removed when the job ends, and `stop` lets running jobs finish before the database closes.
 */
export class SpooledJobs {
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly label: JobLabel,
    private readonly log: Logger,
  ) {}

  /**
   * Spools `file`, then `create`s the job's record and starts `work` on the spooled copy; returns the
   * record's id. A file cut off at the upload limit is refused (PAYLOAD_TOO_LARGE) before anything is created.
   */
  async start(file: Readable & { truncated?: boolean }, create: () => Promise<string>, work: (id: string, input: Readable) => Promise<unknown>): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-upload-'));
    const spooled = path.join(dir, 'upload.csv');
    let id: string;
    try {
      await pipeline(file, createWriteStream(spooled));
      if (file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than the upload limit (UPLOAD_LIMIT_BYTES)');
      id = await create();
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    const job = work(id, createReadStream(spooled))
      .catch((err) => this.log.error({ err, [this.label.idKey]: id }, `${this.label.what} failed`))
      .finally(() => rm(dir, { recursive: true, force: true }));
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
    return id;
  }

  /** Lets the jobs already started finish. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
