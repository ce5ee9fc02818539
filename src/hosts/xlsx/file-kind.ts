/**
 * What a file is, told by its bytes and never by its name: a register saved as CSV, an .ods or an
 * .xls renamed to .xlsx must be recognised whatever it is called, and told how to become an .xlsx.
 * Only the first few KB are looked at (and, for ZIPs, the central directory names zip-read.ts has
 * read already); the one exception is an OLE file, searched whole for its encryption stream.
 */

export type Separator = "," | ";" | "\t";

export type FileKind =
  /** 0 bytes. */
  | { readonly kind: "empty" }
  /** A ZIP package, to be told apart by its entry names (packageKind). */
  | { readonly kind: "zip" }
  /** An OLE compound file: Excel 97-2003. */
  | { readonly kind: "xls" }
  /** An OLE compound file holding an encrypted .xlsx (a password-protected workbook). */
  | { readonly kind: "encrypted" }
  | { readonly kind: "ods" }
  | { readonly kind: "xlsb" }
  /** CSV, TSV or plain text; `separator` is the one seen most in the first lines, if any. */
  | { readonly kind: "text"; readonly separator: Separator | undefined }
  /** A web page (often an "Excel" export of another program, named .xls), or an .mht archive. */
  | { readonly kind: "html" }
  /** Excel 2002/2003's "XML Spreadsheet 2003". */
  | { readonly kind: "xml-2003" }
  /** Any other XML. */
  | { readonly kind: "xml" }
  | { readonly kind: "pdf" }
  /** `format`: "PNG", "JPEG", … */
  | { readonly kind: "image"; readonly format: string }
  /** A compressed archive other than ZIP; `format`: "RAR", "7z", "gzip". */
  | { readonly kind: "archive"; readonly format: string }
  /** A word-processor or slides document; `format`: ".docx", ".pptx", ".odt", ".odp", ".rtf". */
  | { readonly kind: "document"; readonly format: string }
  /** A ZIP archive of files (not a package); `inside` names a spreadsheet in it, if there is one. */
  | { readonly kind: "zip-archive"; readonly inside: string | undefined }
  /** Anything else. */
  | { readonly kind: "binary" };

/** How much of a file the text checks look at. */
const SAMPLE = 4096;

function startsWith(b: Uint8Array, magic: readonly number[], at = 0): boolean {
  return b.length >= at + magic.length && magic.every((m, i) => b[at + i] === m);
}

const ascii = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0));

const u16 = (b: Uint8Array, p: number): number => b[p]! | (b[p + 1]! << 8);

/** Finds a byte pattern anywhere in `b`. */
function containsBytes(b: Uint8Array, pattern: Uint8Array): boolean {
  for (let i = b.indexOf(pattern[0]!); i >= 0 && i + pattern.length <= b.length;) {
    let j = 1;
    while (j < pattern.length && b[i + j] === pattern[j]) j++;
    if (j === pattern.length) return true;
    i = b.indexOf(pattern[0]!, i + 1);
  }
  return false;
}

/** Leading signatures of binary formats that are not spreadsheets. */
const SIGNATURES: ReadonlyArray<[readonly number[], FileKind]> = [
  // "%PDF-", every PDF.
  [ascii("%PDF"), { kind: "pdf" }],
  // PNG's 8-byte signature.
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], { kind: "image", format: "PNG" }],
  // JPEG: start of image then a marker.
  [[0xff, 0xd8, 0xff], { kind: "image", format: "JPEG" }],
  // "GIF87a" / "GIF89a".
  [ascii("GIF8"), { kind: "image", format: "GIF" }],
  // TIFF, little- and big-endian.
  [[0x49, 0x49, 0x2a, 0x00], { kind: "image", format: "TIFF" }],
  [[0x4d, 0x4d, 0x00, 0x2a], { kind: "image", format: "TIFF" }],
  // "Rar!" + 1A 07 (RAR 4 and 5).
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], { kind: "archive", format: "RAR" }],
  // "7z" + BC AF 27 1C.
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], { kind: "archive", format: "7z" }],
  // gzip's 1F 8B.
  [[0x1f, 0x8b], { kind: "archive", format: "gzip" }],
];

/** Signatures that need more than their first bytes. */
function otherBinary(b: Uint8Array): FileKind | undefined {
  // "RIFF" size "WEBP".
  if (startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8))
    return { kind: "image", format: "WebP" };
  // ISO media "ftyp" box with a HEIF brand: a phone's photo.
  if (startsWith(b, ascii("ftyp"), 4)) {
    const brand = String.fromCharCode(...b.subarray(8, 12));
    if (["heic", "heix", "heif", "mif1", "msf1"].includes(brand))
      return { kind: "image", format: "HEIC" };
  }
  // "BM" then reserved zero bytes at 6-9: a Windows bitmap (a text starting "BM" has none).
  if (startsWith(b, ascii("BM")) && startsWith(b, [0, 0, 0, 0], 6))
    return { kind: "image", format: "BMP" };
  return undefined;
}

/**
 * A ZIP's first local header: an OpenDocument file stores its "mimetype" entry first and
 * uncompressed, so the type can be read without the central directory.
 */
function zipKind(b: Uint8Array): FileKind {
  const nameLen = u16(b, 26);
  const name = String.fromCharCode(...b.subarray(30, 30 + nameLen));
  if (name !== "mimetype" || u16(b, 8) !== 0) return { kind: "zip" };
  const at = 30 + nameLen + u16(b, 28);
  const mime = String.fromCharCode(...b.subarray(at, at + Math.min(u16(b, 18), 80)));
  const odf = /^application\/vnd\.oasis\.opendocument\.([a-z-]+)/.exec(mime)?.[1];
  if (!odf) return { kind: "zip" };
  if (odf.startsWith("spreadsheet")) return { kind: "ods" };
  const format = odf.startsWith("text") ? ".odt" : odf.startsWith("presentation") ? ".odp" : ".odf";
  return { kind: "document", format };
}

/**
 * The first KB as text, or undefined when they are not text. UTF-8 and UTF-16 say so by their BOM;
 * without one, any NUL byte means binary, and the bytes are taken one by one (Latin-1 standing in
 * for Windows-1258, TCVN3 and UTF-8 alike: only the ASCII characters matter below).
 */
function textOf(b: Uint8Array): string | undefined {
  const head = b.subarray(0, SAMPLE);
  let text: string;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) text = new TextDecoder().decode(head.subarray(3));
  else if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    const label = head[0] === 0xff ? "utf-16le" : "utf-16be";
    text = new TextDecoder(label).decode(head.subarray(2, head.length & ~1));
  } else if (head.includes(0)) return undefined;
  else text = String.fromCharCode(...head);
  // Tab, line feed, form feed, carriage return and DOS's end-of-file mark are text; a few stray
  // control characters are forgiven, more are a binary file without NUL bytes.
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 26) || c === 0x7f) odd++;
    else if (c === 0xfffd && head[0] !== 0xef) odd++;
  }
  return odd * 100 > text.length ? undefined : text;
}

/** The separator seen most in the first lines, quoted fields left out. */
function separatorOf(text: string): Separator | undefined {
  const counts = new Map<Separator, number>([
    ["\t", 0],
    [";", 0],
    [",", 0],
  ]);
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 10; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\n") lines++;
    else if (!quoted && counts.has(ch as Separator))
      counts.set(ch as Separator, counts.get(ch as Separator)! + 1);
  }
  const [best, n] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  return n > 0 ? best : undefined;
}

/** Text that is a web page, an XML file or an RTF document rather than data. */
function markupKind(text: string): FileKind | undefined {
  const head = text.trimStart().slice(0, SAMPLE).toLowerCase();
  // Excel's "Single File Web Page" (.mht) is a MIME message holding the HTML.
  if (head.startsWith("mime-version:")) return { kind: "html" };
  if (head.startsWith("{\\rtf")) return { kind: "document", format: ".rtf" };
  if (!head.startsWith("<")) return undefined;
  // SpreadsheetML 2003: <?mso-application progid="Excel.Sheet"?> and/or its namespace.
  if (
    /progid\s*=\s*["']excel\.sheet["']/.test(head) ||
    head.includes("urn:schemas-microsoft-com:office:spreadsheet")
  )
    return { kind: "xml-2003" };
  // A web page: a whole one, or a bare table as some programs write their "Excel" export.
  if (/<(!doctype html|html|head|body|meta|table|tr|td|style)\b/.test(head))
    return { kind: "html" };
  return { kind: "xml" };
}

/** What the bytes are, from their first few KB. */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return { kind: "empty" };
  // "PK" 03 04: a ZIP's first local header; 05 06: an empty ZIP's end record; 07 08: a split one.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return bytes.length >= 30 ? zipKind(bytes) : { kind: "zip" };
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08]))
    return { kind: "zip" };
  // OLE compound file D0 CF 11 E0 A1 B1 1A E1: an encrypted .xlsx keeps its "EncryptionInfo"
  // stream (a UTF-16 name in the directory) in one; any other is most likely an Excel 97-2003 .xls.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const name = new Uint8Array([..."EncryptionInfo"].flatMap((ch) => [ch.charCodeAt(0), 0]));
    return containsBytes(bytes, name) ? { kind: "encrypted" } : { kind: "xls" };
  }
  const signed = SIGNATURES.find(([magic]) => startsWith(bytes, magic))?.[1] ?? otherBinary(bytes);
  if (signed) return signed;
  const text = textOf(bytes);
  if (text === undefined) return { kind: "binary" };
  return markupKind(text) ?? { kind: "text", separator: separatorOf(text) };
}

const SPREADSHEET_FILE = /\.(xlsx|xlsm|xls|xlsb|ods|csv)$/i;

/**
 * What a ZIP is, from its entry names; undefined for a package to be read as a workbook (one that
 * lacks its workbook part is told so by workbook-parts.ts, as a damaged or foreign package).
 */
export function packageKind(names: readonly string[]): FileKind | undefined {
  const has = new Set(names.map((n) => n.toLowerCase()));
  if (has.has("xl/workbook.xml")) return undefined;
  // Excel's binary workbook keeps the package layout with .bin parts.
  if (has.has("xl/workbook.bin")) return { kind: "xlsb" };
  // An OpenDocument package whose mimetype fileKind could not read (not first, or compressed).
  if (has.has("mimetype") || (has.has("content.xml") && has.has("meta-inf/manifest.xml")))
    return { kind: "ods" };
  if (has.has("word/document.xml")) return { kind: "document", format: ".docx" };
  if (has.has("ppt/presentation.xml")) return { kind: "document", format: ".pptx" };
  // No package parts at all: a ZIP archive someone made of the files (e-mailed registers).
  if (!has.has("[content_types].xml") && !has.has("_rels/.rels")) {
    const inside = names.find((n) => SPREADSHEET_FILE.test(n));
    return { kind: "zip-archive", inside: inside?.slice(inside.lastIndexOf("/") + 1) };
  }
  return undefined;
}
