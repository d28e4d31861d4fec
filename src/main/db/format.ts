// How a Reconciler workspace file identifies itself on disk.

/** `PRAGMA application_id` of every workspace: "RCXR" (ReConciler XeRo) in ASCII. */
export const APPLICATION_ID = 0x52435852;

/** The 16 bytes every SQLite 3 database file starts with. */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Size of the SQLite database header; application_id is the big-endian int32 at offset 68. */
export const SQLITE_HEADER_SIZE = 100;
export const APPLICATION_ID_OFFSET = 68;

/** Busy timeout for every connection, in milliseconds. */
export const BUSY_TIMEOUT_MS = 5000;

export const walPath = (path: string): string => `${path}-wal`;
export const shmPath = (path: string): string => `${path}-shm`;
