/** Types for html-encoding-sniffer 6 (the package ships none). */
declare module 'html-encoding-sniffer' {
  interface Options {
    xml?: boolean
    transportLayerEncodingLabel?: string
    defaultEncoding?: string
  }
  /** The canonical encoding name of an HTML byte stream, by the WHATWG sniffing algorithm. */
  export default function htmlEncodingSniffer(bytes: Uint8Array, options?: Options): string
}
