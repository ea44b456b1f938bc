/*
 * Reading which option a free-text answer names.
 *
 * 1. Normalise: NFD, drop combining marks (accents), lowercase, delete
 *    apostrophes ("don't" → "dont"), then split into words of [a-z0-9]. Other
 *    punctuation separates words, and , ; . ! ? : are kept as clause breaks.
 * 2. Match synonyms word by word, longest phrase first, so matches fall on word
 *    boundaries: "server" never matches inside "serverless".
 * 3. Idioms that never name an option are matched like synonyms and ignored:
 *    "cutting edge", "bleeding edge", "leading edge", "edge case(s)" and
 *    "edge of" ("on the edge of failure" is not the edge option). A checkpoint
 *    that wants "edge of the network" lists it as a synonym, and the longer
 *    phrase wins. Affirmations such as "no doubt" are idioms too, so their
 *    "no" negates nothing.
 * 4. Negation: a negator ("not", "no", "never", "don't", "without", "avoid",
 *    "instead of", "rather than", …) negates the next option mention if at
 *    most `negationWindow` words lie between them, and only until a clause
 *    break (punctuation, "but", "so", "because", …) or that mention. A
 *    negated mention followed only by "or"/"nor" and articles passes the
 *    negation on: "not serverless or a container" negates both.
 * 5. The answer names the options mentioned without negation, minus any
 *    option also mentioned with negation.
 * 6. "server" and "servers" alone name no option, because every server-side
 *    option runs on a server. They are reported as `vague` so the reply can
 *    list the server-side options. Longer phrases such as "own servers" are
 *    catalog aliases and still name an option.
 *
 * NOTE: only a negator before a mention counts. "serverless won't work, edge
 * will" names both options and gets a clarify reply, which costs no attempt.
 */

/** Words that may lie between a negator and the option it negates. */
export const negationWindow = 4;

const negators = new Set([
  // "non" is the prefix of "non-serverless", which tokenizes as two words.
  'not', 'no', 'non', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'wont', 'wouldnt',
  'shouldnt', 'cant', 'cannot', 'couldnt', 'mustnt', 'without', 'avoid', 'avoiding', 'nor', 'neither', 'except',
]);

/** Two-word negators, keyed by their first word. */
const negatorPairs = new Map([
  ['instead', 'of'],
  ['rather', 'than'],
]);

const clauseBreakWords = new Set([
  'but', 'so', 'because', 'since', 'therefore', 'hence', 'thus', 'however', 'although', 'though', 'whereas',
]);

/** Words that keep a negation going from one option to the next in a list. */
const listWords = new Set(['or', 'nor', 'a', 'an', 'the', 'any']);

const idioms = [
  'cutting edge', 'bleeding edge', 'leading edge', 'edge case', 'edge cases', 'edge of',
  // Affirmations that start with a negator: "no doubt edge" names edge.
  'no doubt', 'without doubt', 'without a doubt', 'no question',
];

/** Words that fit every server-side option, so they name none of them. */
export const vagueTerms = ['server', 'servers'];

const clauseBreakMark = ',';

/** A phrase of the matcher: an option's synonym, or an idiom or vague term when optionId is null. */
type Phrase = { words: string[]; optionId: string | null; vague: boolean };

/** A compiled synonym table: phrases by first word, longest first. */
export type Matcher = {
  byFirstWord: Map<string, Phrase[]>;
};

export type Interpretation = {
  /** Options the text names without negation, in order of first mention. */
  named: string[];
  /** Options the text names under negation. */
  negated: string[];
  /** Vague terms the text uses, such as "server", normalised. */
  vague: string[];
};

/** Split text into normalised words and clause-break marks. */
export function tokenize(text: string): string[] {
  // Only non-ASCII text needs the (slow) NFD pass that separates accents from letters.
  const folded = /[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  const lower = folded.toLowerCase();
  const tokens: string[] = [];
  let start = -1;

  // One pass over the characters is several times faster than a global regex here.
  for (let index = 0; index <= lower.length; index += 1) {
    const code = index < lower.length ? lower.charCodeAt(index) : 32;
    const isWordChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    const isApostrophe = code === 39 || code === 96 || code === 0x2019 || code === 0x2018 || code === 0xb4;
    if (isWordChar || (isApostrophe && start >= 0)) {
      if (start < 0) start = index;
      continue;
    }
    if (start >= 0) {
      tokens.push(lower.slice(start, index).replace(/['`\u2018\u2019\u00b4]/g, ''));
      start = -1;
    }
    if (code === 44 || code === 59 || code === 46 || code === 33 || code === 63 || code === 58) tokens.push(clauseBreakMark);
  }
  return tokens;
}

/** Normalise a synonym to its space-separated words, as answers are normalised. */
export function normalizePhrase(phrase: string): string {
  return tokenize(phrase)
    .filter((token) => token !== clauseBreakMark)
    .join(' ');
}

/** Compile option synonyms into a matcher; throws if one phrase names two options. */
export function compileMatcher(options: ReadonlyArray<{ id: string; synonyms: readonly string[] }>): Matcher {
  const owners = new Map<string, string | null>();
  for (const idiom of idioms) owners.set(idiom, null);
  for (const term of vagueTerms) owners.set(term, null);

  for (const option of options) {
    for (const synonym of option.synonyms) {
      const key = normalizePhrase(synonym);
      if (key === '') continue;
      const owner = owners.get(key);
      if (owner !== undefined && owner !== null && owner !== option.id) {
        throw new Error(`The phrase "${synonym}" names both "${owner}" and "${option.id}"`);
      }
      owners.set(key, option.id);
    }
  }

  const byFirstWord = new Map<string, Phrase[]>();
  for (const [key, optionId] of owners) {
    const words = key.split(' ');
    const first = words[0] ?? '';
    const list = byFirstWord.get(first) ?? [];
    list.push({ words, optionId, vague: optionId === null && vagueTerms.includes(key) });
    byFirstWord.set(first, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord };
}

/** Find the longest phrase starting at `start`, or undefined. */
function matchAt(tokens: readonly string[], start: number, matcher: Matcher): Phrase | undefined {
  const candidates = matcher.byFirstWord.get(tokens[start] ?? '');
  if (candidates === undefined) return undefined;
  for (const phrase of candidates) {
    let index = 1;
    while (index < phrase.words.length && tokens[start + index] === phrase.words[index]) index += 1;
    if (index === phrase.words.length) return phrase;
  }
  return undefined;
}

/** Return the length of a negator at `index` (1 or 2 words), or 0. */
function negatorLength(tokens: readonly string[], index: number): number {
  const token = tokens[index] ?? '';
  if (negators.has(token)) return 1;
  const second = negatorPairs.get(token);
  return second !== undefined && tokens[index + 1] === second ? 2 : 0;
}

/** Read which options a free-text answer names, honouring negation. */
export function interpretText(text: string, matcher: Matcher): Interpretation {
  const tokens = tokenize(text);
  const positive: string[] = [];
  const negative = new Set<string>();
  const vague = new Set<string>();

  // Index of the last word of the active negator (or negated list item), or -1.
  let negationEnd = -1;
  // True while the gap since a negated mention holds only list words.
  let inList = false;
  let sawListJoin = false;

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';

    if (token === clauseBreakMark || clauseBreakWords.has(token)) {
      negationEnd = -1;
      continue;
    }

    const phrase = matchAt(tokens, index, matcher);
    if (phrase !== undefined) {
      if (phrase.optionId !== null) {
        const negated: boolean = negationEnd >= 0 && index - negationEnd - 1 <= negationWindow && (!inList || sawListJoin);
        if (negated) negative.add(phrase.optionId);
        else positive.push(phrase.optionId);

        // A negation covers one mention, unless "or"/"nor" carries it to the next.
        negationEnd = negated ? index + phrase.words.length - 1 : -1;
        inList = negated;
        sawListJoin = false;
      } else if (phrase.vague) {
        vague.add(phrase.words.join(' '));
      }
      index += phrase.words.length - 1;
      continue;
    }

    const length = negatorLength(tokens, index);
    if (length > 0) {
      negationEnd = index + length - 1;
      inList = false;
      index += length - 1;
      continue;
    }

    if (inList) {
      if (token === 'or' || token === 'nor') sawListJoin = true;
      else if (!listWords.has(token)) {
        negationEnd = -1;
        inList = false;
      }
    }
  }

  const named: string[] = [];
  for (const id of positive) {
    if (!negative.has(id) && !named.includes(id)) named.push(id);
  }
  return { named, negated: [...negative], vague: [...vague] };
}
