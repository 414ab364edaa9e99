/**
 * Version of the record contract; a rename or removal bumps the major, an
 * addition the minor (1.1: source.format `doc` and `ofd`; 1.2: jurisdiction
 * level `zone`; 2.0: every quantified goal is a Target — origin `task`,
 * measure, approx, stretch; Deadline.targets replaces quantities; kind `report`;
 * Column.number an integer with its label; 2.1: OCR — source.format `image`,
 * source.ocr, Target.confidence).
 *
 * Its own module, free of zod, so that the engine and the workers can stamp
 * and compare it without loading the schema library (~150 ms at start).
 */
export const schemaVersion = '2.1'
