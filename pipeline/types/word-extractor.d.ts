/** Types for word-extractor 1 (the package ships none): the parts we call. */
declare module 'word-extractor' {
  interface BodyOptions {
    /** Whether to turn curly quotes and dashes into ASCII (true by default: we keep them). */
    filterUnicode?: boolean
  }
  interface TextboxOptions extends BodyOptions {
    includeHeadersAndFooters?: boolean
    includeBody?: boolean
  }
  class Document {
    getBody(options?: BodyOptions): string
    getTextboxes(options?: TextboxOptions): string
    getFootnotes(options?: BodyOptions): string
    getHeaders(options?: BodyOptions & {includeFooters?: boolean}): string
  }
  /** Reads .doc (Word 97–2003, OLE compound files) and .docx. */
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<Document>
  }
}
