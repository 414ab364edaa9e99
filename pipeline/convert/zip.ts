/**
 * Zip archives of converted formats (.docx, .ofd), opened with limits: too
 * many entries or too many bytes once decompressed (a zip bomb) fail with a
 * clear reason before any entry is read.
 */
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
  _data?: {uncompressedSize?: number}
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
  if (entries.length > limits.maxEntries) throw new ConversionError(format + ' has ' + entries.length + ' entries, above the limit of ' + limits.maxEntries)
  // Note: the sizes the archive declares, read before anything is inflated.
  const uncompressed = entries.reduce((sum, entry) => sum + ((entry as unknown as ZipEntryData)._data?.uncompressedSize ?? 0), 0)
  if (uncompressed > limits.maxUncompressedBytes) throw new ConversionError(format + ' decompresses to ' + uncompressed + ' bytes, above the limit of ' + limits.maxUncompressedBytes)
  return zip
}
