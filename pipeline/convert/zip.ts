/**
 * Zip archives of converted formats (.docx, .ofd), opened with limits: too
 * many entries or too many bytes once decompressed (a zip bomb) fail with a
 * clear reason before any entry is read. The sizes an archive declares are
 * not trusted: each entry is inflated once through a stream that counts the
 * bytes it really gives and stops at the limit (a 1 MB file declaring 4 KB
 * and holding 1 GiB never fills the memory).
 */
import {createInflateRaw} from 'node:zlib'
import JSZip from 'jszip'
import {ConversionError} from './errors.js'

/** Limits against hostile archives. */
export interface ZipLimits {
  /** Most entries in the archive (default 5 000). */
  maxEntries: number
  /** Most bytes once decompressed (default 200 MB). */
  maxUncompressedBytes: number
}

export const defaultZipLimits: ZipLimits = {maxEntries: 5000, maxUncompressedBytes: 200 * 1024 * 1024}

interface ZipEntryData {
  name: string
  _data?: {uncompressedSize?: number; compressedContent?: Uint8Array; compression?: {magic?: string}}
}

/** Open the archive of a `format` (`.docx`, `.ofd`) within `limits`. */
export async function openZip(bytes: Uint8Array, format: string, limits: ZipLimits = defaultZipLimits): Promise<JSZip> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new ConversionError('not a valid ' + format + ' (the zip archive cannot be read)')
  }
  const entries = Object.values(zip.files)
  if (entries.length > limits.maxEntries)
    throw new ConversionError(format + ' has ' + entries.length + ' entries, above the limit of ' + limits.maxEntries)
  // Note: the sizes the archive declares, read before anything is inflated.
  const uncompressed = entries.reduce(
    (sum, entry) => sum + ((entry as unknown as ZipEntryData)._data?.uncompressedSize ?? 0),
    0
  )
  if (uncompressed > limits.maxUncompressedBytes)
    throw new ConversionError(
      format + ' decompresses to ' + uncompressed + ' bytes, above the limit of ' + limits.maxUncompressedBytes
    )
  let budget = limits.maxUncompressedBytes
  for (const entry of entries as unknown as ZipEntryData[]) {
    const data = entry._data
    if (!data?.compressedContent) continue
    const declared = data.uncompressedSize ?? 0
    const real =
      data.compression?.magic === '\x08\x00'
        ? await inflatedSize(data.compressedContent, Math.min(budget, declared) + 1)
        : data.compressedContent.length
    if (real > declared)
      throw new ConversionError(
        format +
          ' entry ' +
          entry.name +
          ' decompresses to more than the ' +
          declared +
          ' bytes its archive declares (a zip bomb?)'
      )
    budget -= real
  }
  return zip
}

/** The bytes raw DEFLATE `data` inflates to, counted up to `cap` (the count stops there). */
function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw()
    let size = 0
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size >= cap) {
        inflater.destroy()
        resolve(size)
      }
    })
    inflater.on('end', () => resolve(size))
    // Note: a corrupt stream is JSZip's to report when the entry is read.
    inflater.on('error', () => resolve(size))
    inflater.end(data)
  })
}
