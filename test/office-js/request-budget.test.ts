/**
 * The budget end to end: a findings sheet of 15,000 linked findings (about 7 MB of requests, more
 * than one request of Excel on the web can carry) written through the write queue, each sync
 * measuring the body the real office.js client would send (request-bytes.ts). No request may
 * pass 5,000,000 bytes, and none may be needlessly small.
 *
 * Not over the simulated host: its wire executor does not answer the `_ValidateArraySize` call
 * that office.js sends before writing over 1,500 cells in chunks.
 */
import { asA1 } from "../../src/core/model/brand";
import { GeneratedSheet } from "../../src/core/model/write-plan";
import { LIMITS, WriteQueue } from "../../src/hosts/office/batch";
import { queueGeneratedSheet } from "../../src/hosts/office/generated-sheet";
import { newContext, pendingBytes, sheetOf, startNewRequest } from "./request-bytes";

const FINDINGS = 15_000;

it("writes 15,000 linked findings in requests under 5,000,000 bytes, each but the last nearly full", async () => {
  const sheet: GeneratedSheet = {
    kind: "findings",
    name: "Danh sách lỗi",
    rows: Array.from({ length: FINDINGS }, (_, i) => [
      { v: `ISHC-${i}`, style: "text" },
      {
        v: `Thành viên ${i}: thiếu "ngày sinh"`,
        link: { sheet: "Thành viên", cell: asA1(`B${i + 2}`) },
      },
    ]),
    merges: [],
    columnWidths: [12, 40],
    freezeRows: 1,
  };
  const context = newContext();
  const requests: number[] = [];
  context.sync = <T>(passThrough?: T): Promise<T> => {
    requests.push(pendingBytes(context));
    startNewRequest(context);
    return Promise.resolve(passThrough as T);
  };
  const queue = new WriteQueue(context);
  await queueGeneratedSheet(queue, sheetOf(context, sheet.name), sheet, true);
  await queue.flush();
  expect(requests.length).toBeGreaterThanOrEqual(2);
  expect(Math.max(...requests)).toBeLessThanOrEqual(LIMITS.payloadBytes);
  // Every request the queue closed was at least half full (the estimate is under twice the real).
  for (const r of requests.slice(0, -1)) expect(r).toBeGreaterThan(LIMITS.payloadBytes / 2);
  expect(requests.reduce((a, b) => a + b, 0)).toBeGreaterThan(5_000_000);
});
