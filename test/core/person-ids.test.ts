import fc from "fast-check";
import { formatDate } from "../../src/core/check/dates";
import { PersonIds, personText } from "../../src/core/check/person-ids";
import { DateParts } from "../../src/core/model/dates";
import { nameKey } from "../../src/core/text/normalize";

/**
 * The counts compare members by person as numbers (PersonIds) where they compared
 * "name key/birth" strings: the same person must be the same number, and two persons never one.
 */
describe("persons as numbers (PersonIds)", () => {
  // Names that are the same person written differently (case, tone placement, spaces), and not.
  const names = [
    "Nguyễn Thị Hoà",
    "NGUYỄN THỊ HOÀ",
    "Nguyễn Thị Hòa",
    " Nguyễn  Thị Hoà ",
    "Nguyễn Thị Hoa",
    "Trần Văn Đức",
    "Tran Van Duc",
    "x/01",
    "x",
  ];
  const birth: fc.Arbitrary<DateParts> = fc.oneof(
    fc.integer({ min: 1900, max: 2010 }).map((year) => ({ year })),
    fc.record({
      year: fc.integer({ min: 1940, max: 1942 }),
      month: fc.integer({ min: 1, max: 2 }),
    }),
    fc.record({
      year: fc.constant(1950),
      month: fc.integer({ min: 1, max: 2 }),
      day: fc.integer({ min: 1, max: 2 }),
    }),
    // Births no reader gives: still told apart by their text.
    fc.record({ year: fc.constantFrom(-3, 250_000, 1950.5), month: fc.constantFrom(1, 13) }),
  );
  const person = fc.record({ name: fc.constantFrom(...names), birth });

  test("the same number exactly when the name key and the birth as written are the same", () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 2, maxLength: 40 }), (people) => {
        const ids = new PersonIds();
        const numbers = people.map((p) => ids.of(p.name, p.birth));
        for (let i = 0; i < people.length; i++)
          for (let j = 0; j < people.length; j++) {
            const a = people[i]!;
            const b = people[j]!;
            const same =
              nameKey(a.name) === nameKey(b.name) && formatDate(a.birth) === formatDate(b.birth);
            expect(numbers[i] === numbers[j]).toBe(same);
          }
      }),
    );
  });

  test("a person's text is the key finding ids have always used", () => {
    expect(personText("NGUYỄN THỊ HOÀ", { year: 1950, month: 3, day: 7 })).toBe(
      `${nameKey("Nguyễn Thị Hoà")}/07/03/1950`,
    );
  });
});
