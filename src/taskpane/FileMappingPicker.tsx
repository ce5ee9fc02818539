import { Suspense } from "react";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { Mapping } from "../core/check/mapping";
import { MappingEditor } from "./excel/lazy-parts";
import type { Language, Strings } from "./strings";
import { fileKey, useFileMappings } from "./use-file-mappings";

export interface FileMappingPickerProps {
  readonly picker: ReturnType<typeof useFileMappings>;
  readonly text: Strings;
  readonly lang: Language;
  /** A check or a merge is running: saving waits for it. */
  readonly busy: boolean;
  readonly intro: string;
  readonly saveLabel: string;
  /** The picker's heading for a file's sheet; the picker's own without it. */
  readonly heading?: (file: File, sheet: string) => string;
  /** What runs again once a sheet's choice is saved, with the choices for every file. */
  readonly onSaved: (file: File, next: ReadonlyMap<string, Mapping>) => void;
}

/**
 * The column picker over a picked file, and the notice when the file cannot be opened for it:
 * the same in file mode's check and in the merge panel, which differ in their words and in what
 * they run again.
 */
export function FileMappingPicker(props: FileMappingPickerProps) {
  const { picker, text, lang, busy, intro, saveLabel, heading, onSaved } = props;
  const { editor, notice, mappings, loadPreview, setEditor } = picker;
  return (
    <>
      {notice !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {editor && (
        <Suspense fallback={<Spinner size="tiny" label={text.loading} />}>
          <MappingEditor
            key={`${fileKey(editor.file)}|${editor.sheet}`}
            text={text}
            lang={lang}
            sheets={editor.sheets}
            sheet={editor.sheet}
            layout={editor.layout ?? []}
            stored={mappings.get(fileKey(editor.file)) ?? {}}
            loadPreview={loadPreview}
            {...(heading ? { heading: (sheet: string) => heading(editor.file, sheet) } : {})}
            intro={intro}
            saveLabel={saveLabel}
            busy={busy}
            onClose={() => setEditor(null)}
            onSave={(sheet, mapping) =>
              picker.keep(editor.file, sheet, mapping, (next) => onSaved(editor.file, next))
            }
          />
        </Suspense>
      )}
    </>
  );
}
