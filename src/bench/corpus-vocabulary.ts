// Words the synthetic corpus is made of: names of UN bodies, topics, syllables for states and people, phrases.

/** The first UN bodies, hub first: the General Assembly gets the most links, as in real UN corpora. */
export const UN_BODY_NAMES: readonly (readonly [slug: string, name: string])[] = [
  ["ga", "General Assembly"],
  ["sc", "Security Council"],
  ["hrc", "Human Rights Council"],
  ["ga-c3", "Third Committee"],
  ["ecosoc", "Economic and Social Council"],
  ["icj", "International Court of Justice"],
  ["upr-wg", "Working Group on the Universal Periodic Review"],
  ["cedaw", "Committee on the Elimination of Discrimination against Women"],
  ["cat", "Committee against Torture"],
  ["crc", "Committee on the Rights of the Child"],
  ["ccpr", "Human Rights Committee"],
  ["cescr", "Committee on Economic, Social and Cultural Rights"],
  ["cerd", "Committee on the Elimination of Racial Discrimination"],
  ["crpd", "Committee on the Rights of Persons with Disabilities"],
  ["ced", "Committee on Enforced Disappearances"],
  ["cmw", "Committee on Migrant Workers"],
  ["spt", "Subcommittee on Prevention of Torture"],
  ["psc", "Peacebuilding Commission"],
  ["ga-c1", "First Committee"],
  ["ga-c6", "Sixth Committee"],
];

export const TOPIC_WORDS: readonly string[] = [
  "arbitrary detention",
  "enforced disappearances",
  "freedom of expression",
  "freedom of assembly",
  "freedom of religion",
  "torture",
  "the death penalty",
  "forced labour",
  "food insecurity",
  "refugees",
  "internally displaced persons",
  "sanctions relief",
  "denuclearization",
  "accountability",
  "impunity",
  "sexual violence",
  "child soldiers",
  "trafficking in persons",
  "political prisoners",
  "press freedom",
  "the rights of women",
  "the rights of the child",
  "minority rights",
  "indigenous peoples",
  "access to health care",
  "the right to education",
  "humanitarian access",
  "transitional justice",
  "corruption",
  "climate displacement",
];

export const TOPIC_QUALIFIERS: readonly string[] = ["", "rural ", "urban ", "cross-border ", "systematic ", "wartime "];

// prettier-ignore
export const SYLLABLES: readonly string[] = [
  "ar", "bel", "cor", "dan", "el", "fa", "gor", "han", "is", "jun", "kar", "lo", "mar", "nor", "os", "pel", "qua",
  "ros", "sal", "tor", "ul", "val", "wen", "xan", "yor", "zem", "bri", "cal", "dor", "est", "fen", "gal", "lin",
];

// prettier-ignore
export const STATE_FORMS: readonly string[] = ["Republic of ", "Kingdom of ", "", "", "Federation of ", "United States of "];

// prettier-ignore
export const FIRST_NAMES: readonly string[] = [
  "Amina", "Tomás", "Mei", "Olga", "Kwame", "Sofia", "Rahul", "Fatima", "Jonas", "Leila", "Diego", "Hana", "Ivan",
  "Nadia", "Samuel", "Yuki", "Chidi", "Elena", "Omar", "Priya", "Lars", "Zainab", "Mateo", "Aiko", "Kofi", "Ines",
];

// prettier-ignore
export const LAST_NAMES: readonly string[] = [
  "Quintana", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Mensah", "Kowalski", "Rahman", "Silva", "Novak",
  "Hassan", "Petrov", "Nguyen", "Adeyemi", "Costa", "Fischer", "Ibrahim", "Kim", "Larsen", "Mendoza", "Osei",
];

// prettier-ignore
export const ORGANISATION_WORDS: readonly string[] = [
  "Watch", "Alliance", "Network", "Centre", "Coalition", "Institute", "Foundation", "Forum", "Monitor", "Initiative",
];

export const ORGANISATION_KINDS: readonly string[] = ["ngo", "ngo", "ngo", "media", "coalition", "government"];

export const OFFICE_TITLES: readonly string[] = [
  "Special Rapporteur on",
  "Independent Expert on",
  "Working Group on",
  "Office of the High Commissioner field presence on",
  "Commission of Inquiry on",
];

export const EVENT_KINDS: readonly string[] = ["talks", "summit", "debate", "missile tests", "briefing", "conference"];

// prettier-ignore
export const CITIES: readonly string[] = [
  "Geneva", "New York", "Vienna", "Nairobi", "Bangkok", "Addis Ababa", "Panama City", "Brussels", "Doha", "Hanoi",
];

export const ACTIONS: readonly string[] = [
  "release all political prisoners",
  "grant access to the Special Rapporteur",
  "end arbitrary detention",
  "cooperate with the Office of the High Commissioner",
  "investigate reports of torture",
  "abolish the death penalty",
  "allow humanitarian access",
  "protect journalists",
  "repeal restrictive laws",
  "hold perpetrators to account",
];

export const ROLES: readonly string[] = ["Special Rapporteur", "Minister of Foreign Affairs", "Ambassador", "Director"];

export const VOTES: readonly string[] = ["without a vote", "by consensus", "by a recorded vote", "by 120 votes to 12"];

/** Lower-case roman numeral of 1..3999, the form endnote markers take. */
export function toRoman(value: number): string {
  // prettier-ignore
  const table: [number, string][] = [
    [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
    [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
  ];
  let rest = value;
  let out = "";
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}
