/**
 * Write safety, one rule for every command: a path the tool writes is refused
 * when it is one of the run's inputs (or a link to one), or when it lies
 * outside the root it belongs to (`--out`, `--to`, `--dump-intermediate`).
 * Paths are compared as the file system resolves them: the folder through
 * its links, then the name, so `in/../in/a.txt` or a link to `in/` is seen
 * for what it is. Paths read from manifests and records are data and are
 * confined the same way (`confine`).
 */
import {realpathSync} from 'node:fs'
import path from 'node:path'
import {isInside} from './inputs.js'

/** A write the guard refuses: the message is one line. */
export class UnsafeWrite extends Error {
  override name = 'UnsafeWrite'
}

export class WriteGuard {
  readonly #inputs = new Set<string>()
  readonly #folders = new Map<string, string>()

  /** A guard for a run whose inputs are `inputs` (absolute or relative paths). */
  constructor(inputs: Iterable<string>) {
    for (const input of inputs) this.addInput(input)
  }

  /** One more file the run reads. */
  addInput(input: string): void {
    this.#inputs.add(this.#canonical(input))
    try {
      // Note: an input given as a link is also the file it names.
      this.#inputs.add(realpathSync.native(input))
    } catch {
      // Note: a file that does not exist cannot be overwritten.
    }
  }

  /** Why `target` may not be written (under `root`, when given), or undefined when it may. */
  refusal(target: string, root?: string): string | undefined {
    const canonical = this.#canonical(target)
    if (this.#inputs.has(canonical)) return 'refusing to write ' + target + ': it is an input of this run'
    if (root !== undefined && !isInside(canonical, this.#canonical(root)) && canonical !== this.#canonical(root)) {
      return 'refusing to write ' + target + ': outside ' + root
    }
    return undefined
  }

  /** Throw `UnsafeWrite` unless `target` may be written. */
  check(target: string, root?: string): string {
    const reason = this.refusal(target, root)
    if (reason) throw new UnsafeWrite(reason)
    return target
  }

  /**
   * `root` joined with `relative`, a path read from data (a manifest entry, a
   * record's source): undefined when it would leave `root`.
   */
  static confine(root: string, relative: string): string | undefined {
    if (path.isAbsolute(relative) || relative.includes('\0')) return undefined
    const joined = path.resolve(root, relative)
    return isInside(joined, path.resolve(root)) ? joined : undefined
  }

  /** The path as the file system resolves it: the nearest existing folder through its links, then the rest. */
  #canonical(file: string): string {
    const absolute = path.resolve(file)
    const folder = path.dirname(absolute)
    let real = this.#folders.get(folder)
    if (real === undefined) {
      real = resolveExisting(folder)
      this.#folders.set(folder, real)
    }
    return path.join(real, path.basename(absolute))
  }
}

/** `folder` with its nearest existing ancestor resolved through links. */
function resolveExisting(folder: string): string {
  const rest: string[] = []
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync.native(at), ...rest)
    } catch {
      if (path.dirname(at) === at) return folder
      rest.unshift(path.basename(at))
    }
  }
}
