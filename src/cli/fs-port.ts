import * as fs from "node:fs";

/**
 * The file-system calls the command line's file handling makes, behind one small object, so that a
 * test can make one of them fail as the disk would (ENOSPC at byte N, EACCES in a folder that a
 * test running as root cannot make read-only with chmod) and see what the user is left with. The
 * product always uses the real `node:fs`.
 */
export interface FilePort {
  readonly openSync: typeof fs.openSync;
  /** `position`: where in the file to read from; by default, where the last read ended. */
  readonly readSync: (
    fd: number,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position?: number,
  ) => number;
  readonly writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  readonly fsyncSync: typeof fs.fsyncSync;
  readonly closeSync: typeof fs.closeSync;
  readonly fstatSync: (fd: number) => fs.Stats;
  readonly statSync: (path: string) => fs.Stats;
  readonly lstatSync: (path: string) => fs.Stats;
  readonly renameSync: typeof fs.renameSync;
  readonly linkSync: typeof fs.linkSync;
  readonly unlinkSync: typeof fs.unlinkSync;
  readonly copyFileSync: typeof fs.copyFileSync;
  readonly readdirSync: (path: string) => string[];
  /** Free space of the disk holding `path` (Node ≥ 18.15), or undefined where it cannot be told. */
  readonly freeBytes: (path: string) => number | undefined;
}

const REAL: FilePort = {
  openSync: fs.openSync,
  readSync: (fd, buffer, offset, length, position) =>
    fs.readSync(fd, buffer, offset, length, position ?? null),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  fstatSync: (fd) => fs.fstatSync(fd),
  statSync: (path) => fs.statSync(path),
  lstatSync: (path) => fs.lstatSync(path),
  renameSync: fs.renameSync,
  linkSync: fs.linkSync,
  unlinkSync: fs.unlinkSync,
  copyFileSync: fs.copyFileSync,
  readdirSync: (path) => fs.readdirSync(path),
  freeBytes: (path) => {
    if (typeof fs.statfsSync !== "function") return undefined;
    try {
      const s = fs.statfsSync(path);
      return s.bavail * s.bsize;
    } catch {
      return undefined;
    }
  },
};

let current: FilePort = REAL;

/** The calls in use: the real file system unless a test replaced some of them. */
export const filePort = (): FilePort => current;

/** For tests: replaces some calls until the returned function is called. */
export function replaceFilePort(overrides: Partial<FilePort>): () => void {
  const before = current;
  current = { ...before, ...overrides };
  return () => {
    current = before;
  };
}
