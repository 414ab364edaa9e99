/**
 * Find the input files: files, folders (walked) and globs, sorted, with the
 * common base their output paths are made relative to.
 *
 * Every entry of an input folder is accounted for: a document to read, or
 * passed over with its reason (hidden, temporary, a link not followed, not a
 * regular file, a folder already walked). Names are read as bytes, so a name
 * that is not UTF-8 is still read; it is shown with its odd bytes escaped
 * (`\xB9`). Folders are walked once each by their device and inode, so a
 * loop of links ends.
 */
import {Buffer, isUtf8} from 'node:buffer'
import {lstat, readdir, stat} from 'node:fs/promises'
import type {Dirent, Stats} from 'node:fs'
import path from 'node:path'
import fastGlob from 'fast-glob'

/** One input file. */
export interface InputFile {
  /** Absolute path as text (odd bytes of a non-UTF-8 name escaped). */
  path: string
  /** The path's bytes, when the name is not UTF-8 (read the file by these). */
  raw?: Buffer
  /** Named on the command line (not found in a folder). */
  named: boolean
  /** The document on standard input (`-`). */
  stdin?: boolean
}

/** Inputs found, those passed over (with a reason) and those that could not be used. */
export interface Inputs {
  files: InputFile[]
  base: string
  /** Entries of input folders that are not read, and why. */
  skipped: Array<{path: string; reason: string}>
  problems: Array<{path: string; reason: string}>
}

/** Options of the walk. */
export interface FindOptions {
  /** Folders whose content is ours (the output folder): left out. */
  exclude?: string[]
  followSymlinks?: boolean
}

/**
 * Expand `inputs`. Symbolic links are not followed out of the input folders
 * unless asked; followed or not, a loop cannot trap the walk.
 */
export async function findInputs(inputs: string[], options: FindOptions = {}): Promise<Inputs> {
  const found = new Map<string, InputFile>()
  const skipped: Inputs['skipped'] = []
  const problems: Inputs['problems'] = []
  const roots: string[] = []
  const exclude = new Set((options.exclude ?? []).map((folder) => path.resolve(folder)))
  const walked = new Set<string>()
  for (const input of inputs) {
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => error)
    if (info instanceof Error && info.code !== 'ENOENT') {
      problems.push({path: input, reason: info.code === 'ELOOP' ? 'symbolic link loop' : info.message})
      continue
    }
    if (!(info instanceof Error) && info.isDirectory()) {
      const folder = path.resolve(input)
      roots.push(folder)
      walked.add(inode(info))
      await walk(Buffer.from(folder), {found, skipped, exclude, walked, follow: Boolean(options.followSymlinks)})
    } else if (!(info instanceof Error)) {
      const file = path.resolve(input)
      roots.push(path.dirname(file))
      const odd = irregular(info)
      if (odd) skipped.push({path: file, reason: odd})
      else found.set(file, {path: file, named: true})
    } else {
      const matches = await fastGlob(input, {
        absolute: true,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
        suppressErrors: true
      })
      if (matches.length === 0) problems.push({path: input, reason: 'no such file, folder or matching glob'})
      for (const match of matches) {
        const file = path.resolve(match)
        found.set(file, {path: file, named: true})
        roots.push(path.dirname(file))
      }
    }
  }
  const base = commonBase(roots.length > 0 ? roots : [process.cwd()])
  // Note: the output folder is left out where the walk meets it inside an input folder; a file named by the user is read wherever it is.
  const files = [...found.values()].sort((a, b) => compare(a.path, b.path))
  const relative = (list: Inputs['problems']) =>
    list.map((item) => (path.isAbsolute(item.path) ? {...item, path: relativePath(base, item.path)} : item))
  return {files, base, skipped: relative(skipped).sort((a, b) => compare(a.path, b.path)), problems: relative(problems)}
}

interface Walk {
  found: Map<string, InputFile>
  skipped: Inputs['skipped']
  exclude: Set<string>
  walked: Set<string>
  follow: boolean
}

async function walk(folder: Buffer, state: Walk): Promise<void> {
  let entries: Array<Dirent<Buffer>>
  try {
    entries = await readdir(folder, {withFileTypes: true, encoding: 'buffer'})
  } catch (error) {
    state.skipped.push({
      path: shown(folder),
      reason: 'cannot read the folder (' + ((error as NodeJS.ErrnoException).code ?? 'error') + ')'
    })
    return
  }
  for (const entry of entries) {
    const raw = Buffer.concat([folder, Buffer.from(path.sep), entry.name])
    const name = shown(entry.name)
    const full = shown(raw)
    if (state.exclude.has(full)) continue
    if (name.startsWith('.')) {
      state.skipped.push({path: full, reason: entry.isDirectory() ? 'hidden folder' : 'hidden file'})
      continue
    }
    let kind: Dirent<Buffer> | Stats = entry
    if (entry.isSymbolicLink()) {
      if (!state.follow) {
        state.skipped.push({path: full, reason: 'symbolic link not followed (use --follow-symlinks)'})
        continue
      }
      const target = await stat(raw).catch(() => undefined)
      if (!target) {
        state.skipped.push({path: full, reason: 'symbolic link to nothing'})
        continue
      }
      kind = target
    }
    if (kind.isDirectory()) {
      const info = kind === entry ? await lstat(raw).catch(() => undefined) : (kind as Stats)
      if (!info) continue
      if (state.walked.has(inode(info))) {
        state.skipped.push({path: full, reason: 'folder already read (a loop of links)'})
        continue
      }
      state.walked.add(inode(info))
      await walk(raw, state)
      continue
    }
    const odd = irregular(kind)
    if (odd) state.skipped.push({path: full, reason: odd})
    else if (name.endsWith('.tmp')) state.skipped.push({path: full, reason: 'temporary file'})
    else state.found.set(full, isUtf8(raw) ? {path: full, named: false} : {path: full, raw, named: false})
  }
}

/** Why a file is not read, when it is not a regular file. */
export function irregular(
  info: Pick<Stats, 'isFile' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>
): string | undefined {
  if (info.isFile()) return undefined
  const kind = info.isFIFO()
    ? 'a named pipe (FIFO)'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : 'not a file'
  return 'not a regular file: ' + kind
}

function inode(info: Stats): string {
  return info.dev + ':' + info.ino
}

/** A name's bytes as text: UTF-8 as it is, other bytes escaped (`\xB9`). */
export function shown(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8')
  let text = ''
  for (let at = 0; at < bytes.length;) {
    const width = sequenceWidth(bytes, at)
    if (width > 0) {
      text += bytes.subarray(at, at + width).toString('utf8')
      at += width
    } else {
      text += '\\x' + bytes[at]!.toString(16).toUpperCase().padStart(2, '0')
      at++
    }
  }
  return text
}

/** The length of the valid UTF-8 sequence at `at`, or 0. */
function sequenceWidth(bytes: Buffer, at: number): number {
  const lead = bytes[at]!
  const width =
    lead < 0x80
      ? 1
      : lead >= 0xc2 && lead < 0xe0
        ? 2
        : lead >= 0xe0 && lead < 0xf0
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0
  return width > 0 && at + width <= bytes.length && isUtf8(bytes.subarray(at, at + width)) ? width : 0
}

/** `file` relative to `base`, with forward slashes. */
export function relativePath(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join('/')
}

/** Whether `file` lies inside `folder` (never `..`, never another root). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative.length > 0 && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function commonBase(folders: string[]): string {
  let base = folders[0]!
  for (const folder of folders.slice(1)) {
    while (!isInside(folder, base) && folder !== base) base = path.dirname(base)
  }
  return base
}
