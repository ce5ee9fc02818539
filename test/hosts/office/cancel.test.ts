/**
 * A cancel takes effect at the next step — between read blocks of a large sheet, between sheets,
 * before the write — and whatever the moment, the workbook is left exactly as it was.
 */
import { CancelledError, CancelToken } from "../../../src/hosts/workbook/progress";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { OfficeWorkbook } from "../../../src/hosts/office";
import { FakeExcel } from "../../fakes/excel";
import { scenario, SETTINGS } from "./scenario";

/** Reports "cancelled" from the n-th time it is asked on. */
function cancelAfter(n: number): CancelToken & { asked: number } {
  return {
    asked: 0,
    get cancelled() {
      return ++this.asked > n;
    },
  };
}

describe("cancelling a check in Excel", () => {
  it("stops between read blocks of a sheet", async () => {
    const excel = new FakeExcel(scenario());
    // A tiny byte budget makes the members sheet take many blocks.
    const cancel = cancelAfter(6);
    const office = new OfficeWorkbook(excel.run, { payloadBytes: 2_000, cancel });
    const before = excel.snapshot();
    await expect(checkWorkbook(office, SETTINGS, {}, { cancel })).rejects.toBeInstanceOf(
      CancelledError,
    );
    expect(excel.snapshot()).toEqual(before);
    // Stopped during the members sheet: far fewer syncs than a whole read takes.
    const whole = new FakeExcel(scenario());
    await checkWorkbook(new OfficeWorkbook(whole.run, { payloadBytes: 2_000 }), SETTINGS);
    expect(excel.stats.syncs).toBeLessThan(whole.stats.syncs / 2);
  });

  it("leaves the workbook unchanged whichever step the cancel comes at, and not at all after", async () => {
    // How many times a whole check asks: every one of them is a point a cancel can land.
    const counter = cancelAfter(Infinity);
    await checkWorkbook(
      new OfficeWorkbook(new FakeExcel(scenario()).run, { cancel: counter }),
      SETTINGS,
      {},
      { cancel: counter },
    );
    const steps = counter.asked;
    expect(steps).toBeGreaterThanOrEqual(8);
    for (let n = 0; n < steps; n++) {
      const excel = new FakeExcel(scenario());
      const cancel = cancelAfter(n);
      const before = excel.snapshot();
      await expect(
        checkWorkbook(new OfficeWorkbook(excel.run, { cancel }), SETTINGS, {}, { cancel }),
      ).rejects.toBeInstanceOf(CancelledError);
      expect(excel.snapshot()).toEqual(before);
    }
  });

  it("says so in both languages", () => {
    const error = new CancelledError();
    expect(error.text.vi).toBe("Đã hủy kiểm tra. Sổ làm việc không thay đổi.");
    expect(error.text.en).toBe("Check cancelled. The workbook was not changed.");
  });
});
