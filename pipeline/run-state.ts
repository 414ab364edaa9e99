/**
 * What a run keeps in its output folder besides the records, so that it can
 * be stopped at any moment and resumed:
 *
 * - `.zhengce.lock`: one run at a time (the pid of the run holding it; a
 *   lock whose process is gone is taken over);
 * - `manifest.journal`: an append-only log, one JSON line per finished input,
 *   written after the record's atomic rename and synced to disk about once a
 *   second in the background;
 *   a run killed with SIGKILL leaves it, and the next run reads it as if it
 *   were the manifest, so finished documents are not extracted again;
 * - `manifest.json`: the journal compacted, written atomically at the end,
 *   merged with the manifest of earlier runs into the same folder.
 */
import {closeSync, constants, fsync, openSync, readFileSync, rmSync, writeFileSync, writeSync} from 'node:fs'
import path from 'node:path'
import type {ManifestData, ManifestEntryData} from '../schemas/outputs.js'
import {schemaVersion} from '../schemas/version.js'
import {toolVersion} from './version.js'
import {describeWriteError, isRunning, utf8, writeAtomic} from './write.js'

/** One input in the manifest (its contract: `schemas/outputs.ts`, published as `schemas/json/manifest.schema.json`). */
export type ManifestEntry = ManifestEntryData

/** What a run wrote. */
export type Manifest = ManifestData

/** Names a run keeps in its output folder: no record may take them. */
export const manifestName = 'manifest.json'
export const journalName = 'manifest.journal'
export const lockName = '.zhengce.lock'

/** Why the output folder cannot be used: one line, exit 2. */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError'
}

/** Take the lock of `out`; throws `OutputFolderError` when another live run holds it or the folder cannot be written. */
export function lock(out: string): () => void {
  const file = path.join(out, lockName)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid) + '\n', {flag: 'wx'})
      return () => rmSync(file, {force: true})
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EEXIST')
        throw new OutputFolderError('cannot write to the output folder ' + out + ': ' + describeWriteError(error))
      const holder = Number.parseInt(safeRead(file), 10)
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new OutputFolderError(
          'another zhengce run (pid ' +
            holder +
            ') is writing to ' +
            out +
            '; wait for it to end (or remove ' +
            file +
            ' if it is gone)'
        )
      }
      // Note: the run that held it is gone (killed): its lock is stale.
      rmSync(file, {force: true})
    }
  }
  throw new OutputFolderError('cannot lock the output folder ' + out)
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

/**
 * The entries an earlier run left in `out` for inputs under `base`: its
 * manifest, then its journal (a run that was killed), later lines winning.
 */
export function readEarlier(
  out: string,
  base: string
): {entries: Map<string, ManifestEntry>; otherBase: string | undefined} {
  const entries = new Map<string, ManifestEntry>()
  let otherBase: string | undefined
  try {
    const manifest = JSON.parse(readFileSync(path.join(out, manifestName), 'utf8')) as Manifest
    if (manifest.schemaVersion === schemaVersion && manifest.tool === toolVersion) {
      if (manifest.base === base) for (const entry of manifest.entries) entries.set(entry.path, entry)
      else otherBase = manifest.base
    }
  } catch {
    // Note: no manifest, or one of another version: nothing to reuse.
  }
  let lines: string[] = []
  try {
    lines = readFileSync(path.join(out, journalName), 'utf8').split('\n')
  } catch {
    return {entries, otherBase}
  }
  let same = false
  for (const line of lines) {
    let value: {base?: string; tool?: string; schemaVersion?: string} & Partial<ManifestEntry>
    try {
      value = JSON.parse(line) as typeof value
    } catch {
      // Note: the last line of a killed run may be cut short.
      continue
    }
    if (value.base !== undefined)
      same = value.base === base && value.tool === toolVersion && value.schemaVersion === schemaVersion
    else if (same && value.path) entries.set(value.path, value as ManifestEntry)
  }
  return {entries, otherBase}
}

/** The append-only log of a run (see the module's comment). */
export class Journal {
  readonly #descriptor: number
  #lastSync = Date.now()
  #syncing = false
  #closed = false
  #released = false

  constructor(out: string, base: string) {
    this.#descriptor = openSync(
      path.join(out, journalName),
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT
    )
    this.#append({tool: toolVersion, schemaVersion, base})
  }

  /**
   * Log a finished input. Note: a kill loses nothing the kernel has, so the
   * line is written at once; the sync to disk (against a power cut) runs
   * about once a second in the background, never blocking the run: a
   * synchronous one waits for every record the workers wrote meanwhile.
   */
  add(entry: ManifestEntry): void {
    this.#append(entry)
    if (!this.#syncing && Date.now() - this.#lastSync > 1000) {
      this.#syncing = true
      this.#lastSync = Date.now()
      fsync(this.#descriptor, () => {
        this.#syncing = false
        if (this.#closed) this.#release()
      })
    }
  }

  /** Close the log; with `remove`, once the manifest holds it all. */
  close(out: string, remove: boolean): void {
    this.#closed = true
    if (!this.#syncing) this.#release()
    if (remove) rmSync(path.join(out, journalName), {force: true})
  }

  #release(): void {
    if (this.#released) return
    this.#released = true
    closeSync(this.#descriptor)
  }

  #append(value: object): void {
    const bytes = utf8(JSON.stringify(value) + '\n')
    for (let at = 0; at < bytes.length;) at += writeSync(this.#descriptor, bytes, at, bytes.length - at)
  }
}

/** Write the manifest: this run's entries over the earlier ones, sorted by path. */
export function writeManifest(
  out: string,
  base: string,
  earlier: Map<string, ManifestEntry>,
  entries: ManifestEntry[]
): Manifest {
  const all = new Map(earlier)
  for (const entry of entries) all.set(entry.path, entry)
  const sorted = [...all.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const manifest: Manifest = {tool: toolVersion, schemaVersion, base, entries: sorted}
  writeAtomic(path.join(out, manifestName), JSON.stringify(manifest, null, 2) + '\n')
  return manifest
}
