/**
 * Find the input files: files, folders (walked) and globs, sorted, with the
 * common base their output paths are made relative to.
 */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import fastGlob from 'fast-glob'

/** Inputs found, and those that could not be used (with a reason). */
export interface Inputs {
  files: string[]
  base: string
  problems: Array<{path: string; reason: string}>
}

/**
 * Expand `inputs`; files under `exclude` (the output folder) are left out.
 *
 * Symbolic links are not followed out of the input folders, so a link loop
 * cannot trap the walk.
 */
export async function findInputs(inputs: string[], exclude: string, followSymlinks = false): Promise<Inputs> {
  const files = new Set<string>()
  const problems: Inputs['problems'] = []
  const roots: string[] = []
  for (const input of inputs) {
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => error)
    if (info instanceof Error && info.code !== 'ENOENT') {
      problems.push({path: input, reason: info.code === 'ELOOP' ? 'symbolic link loop' : info.message})
      continue
    }
    if (!(info instanceof Error) && info.isDirectory()) {
      roots.push(path.resolve(input))
      const found = await fastGlob('**/*', {cwd: input, absolute: true, onlyFiles: false, dot: false, followSymbolicLinks: followSymlinks, suppressErrors: true, objectMode: true})
      for (const entry of found) {
        if (entry.dirent.isFile()) files.add(path.resolve(entry.path))
        else if (entry.dirent.isSymbolicLink() && !followSymlinks) problems.push({path: entry.path, reason: 'symbolic link not followed (use --follow-symlinks)'})
      }
    } else if (!(info instanceof Error)) {
      roots.push(path.dirname(path.resolve(input)))
      files.add(path.resolve(input))
    } else {
      const found = await fastGlob(input, {absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true})
      if (found.length === 0) problems.push({path: input, reason: 'no such file, folder or matching glob'})
      for (const file of found) {
        files.add(path.resolve(file))
        roots.push(path.dirname(path.resolve(file)))
      }
    }
  }
  const outside = [...files].filter((file) => !isInside(file, exclude) && !file.endsWith('.tmp')).sort()
  const base = commonBase(roots.length > 0 ? roots : [process.cwd()])
  const relative = problems.map((problem) => (path.isAbsolute(problem.path) ? {...problem, path: path.relative(base, problem.path).split(path.sep).join('/')} : problem))
  return {files: outside, base, problems: relative}
}

/** Whether `file` lies inside `folder` (never `..`, never another root). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative.length > 0 && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function commonBase(folders: string[]): string {
  let base = folders[0]!
  for (const folder of folders.slice(1)) {
    while (!isInside(folder, base) && folder !== base) base = path.dirname(base)
  }
  return base
}

