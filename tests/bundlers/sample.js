// The text every app analyzes (written for these tests).
export const SAMPLE = 'Three Turkish soldiers were killed by Syrian regime forces in Idlib on Thursday, '
  + 'Turkish President Recep Tayyip Erdogan said.';

/** What the test reads from the page: the version, the names and the event types. */
export function summary(out, version) {
  return JSON.stringify({
    version,
    entities: out.entities.map((e) => `${e.text}/${e.label}`),
    events: out.events.map((e) => e.type),
  });
}
