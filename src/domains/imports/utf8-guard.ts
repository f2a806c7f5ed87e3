import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../platform/errors.ts';

/**
 * Decodes the upload as strict UTF-8 on the way to the CSV parser. The first invalid byte (a
 * Windows-1250 "č", say) fails the stream with CSV_ENCODING and the line it is on, so a file in
 * the wrong encoding is refused instead of being stored as mojibake. A leading BOM is dropped.
 */
export class Utf8Guard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private lines = 1;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.lines += countNewlines(text);
      done(null, text);
    } catch {
      done(this.encodingError(chunk));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(this.encodingError(Buffer.alloc(0)));
    }
  }

  private encodingError(chunk: Buffer): AppError {
    const lossy = chunk.toString('utf8');
    const bad = lossy.indexOf('\uFFFD');
    const line = this.lines + countNewlines(bad < 0 ? '' : lossy.slice(0, bad));
    return new AppError('CSV_ENCODING', `line ${line}: the file is not valid UTF-8; save it as UTF-8 (e.g. "CSV UTF-8" in Excel) and import again`, { line });
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
