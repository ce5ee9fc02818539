import { useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { localIsoDay } from "../../core/model/dates";
import { errorText } from "../../core/model/error-text";
import { SETTINGS_SCHEMA, Settings, numberSpec } from "../../core/model/settings";
import { AgeLineField } from "../AgeLineField";
import type { Language, Strings } from "../strings";
import { FORM_SETTINGS, SettingsForm, formOf, storedOf } from "./settings-form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Status =
  | { readonly kind: "editing" }
  | { readonly kind: "saved" }
  | { readonly kind: "error"; readonly text: { readonly vi: string; readonly en: string } };

export interface SettingsPanelProps {
  readonly text: Strings;
  readonly lang: Language;
  readonly stored: Readonly<Partial<Settings>>;
  readonly disabled: boolean;
  /** Stores the settings in the document; rejects with the reason it could not. */
  readonly onSave: (settings: Partial<Settings>) => Promise<void>;
}

/** The thresholds, the reference date and the age line, stored in the workbook on "save". */
export function SettingsPanel({ text, lang, stored, disabled, onSave }: SettingsPanelProps) {
  const styles = useStyles();
  const [form, setForm] = useState<SettingsForm>(() => formOf(stored));
  const [status, setStatus] = useState<Status>({ kind: "editing" });
  const edit = (next: SettingsForm) => {
    setForm(next);
    setStatus({ kind: "editing" });
  };
  const save = async () => {
    try {
      await onSave(storedOf(form));
      setStatus({ kind: "saved" });
    } catch (error) {
      setStatus({ kind: "error", text: errorText(error) });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="ishc-settings-heading">
      <Subtitle2 as="h2" id="ishc-settings-heading">
        {text.settingsHeading}
      </Subtitle2>
      <Caption1 as="p">{text.settingsStoredHint}</Caption1>
      <div className={styles.grid}>
        <Field label={text.asOf} hint={SETTINGS_SCHEMA.asOf.help[lang]}>
          <Input
            type="date"
            value={form.asOf}
            disabled={disabled || form.asOf === ""}
            onChange={(_, data) => edit({ ...form, asOf: data.value })}
          />
        </Field>
        <Checkbox
          label={text.asOfToday}
          checked={form.asOf === ""}
          disabled={disabled}
          onChange={(_, data) =>
            edit({ ...form, asOf: data.checked ? "" : localIsoDay(new Date()) })
          }
        />
        <AgeLineField
          text={text}
          hint={SETTINGS_SCHEMA.ageLine.help[lang]}
          value={Number(form.ageLine)}
          disabled={disabled}
          onChange={(age) => edit({ ...form, ageLine: String(age) })}
        />
        {FORM_SETTINGS.map((key) => {
          const spec = numberSpec(key);
          return (
            <Field
              key={key}
              label={spec.kind === "share" ? `${spec.label[lang]} (%)` : spec.label[lang]}
              hint={
                spec.kind === "share" ? `${spec.help[lang]} ${text.percentHint}` : spec.help[lang]
              }
            >
              {/* Text, not type="number": a number input drops "3,5", the decimal comma
                  Vietnamese users type; storedOf reads both and the save says what is wrong. */}
              <Input
                type="text"
                inputMode="decimal"
                value={form.values[key]}
                disabled={disabled}
                data-setting={key}
                onChange={(_, data) =>
                  edit({ ...form, values: { ...form.values, [key]: data.value } })
                }
              />
            </Field>
          );
        })}
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled} onClick={() => void save()}>
          {text.saveSettings}
        </Button>
        <Button disabled={disabled} onClick={() => edit(formOf({}))}>
          {text.resetSettings}
        </Button>
      </div>
      {status.kind === "saved" && (
        <MessageBar intent="success">
          <MessageBarBody>{text.settingsSaved}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{status.text[lang]}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
