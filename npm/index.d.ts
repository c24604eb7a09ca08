// Types of lede's output, schema "lede/1". Offsets are UTF-16 code units:
// `text.slice(span.start, span.end) === span.text` for every span.

/** Options of `analyze`. */
export interface AnalyzeOptions {
  /** The article's publication date, "YYYY-MM-DD"; anchors relative times. */
  date?: string | null;
  /** Include the tokens in the output. */
  tokens?: boolean;
  /** Include the predicates and their semantic roles (`frames`). */
  frames?: boolean;
  /** Find the events (default true); false skips them and the parse they need. */
  events?: boolean;
  /** The input cap in bytes of UTF-8 (default 10,000,000, at most 40,000,000). */
  maxBytes?: number;
}

/** A piece of the text. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

export interface Sentence extends TextSpan {
  /** Index into `paragraphs`. */
  paragraph: number;
}

export type EntityLabel =
  | 'PERSON' | 'NORP' | 'FAC' | 'ORG' | 'GPE' | 'LOC' | 'PRODUCT' | 'EVENT'
  | 'DATE' | 'TIME' | 'MONEY' | 'PERCENT' | 'QUANTITY' | 'ORDINAL' | 'CARDINAL' | 'MISC';

/** The stage that found an entity: the NER model, the gazetteer, the quantity or the time stage. */
export type EntitySource = 'ner' | 'gazetteer' | 'quantity' | 'time';

/** The gazetteer's kinds. */
export type PlaceKind = 'country' | 'city' | 'state' | 'place' | 'region' | 'continent' | 'demonym' | 'group';

/** TIMEX3 modifiers. */
export type TimeMod =
  | 'START' | 'MID' | 'END' | 'APPROX' | 'MORE_THAN' | 'LESS_THAN' | 'EQUAL_OR_MORE' | 'EQUAL_OR_LESS'
  | 'BEFORE' | 'AFTER';

export interface Entity extends TextSpan {
  label: EntityLabel;
  /** The stage that found it. */
  source: EntitySource;
  /** The gazetteer's kind of place or group; null for a name the gazetteer does not hold. */
  kind: PlaceKind | null;
  /** ISO 3166-1 alpha-3 code, which is also the CAMEO country code ("TUR", "SYR"). */
  country: string | null;
  /** Index into `actors`; null for numbers and times. */
  actor: number | null;
}

/** One real-world person, organization, group or place with all its mentions. */
export interface Actor {
  /** The fullest name in the text ("Recep Tayyip Erdogan"). */
  name: string;
  label: EntityLabel;
  /** Indices into `entities`, in text order. */
  mentions: number[];
  /** Pronouns that stand for it ("He", a quote's "he said"). */
  references: TextSpan[];
  /** The title the text gives a person: "President", "Defense Minister". */
  role: string | null;
  /** CAMEO actor code on the article's date: "TURGOV", "SYRMIL", "IGOUNO". */
  code: string | null;
  /** ISO 3166-1 alpha-3 code of its country. */
  country: string | null;
  kind:
    | 'person' | 'organization' | 'armed group' | 'country' | 'city' | 'state' | 'place'
    | 'region' | 'continent' | 'nationality' | 'group' | null;
  /** A city's latitude and longitude (one decimal); null otherwise. */
  lat: number | null;
  lon: number | null;
  /** For a capital acting for its country's government, that country's code. */
  government_of: string | null;
}

export interface Quantity extends TextSpan {
  label: 'CARDINAL' | 'ORDINAL' | 'MONEY' | 'PERCENT' | 'QUANTITY';
  /** The number written: "three" → 3, "thousands" → 2000 (with comparator "ge"). */
  value: number;
  /** How the true amount relates to `value`; null when exact. */
  comparator: 'approx' | 'gt' | 'ge' | 'lt' | 'le' | null;
  /** MONEY: ISO 4217 code ("USD"), or the name of a currency several countries share ("dinar"); QUANTITY: the unit ("km"). */
  unit: string | null;
  /** What a CARDINAL counts ("three Turkish soldiers" → "Turkish soldiers"); null otherwise. */
  counted: TextSpan | null;
}

export interface Time extends TextSpan {
  /** TIMEX3 type. */
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 value: "2020-02-27", "2019-12", "2020-W08", "P2D", "PAST_REF", "XXXX-WXX-5", "2020-02-27T15:00". */
  value: string;
  /** TIMEX3 mod ("late February": END, "about two weeks": APPROX); null when none. */
  mod: TimeMod | null;
  /** True when computed from the publication date or an earlier time in the text. */
  anchored: boolean;
}

export interface Quote extends TextSpan {
  /** The cue: "said", "told", "added", "according to". */
  cue: TextSpan | null;
  /** The speaker: a name ("Hulusi Akar"), or as written ("he", "the ministry"). */
  speaker: TextSpan | null;
  /** For a pronoun or surname speaker, the fuller earlier name it refers to. */
  speaker_ref: TextSpan | null;
}

export interface Token extends TextSpan {
  kind: 'word' | 'number' | 'abbreviation' | 'clitic' | 'punct' | 'quote' | 'symbol' | 'url' | 'email' | 'handle' | 'emoji';
  /** Universal POS tag (NOUN, PROPN, VERB, ...). */
  upos: string;
  /** Penn Treebank tag (NN, NNP, VBD, ...). */
  xpos: string;
  /** Dictionary form (killed → kill, forces → force). */
  lemma: string;
  /** Index of the head token in `tokens`; -1 for a sentence's root. */
  head: number;
  /** Universal Dependencies relation to the head ("nsubj", "obl:agent", "root"). */
  deprel: string;
}

/** PropBank argument labels. */
export type RoleLabel =
  | 'ARG0' | 'ARG1' | 'ARG2' | 'ARG3' | 'ARG4' | 'ARG5' | 'ARGA'
  | 'ARGM-TMP' | 'ARGM-LOC' | 'ARGM-NEG' | 'ARGM-MOD' | 'ARGM-MNR' | 'ARGM-CAU'
  | 'ARGM-PRP' | 'ARGM-DIR' | 'ARGM-GOL' | 'ARGM-ADV' | 'ARGM-EXT' | 'ARGM-DIS'
  | 'ARGM-PRD' | 'ARGM-COM' | 'ARGM-REC' | 'ARGM-ADJ' | 'ARGM-LVB' | 'ARGM-PRR'
  | 'ARGM-CXN' | 'ARG1-DSP'
  | `R-${string}` | `C-${string}`;

/** One argument of a predicate: its words as PropBank brackets them. */
export interface Argument extends TextSpan {
  /** PropBank label: "ARG0", "ARG1", "ARGM-TMP", "R-ARG0", ... */
  role: RoleLabel;
  /** The roleset's description of the role ("killer"), or the guidelines' name of a modifier ("time"). */
  descr: string | null;
  /** The argument's syntactic head word. */
  head: TextSpan;
}

/** A predicate (the span is its word) with its roleset and arguments. */
export interface Frame extends TextSpan {
  /** Index into `sentences`. */
  sentence: number;
  /** The predicate's lemma, lowercased ("retake"). */
  lemma: string;
  /** PropBank roleset ("kill.01"); null for a word the frame files lack. */
  roleset: string | null;
  /** What the roleset means ("cause to die, murder"). */
  name: string | null;
  /** In text order. */
  arguments: Argument[];
}

/** An event's argument: a KAIROS role and the words that fill it. */
export interface EventArgument extends TextSpan {
  /** "Killer", "Victim", "Attacker", "Target", "Participant", "Captor", ... */
  role: string;
  /** Index into `entities` of the name it holds, or null. */
  entity: number | null;
  /** Index into `actors`, or null. */
  actor: number | null;
}

/** Something that happened (the span is the trigger of its first mention). */
export interface Event extends TextSpan {
  /** KAIROS type ("Life.Die.Unspecified") or one of lede's additions ("Conflict.Capture.Unspecified"). */
  type: string;
  /** Index into `sentences` of the first mention. */
  sentence: number;
  /** PropBank roleset of the trigger ("kill.01"); null for an event noun the frame files lack. */
  roleset: string | null;
  arguments: EventArgument[];
  /** The time expression (index into `times`) and its value; stated in the clause, or taken from the sentence. */
  time: { index: number; value: string; stated: boolean } | null;
  /** The place actor; stated in the clause, or the sentence's. */
  place: {
    actor: number;
    name: string;
    country: string | null;
    lat: number | null;
    lon: number | null;
    stated: boolean;
  } | null;
  /** Counts of a death or injury, with the victims' actor and code. */
  casualties: {
    killed: number | null;
    injured: number | null;
    missing: number | null;
    comparator: 'approx' | 'gt' | 'ge' | 'lt' | 'le' | null;
    actor: number | null;
    code: string | null;
  } | null;
  status: 'asserted' | 'negated' | 'planned' | 'possible';
  /** Who reports it: the reporting verb's subject or the quote's speaker. */
  source: { actor: number | null; name: string | null; cue: TextSpan | null; quote: number | null } | null;
  /** Every mention's trigger, the first included. */
  mentions: TextSpan[];
  cameo: {
    code: string;
    root: string;
    quad_class: number;
    goldstein: number;
    source: string | null;
    target: string | null;
    /** Index into `actors` of the source side (GDELT's Actor1). */
    source_actor: number | null;
    /** Index into `actors` of the target side (GDELT's Actor2). */
    target_actor: number | null;
  } | null;
}

export interface Analysis {
  schema: 'lede/1';
  /** lede's version. */
  version: string;
  /** The publication date from the options, or null. */
  date: string | null;
  /** Length of the text in UTF-16 code units. */
  length: number;
  paragraphs: TextSpan[];
  sentences: Sentence[];
  /** Non-overlapping, in text order. */
  entities: Entity[];
  /** One entry per person, organization, group or place, in order of first mention. */
  actors: Actor[];
  /** Events in the order of their first mention (empty with `options.events` false). */
  events: Event[];
  /** Time expressions normalized to TimeML TIMEX3 values. */
  times: Time[];
  quantities: Quantity[];
  quotes: Quote[];
  /** Present only with `options.tokens`. */
  tokens?: Token[];
  /** Present only with `options.frames`: predicates and their roles, in text order. */
  frames?: Frame[];
}

/**
 * The analysis for the options given: `tokens` and `frames` are there (not
 * optional) when the options ask for them.
 */
export type AnalysisFor<O> = Analysis
  & (O extends { tokens: true } ? { tokens: Token[] } : unknown)
  & (O extends { frames: true } ? { frames: Frame[] } : unknown);

/** Analyze one article. Throws an Error with a message for bad input or options. */
export function analyze<const O extends AnalyzeOptions | null | undefined = undefined>(text: string, options?: O): AnalysisFor<O>;

/** The same analysis as JSON text (the bytes the CLI prints). */
export function analyzeJson(text: string, options?: AnalyzeOptions | null): string;

/**
 * The events of one article as CSV: a header, then one row per event with
 * GDELT/ACLED-like columns (the CLI's `--format csv`); `doc` fills the
 * first column.
 */
export function analyzeCsv(text: string, options?: AnalyzeOptions | null, doc?: string | null): string;

/**
 * The entities of one article as CSV: a header, then one row per actor (a
 * person, organization, group or place with its mentions merged) with its
 * label, kind, role, CAMEO code, country, coordinates, how often it is
 * named (`mentions`) and referred to (`references`), the names it goes by
 * (`names`, joined by `|`) and its first mention's offsets (the CLI's
 * `--format entities-csv`); `doc` fills the first column.
 */
export function analyzeEntitiesCsv(text: string, options?: AnalyzeOptions | null, doc?: string | null): string;

/**
 * The places and events of one article that have coordinates, as GeoJSON
 * text: a FeatureCollection of Points (`[lon, lat]`) whose properties say
 * `feature: "place"` or `"event"`; `doc` names the article in each.
 */
export function analyzeGeoJson(text: string, options?: AnalyzeOptions | null, doc?: string | null): string;

/** lede's version. */
export function version(): string;

/** What `init` loads the WebAssembly module from (as wasm-bindgen's init takes it). */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Load the WebAssembly module once (in the browser: from the lede_bg.wasm
 * beside the package's index.js unless `input` says otherwise) and decode
 * its models, so the first `analyze` is as quick as the next; `analyze`,
 * `analyzeJson` and `version` work after it resolves. In Node the module is
 * loaded on import (`analyze` works without `init`) and `init` decodes the
 * models ahead of the first call.
 */
export function init(
  input?: InitInput | Promise<InitInput> | { module_or_path: InitInput | Promise<InitInput> },
): Promise<void>;

export default init;
