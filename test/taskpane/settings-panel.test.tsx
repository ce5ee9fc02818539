/** @jest-environment jsdom */
/**
 * The settings form as the pane renders it: one field a schema entry shown in the pane, labelled
 * and explained by the schema in the pane's language; what it saves is what differs from the
 * defaults, with the settings it does not show carried along.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Settings, SETTINGS_SCHEMA, numberSpec } from "../../src/core/model/settings";
import { SettingsPanel } from "../../src/taskpane/excel/SettingsPanel";
import { FORM_SETTINGS } from "../../src/taskpane/excel/settings-form";
import { Language, strings } from "../../src/taskpane/strings";

// jsdom has no ResizeObserver; Fluent's message bar asks for one (as in pane-env.tsx).
if (!("ResizeObserver" in window))
  Object.assign(window, {
    ResizeObserver: class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  });

function renderPanel(lang: Language, stored: Partial<Settings> = {}) {
  const saved: Partial<Settings>[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsPanel
        text={strings[lang]}
        lang={lang}
        stored={stored}
        disabled={false}
        onSave={async (s) => void saved.push(s)}
      />
    </FluentProvider>,
  );
  return saved;
}

const labelOf = (key: (typeof FORM_SETTINGS)[number], lang: Language): string => {
  const spec = numberSpec(key);
  return spec.kind === "share" ? `${spec.label[lang]} (%)` : spec.label[lang];
};

/** The text of the elements that describe a field (its hint). */
const description = (field: HTMLElement): string =>
  (field.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");

describe.each<Language>(["vi", "en"])("the settings form (%s)", (lang) => {
  test("has a field for each schema setting shown in the pane, with its label and help", () => {
    renderPanel(lang);
    expect(
      [...document.querySelectorAll("input[data-setting]")].map((i) =>
        i.getAttribute("data-setting"),
      ),
    ).toEqual(FORM_SETTINGS);
    for (const key of FORM_SETTINGS) {
      const field = screen.getByLabelText(labelOf(key, lang));
      expect(field.getAttribute("data-setting")).toBe(key);
      expect(description(field)).toContain(numberSpec(key).help[lang]);
    }
    expect(description(screen.getByLabelText(SETTINGS_SCHEMA.ageLine.label[lang]))).toContain(
      SETTINGS_SCHEMA.ageLine.help[lang],
    );
    expect(description(screen.getByLabelText(SETTINGS_SCHEMA.asOf.label[lang]))).toContain(
      SETTINGS_SCHEMA.asOf.help[lang],
    );
    // Settings the schema keeps out of the pane have no field.
    expect(screen.queryByLabelText(SETTINGS_SCHEMA.minAge.label[lang])).toBeNull();
  });
});

describe("saving the settings form", () => {
  const save = () => fireEvent.click(screen.getByRole("button", { name: "Lưu vào sổ" }));

  test("stores only what differs, shares as fractions, a decimal comma accepted", async () => {
    const saved = renderPanel("vi");
    fireEvent.change(screen.getByLabelText(labelOf("womenMin", "vi")), {
      target: { value: "62,5" },
    });
    fireEvent.change(screen.getByLabelText(labelOf("outlierK", "vi")), {
      target: { value: "3,5" },
    });
    save();
    await waitFor(() => expect(saved).toEqual([{ womenMin: 0.625 }]));
  });

  test("keeps a stored setting the form does not show", async () => {
    const saved = renderPanel("vi", { minAge: 18, womenMax: 0.65 });
    expect((screen.getByLabelText(labelOf("womenMax", "vi")) as HTMLInputElement).value).toBe("65");
    save();
    await waitFor(() => expect(saved).toEqual([{ minAge: 18, womenMax: 0.65 }]));
  });

  test("refuses bounds the wrong way round, naming both settings", async () => {
    const saved = renderPanel("en");
    fireEvent.change(screen.getByLabelText(labelOf("minMembers", "en")), {
      target: { value: "80" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save in workbook" }));
    expect(
      await screen.findByText(
        /minMembers is greater than maxMembers: Minimum members 80 > Maximum members \(above: a warning\) 70/,
      ),
    ).toBeTruthy();
    expect(saved).toEqual([]);
  });
});
