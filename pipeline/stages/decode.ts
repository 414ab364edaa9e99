/**
 * Decode bytes into text: BOM, then strict UTF-8, then GB18030.
 *
 * GB18030 is a superset of GBK and GB2312, the encodings Chinese government
 * sites and older Word conversions use; Node's full-ICU `TextDecoder` reads it
 * exactly. A truncated multi-byte sequence or bytes valid in neither encoding
 * fail with a clear reason instead of a record full of U+FFFD.
 */

/** Decoded text and the encoding used. */
export interface Decoded {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'
  /** Whether a byte order mark was present (and removed). */
  hasBom: boolean
}

/** Why bytes could not be decoded. */
export class DecodeError extends Error {
  override name = 'DecodeError'
}

const boms: ReadonlyArray<[Decoded['encoding'], number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]]
]

/** Decode `bytes`; throws `DecodeError` when no supported encoding reads them. */
export function decode(bytes: Uint8Array): Decoded {
  for (const [encoding, mark] of boms) {
    if (mark.every((byte, index) => bytes[index] === byte)) {
      return {text: strict(encoding, bytes.subarray(mark.length)), encoding, hasBom: true}
    }
  }
  try {
    return {text: strict('utf-8', bytes), encoding: 'utf-8', hasBom: false}
  } catch {
    // Not UTF-8: try GB18030 below.
  }
  try {
    return {text: strict('gb18030', bytes), encoding: 'gb18030', hasBom: false}
  } catch {
    throw new DecodeError(describeFailure(bytes))
  }
}

function strict(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes)
}

function describeFailure(bytes: Uint8Array): string {
  // A sequence cut off at the very end: valid once the last bytes are dropped.
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    try {
      strict('utf-8', bytes.subarray(0, bytes.length - cut))
      return 'truncated UTF-8 sequence at the end of the file (the last ' + cut + ' byte(s))'
    } catch {
      // Keep trying shorter prefixes.
    }
  }
  return 'bytes are neither valid UTF-8, UTF-16 (with BOM) nor GB18030'
}
