// Hostile inputs, shared by the Node (wasm and native CLI) and Chromium
// tests: each case makes its text from the seed article alone (`make` is
// also sent into the page as source, so it closes over nothing), and either
// analyzes or fails with an Error whose message matches `error`.

/** A deterministic generator (so every runtime gets the same text). */
export const RANDOM = (seed) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
};

export const CASES = [
  { name: 'empty text', make: () => '' },
  { name: 'only whitespace', make: () => ' \t\n\u00a0\u2003\r\n'.repeat(20000) },
  {
    name: '10 MB of news',
    make: (seed) => {
      const parts = [];
      let n = 0;
      while (n + seed.length + 2 <= 9_900_000) { parts.push(seed); n += seed.length + 2; }
      return parts.join('\n\n');
    },
    options: { date: '2020-02-27' },
    big: true,
  },
  { name: '5 MB without spaces or newlines', make: () => 'abcdefghij'.repeat(500_000) },
  { name: '100,000 quotation marks', make: () => '"'.repeat(100_000) },
  { name: '100,000 curly quotes and words', make: () => '“a” '.repeat(25_000) },
  { name: '100,000 nested brackets', make: () => '('.repeat(100_000) + ')'.repeat(100_000) },
  {
    name: 'NUL and control characters',
    make: () => {
      let s = '';
      for (let i = 0; i < 50_000; i++) s += String.fromCharCode(i % 32) + (i % 7 === 0 ? 'Ankara ' : '');
      return s;
    },
  },
  {
    name: 'a lone UTF-16 surrogate',
    make: () => 'Erdogan said \ud800 three soldiers died.',
    error: /lone UTF-16 surrogate at index 13/,
    jsOnly: true,
  },
  { name: 'a lone trailing surrogate at the end', make: () => 'Idlib \udc00', error: /lone UTF-16 surrogate at index 6/, jsOnly: true },
  {
    name: 'right-to-left and CJK text',
    make: () => 'قال أردوغان إن ثلاثة جنود قتلوا في إدلب. שלום עולם. 土耳其总统说，三名士兵在伊德利卜遇难。 Erdogan said. '.repeat(1000),
  },
  { name: 'combining marks', make: () => 'Ankara\u0301\u0308 e\u0301\u0302\u0303 ZA\u0345\u0489LGO '.repeat(5000) },
  { name: 'ZWJ emoji sequences', make: () => '👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇹🇷 Idlib '.repeat(5000) },
  { name: 'CRLF and lone CR', make: () => 'Three soldiers were killed.\r\nErdogan said.\rThen\r\r\nhe left.\r'.repeat(3000) },
  {
    name: '1 MB of random bytes read as Latin-1',
    make: () => {
      let seed = 12345;
      const codes = new Uint16Array(1_000_000);
      for (let i = 0; i < codes.length; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        codes[i] = (seed >> 16) & 0xff;
      }
      let s = '';
      for (let i = 0; i < codes.length; i += 10_000) s += String.fromCharCode(...codes.subarray(i, i + 10_000));
      return s;
    },
  },
  { name: 'a 1 MB sentence of commas', make: () => ','.repeat(1_000_000) },
  { name: 'a 1 MB sentence of words and commas', make: () => 'word, '.repeat(166_666) },
  { name: '200,000 lowercase lines without end punctuation', make: () => 'a\n'.repeat(200_000) },
  { name: '50,000 Mr.', make: () => 'Mr. '.repeat(50_000) },
  { name: '50,000 U.S.', make: () => 'U.S. '.repeat(50_000) },
  { name: 'a 100,000-digit number', make: () => '7'.repeat(100_000) + ' soldiers were killed.' },
  {
    name: '31 February 2020',
    make: () => 'Three soldiers were killed on 31 February 2020 and on 2020-02-31.',
    options: { date: '2020-02-27' },
  },
  { name: 'over the input cap', make: () => 'word '.repeat(2_000_001), error: /at most 10000000 bytes/ },
  { name: 'over a cap the options set', make: () => 'Erdogan', options: { maxBytes: 3 }, error: /at most 3 bytes/ },
];

/**
 * Wrong option types and wrong texts, as the source of `analyze`'s
 * arguments (so the page can run them too): each must throw a clear Error.
 */
export const BAD_CALLS = [
  ['42', /text must be a string, got number/],
  ['null', /text must be a string, got null/],
  ['undefined', /text must be a string, got undefined/],
  ["{ toString: () => 'x' }", /text must be a string, got object/],
  ["['a']", /text must be a string, got an array/],
  ["new String('x')", /text must be a string, got object/],
  ["'x', 42", /expected an object/],
  ["'x', 'tomorrow'", /expected an object/],
  ["'x', true", /expected an object/],
  ["'x', [1, 2]", /expected an object.*array/],
  ["'x', { date: 20200227 }", /invalid options/],
  ["'x', { date: '2020-02-30' }", /invalid options\.date/],
  ["'x', { date: '27/02/2020' }", /YYYY-MM-DD/],
  ["'x', { tokens: 'yes' }", /invalid options/],
  ["'x', { frames: 1 }", /invalid options/],
  ["'x', { events: 'no' }", /invalid options/],
  ["'x', { maxBytes: -1 }", /invalid options/],
  ["'x', { maxBytes: 'big' }", /invalid options/],
  ["'x', { maxBytes: 1e12 }", /maxBytes is at most/],
  ["'x', { dat: '2020-02-27' }", /unknown field `dat`/],
];

/** Source of an array of `[call, pattern]` for BAD_CALLS, calling `f`. */
export function badCallsSource(f) {
  return `[${BAD_CALLS.map(([args, re]) => `[() => ${f}(${args}), ${re}]`).join(', ')}]`;
}

/**
 * Problems with an analysis of `text` (an empty list when none): every span
 * of every kind is `text.slice(start, end)`, every index points into its
 * list. Self-contained, so it can be sent into a page as source.
 */
export function spanProblems(text, out) {
  const problems = [];
  const span = (s, what) => {
    if (!(s.start <= s.end && s.end <= text.length) || text.slice(s.start, s.end) !== s.text) {
      problems.push(`${what} ${JSON.stringify(s).slice(0, 200)}`);
    }
  };
  const index = (i, list, what) => {
    if (i != null && !(Number.isInteger(i) && i >= 0 && i < list.length)) problems.push(`${what} ${i}`);
  };
  if (out.length !== text.length) problems.push(`length ${out.length} for ${text.length}`);
  out.paragraphs.forEach((s) => span(s, 'paragraph'));
  out.sentences.forEach((s) => { span(s, 'sentence'); index(s.paragraph, out.paragraphs, 'sentence.paragraph'); });
  let last = 0;
  for (const e of out.entities) {
    span(e, 'entity');
    if (e.start < last) problems.push(`entities overlap at ${e.start}`);
    last = e.end;
    index(e.actor, out.actors, 'entity.actor');
  }
  for (const a of out.actors) {
    a.mentions.forEach((m) => index(m, out.entities, 'actor.mentions'));
    a.references.forEach((r) => span(r, 'actor reference'));
  }
  out.times.forEach((t) => span(t, 'time'));
  out.quantities.forEach((q) => span(q, 'quantity'));
  for (const q of out.quotes) {
    span(q, 'quote');
    [q.cue, q.speaker, q.speaker_ref].filter(Boolean).forEach((s) => span(s, 'quote part'));
  }
  (out.tokens ?? []).forEach((t) => span(t, 'token'));
  for (const f of out.frames ?? []) {
    span(f, 'frame');
    index(f.sentence, out.sentences, 'frame.sentence');
    f.arguments.forEach((a) => { span(a, 'frame argument'); span(a.head, 'argument head'); });
  }
  for (const e of out.events) {
    span(e, 'event');
    index(e.sentence, out.sentences, 'event.sentence');
    e.mentions.forEach((m) => span(m, 'event mention'));
    for (const a of e.arguments) {
      span(a, 'event argument');
      index(a.entity, out.entities, 'argument.entity');
      index(a.actor, out.actors, 'argument.actor');
    }
    if (e.time) index(e.time.index, out.times, 'event.time');
    if (e.place) index(e.place.actor, out.actors, 'event.place');
    if (e.casualties) index(e.casualties.actor, out.actors, 'casualties.actor');
    if (e.source) {
      index(e.source.actor, out.actors, 'source.actor');
      index(e.source.quote, out.quotes, 'source.quote');
      if (e.source.cue) span(e.source.cue, 'source cue');
    }
    if (e.cameo) {
      index(e.cameo.source_actor, out.actors, 'cameo.source_actor');
      index(e.cameo.target_actor, out.actors, 'cameo.target_actor');
    }
  }
  return problems;
}
