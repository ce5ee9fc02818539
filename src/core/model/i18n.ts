/** Every user-facing text exists in Vietnamese (first) and English. */
export interface LocalText {
  readonly vi: string;
  readonly en: string;
}

export type Lang = "vi" | "en";

export const say = (vi: string, en: string): LocalText => ({ vi, en });

export const inLang = (t: LocalText, lang: Lang): string => t[lang];
