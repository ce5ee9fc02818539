/**
 * Runs a register through each of the three hosts (and the merge) and keeps what the tests assert: the exit
 * status, the clubs' figures and the findings (from the JSON report, the file mode's view, the
 * Office check's report), or the input error that stopped the check.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError } from "../../src/core/model/errors";
import { JsonClub, JsonFinding, JsonReport } from "../../src/core/report/json-report";
import { OfficeWorkbook } from "../../src/hosts/office";
import { checkWorkbook, exitStatusOf } from "../../src/hosts/workbook/check-workbook";
import { mergeWorkbooks } from "../../src/hosts/workbook/merge-workbooks";
import { openXlsx } from "../../src/hosts/xlsx";
import { xlsxMergeTarget } from "../../src/hosts/xlsx/new-workbook";
import { runFileCheck } from "../../src/taskpane/run-file-check";
import { runCli } from "../helpers/cli-run";
import { SimulatedHost } from "../office-js/simulated-host";
import { AS_OF, SETTINGS } from "./ground-truth";
import { toRawSheets, toXlsx } from "./render";
import { HostName, Register } from "./variants";

export type Outcome =
  | {
      readonly kind: "checked";
      readonly exit: number;
      readonly clubs: readonly JsonClub[];
      readonly findings: readonly Pick<JsonFinding, "rule" | "severity" | "sheet" | "message">[];
    }
  | { readonly kind: "refused"; readonly exit: number; readonly message: string };

const CHECKED_ON = "2026-01-10";

/** The file's bytes: an .xlsx written by ExcelJS, or the CSV text. */
async function bytesOf(register: Register): Promise<Uint8Array> {
  return register.kind === "xlsx"
    ? toXlsx(register.sheets)
    : new Uint8Array(Buffer.from(register.text, "utf8"));
}

const checked = (exit: number, r: Pick<JsonReport, "clubs" | "findings">): Outcome => ({
  kind: "checked",
  exit,
  clubs: r.clubs,
  findings: r.findings,
});

/** `ishc check FILE --report REPORT.json --as-of …`, in this process. */
async function onCli(register: Register, bytes: Uint8Array): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), "ishc-corpus-"));
  const input = join(dir, register.fileName);
  const report = join(dir, "report.json");
  writeFileSync(input, bytes);
  const r = await runCli("check", input, "--report", report, "--as-of", AS_OF);
  // 2: the input cannot be read; anything but 0 or 1 is a refusal too, with its message.
  if (r.code !== 0 && r.code !== 1) return { kind: "refused", exit: r.code, message: r.err };
  return checked(r.code, JSON.parse(readFileSync(report, "utf8")) as JsonReport);
}

/** The browser file mode's check, on the same bytes. */
async function onFile(register: Register, bytes: Uint8Array): Promise<Outcome> {
  const file = {
    name: register.fileName,
    arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer,
  };
  const outcome = await runFileCheck(
    file,
    { asOf: AS_OF, ageLine: SETTINGS.ageLine, lang: "vi" },
    async () => {},
  );
  if (!outcome.ok)
    return { kind: "refused", exit: 2, message: `${outcome.error.vi}\n${outcome.error.en}` };
  const { view } = outcome;
  return checked(view.summary.findings.error > 0 ? 1 : 0, view);
}

/** Excel: the real office.js over the simulated host, holding the register's sheets and merges. */
async function onOffice(register: Register): Promise<Outcome> {
  if (register.kind !== "xlsx") throw new Error(`${register.fileName}: not a workbook for Excel`);
  const host = new SimulatedHost(toRawSheets(register.sheets));
  const office = new OfficeWorkbook(host.run, { supports: host.excel.supports });
  try {
    const { report } = await checkWorkbook(office, SETTINGS, {}, { checkedOn: CHECKED_ON });
    return checked(exitStatusOf(report), report);
  } catch (e) {
    if (e instanceof InputError)
      return { kind: "refused", exit: 2, message: `${e.text.vi}\n${e.text.en}` };
    throw e;
  }
}

/** The register merged alone into a provincial workbook, which is then checked as one. */
async function onMerge(register: Register, bytes: Uint8Array): Promise<Outcome> {
  const source = { name: register.fileName, open: () => openXlsx(bytes) };
  try {
    const { report } = await mergeWorkbooks([source], xlsxMergeTarget(), SETTINGS, {
      checkedOn: CHECKED_ON,
    });
    return checked(exitStatusOf(report), report);
  } catch (e) {
    if (e instanceof InputError)
      return { kind: "refused", exit: 2, message: `${e.text.vi}\n${e.text.en}` };
    throw e;
  }
}

const bytes = new Map<Register, Promise<Uint8Array>>();

/** Checks the register on one host. The file's bytes are made once per register. */
export async function runOn(host: HostName, register: Register): Promise<Outcome> {
  if (host === "office") return onOffice(register);
  if (!bytes.has(register)) bytes.set(register, bytesOf(register));
  const data = await bytes.get(register)!;
  if (host === "merge") return onMerge(register, data);
  return host === "cli" ? onCli(register, data) : onFile(register, data);
}
