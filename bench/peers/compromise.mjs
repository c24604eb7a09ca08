// Entities from compromise for bench/ner_peers.py: JSON lines {"id", "text"}
// on stdin, JSON lines {"id", "entities": [[start, end, label]], "seconds"} out
// (offsets in UTF-16 code units, as JS counts).
import nlp from 'compromise';
import { createInterface } from 'node:readline';

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const { id, text } = JSON.parse(line);
  const t0 = performance.now();
  const doc = nlp(text);
  const entities = [];
  for (const [label, view] of [['PERSON', doc.people()], ['ORG', doc.organizations()], ['GPE', doc.places()]]) {
    for (const m of view.json({ offset: true })) {
      entities.push([m.offset.start, m.offset.start + m.offset.length, label]);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ id, entities, seconds })}\n`);
}
