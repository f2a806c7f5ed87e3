/**
 * A server type as it arrives over JSON: every Date becomes its ISO string, at any depth. The web app
 * imports the server's view types with `import type` (erased from the bundle) and reads them through
 * this, so the two cannot drift apart unnoticed.
 */
export type Wire<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
