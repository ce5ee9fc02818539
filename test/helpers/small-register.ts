import { RawSheet } from "../../src/core/model/cells";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "./registers";

/**
 * A small register with something of everything: C1 passes; C2 fails the women, older-people and
 * borrower shares and is not well managed, and its fund has no regulation; C3 has an unreadable
 * sex (row 105, "X") and birth year. Plain data only, so that jsdom tests can use it too.
 */
export function smallRegister(): RawSheet[] {
  return [
    clubsSheet([club("C1"), club("C2", { wellManaged: "Không" }), club("C3")]),
    membersSheet([
      ...members("C1", 60, 39, 39, 35),
      ...members("C2", 40, 10, 30, 5),
      ...members("C3", 55, 36, 36, 30).map((m, i) =>
        i === 3 ? { ...m, sex: "X" } : i === 5 ? { ...m, birth: "năm ngoái" } : m,
      ),
    ]),
    fundsSheet([fund("C1"), fund("C2", { regulation: "Không" })]),
  ];
}
