#!/usr/bin/env python3
"""Rewrite the example output in docs/schema.md from the current code.

Run after a change to the output: `cargo build --release && python3 tools/update_schema_example.py`.
tests/schema_doc.rs fails until the example matches what the code emits.
"""
import json
import re
import subprocess
import tempfile

DOC = "docs/schema.md"


def block(text, info):
    m = re.search(r"```" + re.escape(info) + r"\n(.*?)\n```", text, re.S)
    if not m:
        raise SystemExit(f"{DOC} has no ```{info} block")
    return m


def main():
    text = open(DOC, encoding="utf-8").read()
    source = block(text, "text example-input").group(1)
    options = json.loads(block(text, "json example-options").group(1))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(source)
    args = ["target/release/lede", "analyze", f.name, "--pretty"]
    if options.get("date"):
        args += ["--date", options["date"]]
    if options.get("tokens"):
        args.append("--tokens")
    if options.get("frames"):
        args.append("--frames")
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout.rstrip("\n")
    m = block(text, "json example-output")
    text = text[: m.start(1)] + out + text[m.end(1):]
    open(DOC, "w", encoding="utf-8").write(text)
    print(f"updated the example output in {DOC}")


if __name__ == "__main__":
    main()
