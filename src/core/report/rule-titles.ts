import { LocalText } from "../model/i18n";
import { RULE_IDS, RULES } from "../rules/registry";

/**
 * A short title for every rule id a finding can carry (the registry's), by id: for the pane's
 * grouped list and for findings read back from a review trail, whose rule is only a string.
 */
export const RULE_TITLES: Readonly<Record<string, LocalText>> = Object.fromEntries(
  RULE_IDS.map((id) => [id, RULES[id].title]),
);
