/**
 * The pure part of a check, from what the host read to what it must write: picking each sheet's
 * role, reading the registers, the rules, the review trail, the write plan and the JSON report.
 * Its request and its answer are plain data (structured-cloneable), so that inside Excel it can
 * run in a Web Worker while Office.js, which must stay on the page's main thread, reads and
 * writes (see src/taskpane/worker/).
 */
import { Mapping } from "../../core/check/mapping";
import { CheckResult, HandedOver, runCheckHandedOver } from "../../core/check/run-check";
import { SheetChoice } from "../../core/check/pick-sheets";
import { GeneratedKind, RawSheet, SheetInfo } from "../../core/model/cells";
import { Finding } from "../../core/model/finding";
import { Settings } from "../../core/model/settings";
import { WritePlan } from "../../core/model/write-plan";
import { buildJsonReport, JsonReport } from "../../core/report/json-report";
import { buildWritePlan, trailOf } from "../../core/report/write-plan";
import { inputOf } from "./read-input-sheets";

/** What to write: everything ("Kiểm tra CLB"), or only the appendix sheet ("Lập phụ lục"). */
export type CheckScope = "all" | "appendix";

export interface ComputeRequest {
  readonly sheets: readonly SheetInfo[];
  /**
   * The cells of every sheet that may be input, by name, in workbook order. Handed over:
   * computeCheck takes them out of the request, and lets go of each once its records are read.
   */
  readonly content: (readonly [string, RawSheet])[];
  /** This tool's findings sheet from an earlier run (the reviewers' marks), or null. */
  readonly findings: RawSheet | null;
  readonly settings: Settings;
  readonly mapping: Mapping;
  readonly scope: CheckScope;
  /** The day of this run, "YYYY-MM-DD" (the review trail dates what it no longer finds). */
  readonly checkedOn: string | undefined;
  /** Findings made before the check (the merge's), reported first. */
  readonly extraFindings: readonly Finding[];
}

/** What the host needs back: the plan it writes and the report it shows. */
export interface Computed {
  readonly report: JsonReport;
  readonly plan: WritePlan;
}

/** Runs the pure step somewhere else (a Worker); by default it runs in place (computeCheck). */
export type ComputeStep = (request: ComputeRequest) => Promise<Computed>;

export function computeCheck(
  request: ComputeRequest,
  /**
   * A full garbage collection, asked for where the check leaves the heap most dead
   * (CheckOptions' collect).
   */
  collect?: () => void,
): Computed & { readonly result: CheckResult } {
  const { sheets, choice, holder, previous } = takeInput(request);
  const checked = runCheckHandedOver(holder, request.settings, collect);
  const result: CheckResult = request.extraFindings.length
    ? { ...checked, findings: [...request.extraFindings, ...checked.findings] }
    : checked;
  // One merge of the review trail serves the findings sheet and the JSON report.
  const trail = trailOf(result, previous, request.checkedOn);
  const full = retagged(
    buildWritePlan(result, sheets, previous, request.checkedOn, trail),
    choice.ours,
  );
  const plan: WritePlan =
    request.scope === "appendix"
      ? {
          sheets: full.sheets.filter((s) => s.kind === "appendix"),
          highlights: [],
          keepHighlights: true,
        }
      : full;
  return { result, report: buildJsonReport(result, trail), plan };
}

/**
 * Takes the sheets out of the request, picks their roles and hands the check its input: in a
 * frame of its own, which keeps what it held (the sheets among them) only until it returns.
 */
function takeInput(request: ComputeRequest): {
  sheets: readonly SheetInfo[];
  choice: SheetChoice;
  holder: HandedOver;
  previous: RawSheet | null;
} {
  const content = new Map(request.content.splice(0));
  const { sheets, choice, input } = inputOf({ sheets: request.sheets, content }, request.mapping);
  // The tagged findings sheet was read by the host; one known by its content is among the cells.
  const previous =
    request.findings ??
    (choice.findings !== undefined ? (content.get(choice.findings) ?? null) : null);
  return { sheets, choice, holder: { input }, previous };
}

/**
 * The plan's sheets that rewrite a sheet of ours known by its content (its tag lost): the host
 * rewrites it in place and tags it again, rather than refusing it as the user's.
 */
function retagged(plan: WritePlan, ours: ReadonlyMap<string, GeneratedKind>): WritePlan {
  if (ours.size === 0) return plan;
  const kinds = new Map([...ours].map(([name, kind]) => [name.toLowerCase(), kind]));
  return {
    ...plan,
    sheets: plan.sheets.map((g) =>
      kinds.has(g.name.toLowerCase()) ? { ...g, retag: true as const } : g,
    ),
  };
}
