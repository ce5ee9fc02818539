import { useMemo, useState } from "react";
import type { Mapping, SheetMapping } from "../core/check/mapping";
import { errorText } from "../core/model/error-text";
import type { SheetLayout } from "../core/read/layout";
import type { RawValue } from "../core/model/cells";
import type { Language } from "./strings";

/** A picked file is known by its name and size: picked again, it keeps its column choices. */
export const fileKey = (f: File): string => `${f.name}|${f.size}`;

/** The column picker open on one file's sheet. */
export interface FileEditor {
  readonly file: File;
  readonly sheets: readonly string[];
  readonly sheet: string;
  /** What the last check understood, as it was when the picker opened (none after a stop). */
  readonly layout?: readonly SheetLayout[];
}

/** What the picker reads of a file: the chunk that carries the xlsx host (file-sheets.ts). */
export interface FileSheetsEngine {
  fileSheets(file: File): Promise<string[]>;
  previewFileSheet(file: File, sheet: string): Promise<RawValue[][]>;
}

/**
 * The user's column choices for picked files (kept in the page, never written into the files) and
 * the picker open on one of them: shared by file mode's check and the merge panel, which differ
 * only in what they run again once a choice is saved.
 */
export function useFileMappings(engine: () => Promise<FileSheetsEngine>, lang: Language) {
  const [mappings, setMappings] = useState<ReadonlyMap<string, Mapping>>(() => new Map());
  const [editor, setEditor] = useState<FileEditor | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const openEditor = async (
    file: File,
    sheet: string | undefined,
    layout?: readonly SheetLayout[],
  ) => {
    setNotice(null);
    try {
      const sheets = await (await engine()).fileSheets(file);
      const first = sheet !== undefined && sheets.includes(sheet) ? sheet : sheets[0];
      if (first !== undefined)
        setEditor({ file, sheets, sheet: first, ...(layout ? { layout } : {}) });
    } catch (error) {
      setNotice(errorText(error)[lang]);
    }
  };
  // Stable per file: the picker fetches the preview again only when the sheet changes.
  const editorFile = editor?.file;
  const loadPreview = useMemo(
    () => async (sheet: string) =>
      editorFile
        ? (await engine()).previewFileSheet(editorFile, sheet)
        : Promise.reject(new Error("no file")),
    [editorFile, engine],
  );
  /** Keeps a sheet's choice for the file, closes the picker and hands on the new choices. */
  const keep = (
    file: File,
    sheet: string,
    mapping: SheetMapping,
    then: (next: ReadonlyMap<string, Mapping>) => void,
  ) => {
    const next = new Map(mappings);
    next.set(fileKey(file), { ...mappings.get(fileKey(file)), [sheet]: mapping });
    setMappings(next);
    setEditor(null);
    then(next);
    return Promise.resolve();
  };
  const forget = (file: File) => {
    const next = new Map(mappings);
    next.delete(fileKey(file));
    setMappings(next);
  };
  const clear = () => {
    setMappings(new Map());
    setEditor(null);
  };
  return {
    mappings,
    editor,
    setEditor,
    notice,
    setNotice,
    openEditor,
    loadPreview,
    keep,
    forget,
    clear,
  };
}
