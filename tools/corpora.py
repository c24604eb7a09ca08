"""Readers of the training splits' running text, shared by the build tools."""
import os


def training_sentences(shared):
    """Word lists (as written) of CoNLL-2003 train, UD EWT train and the GUM
    documents that are not news (GUM news is kept for evaluation)."""
    words = []
    with open(os.path.join(shared, "conll2003/train.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                if words:
                    yield words
                words = []
            else:
                words.append(parts[0])
    if words:
        yield words
    gum = os.path.join(shared, "gum")
    paths = [os.path.join(shared, "ud-ewt/en_ewt-ud-train.conllu")]
    paths += sorted(os.path.join(gum, p) for p in os.listdir(gum) if p.endswith(".conllu") and not p.startswith("GUM_news_"))
    for path in paths:
        words = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    if words:
                        yield words
                    words = []
                elif line[0].isdigit():
                    cols = line.split("\t")
                    if "-" not in cols[0] and "." not in cols[0]:
                        words.append(cols[1])
        if words:
            yield words
