/**
 * Zip archives made by hand for the tests, so that an entry can declare a
 * size other than its real one (a zip bomb), which no zip library writes.
 */
import {createDeflateRaw, deflateRawSync} from 'node:zlib'

/** One entry: its name, its bytes as stored (deflated), and the size the archive declares. */
export interface ZipEntry {
  name: string
  data: Buffer
  declaredSize: number
}

/** An entry of `text`, declaring its true size. */
export function textEntry(name: string, text: string): ZipEntry {
  const bytes = Buffer.from(text)
  return {name, data: deflateRawSync(bytes), declaredSize: bytes.length}
}

/** An entry that inflates to `size` zero bytes while the archive declares `declaredSize`. */
export async function zerosEntry(name: string, size: number, declaredSize: number): Promise<ZipEntry> {
  // Note: deflated a MiB at a time, so that making a 1 GiB bomb never holds it.
  const deflater = createDeflateRaw({level: 9})
  const parts: Buffer[] = []
  deflater.on('data', (part: Buffer) => parts.push(part))
  const done = new Promise((resolve) => deflater.on('end', resolve))
  const chunk = Buffer.alloc(1 << 20)
  for (let left = size; left > 0; left -= chunk.length) {
    if (!deflater.write(left >= chunk.length ? chunk : chunk.subarray(0, left)))
      await new Promise((resolve) => deflater.once('drain', resolve))
  }
  deflater.end()
  await done
  return {name, data: Buffer.concat(parts), declaredSize}
}

/** The bytes of a zip archive of `entries` (deflated, CRC left 0: readers that check it are not the point). */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    // Note: [offset, value] of the 32-bit then 16-bit fields of each header (PKWARE APPNOTE 4.3.7, 4.3.12).
    const local = header(
      30,
      [
        [0, 0x04034b50],
        [18, entry.data.length],
        [22, entry.declaredSize]
      ],
      [
        [4, 20],
        [8, 8],
        [26, name.length]
      ]
    )
    const central = header(
      46,
      [
        [0, 0x02014b50],
        [20, entry.data.length],
        [24, entry.declaredSize],
        [42, offset]
      ],
      [
        [4, 20],
        [6, 20],
        [10, 8],
        [28, name.length]
      ]
    )
    locals.push(local, name, entry.data)
    centrals.push(central, name)
    offset += local.length + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

function header(size: number, words: Array<[number, number]>, halves: Array<[number, number]>): Buffer {
  const bytes = Buffer.alloc(size)
  for (const [at, value] of words) bytes.writeUInt32LE(value, at)
  for (const [at, value] of halves) bytes.writeUInt16LE(value, at)
  return bytes
}
