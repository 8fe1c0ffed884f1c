#!/usr/bin/env python3
"""Re-create the evaluation texts (git-ignored) and say which are missing.

    bench/quality/fetch.py              copy texts from ~/.cache/graph-service/quality/texts
                                        into bench/quality/texts/; list what is missing
    bench/quality/fetch.py --download   also fetch the missing ones from their addresses
                                        (httpx + trafilatura), cut to the annotated length
    bench/quality/fetch.py --record [--lang L]  write each text's length and hash into the
                                        manifest and keep a copy in the cache (after annotating)

Exit code 1 when texts are still missing. A downloaded page can differ from the text that
was annotated (pages change); those are reported as 'differs' and scored all the same.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from common import CACHE, HERE, TEXTS, body_of, manifest, read_jsonl, text_hash


def front_matter(row: dict[str, object]) -> str:
    lines = ["---", f"title: {json.dumps(row.get('title') or '', ensure_ascii=False)}"]
    if row.get("date"):
        lines.append(f"date: {row['date']}")
    lines.append(f"url: {json.dumps(row['url'])}")
    return "\n".join([*lines, "---", ""])


def download(row: dict[str, object]) -> str | None:
    import httpx
    import trafilatura

    try:
        response = httpx.get(str(row["url"]), follow_redirects=True, timeout=20.0)
        response.raise_for_status()
    except httpx.HTTPError as error:
        print(f"  {row['doc']}: {error}", file=sys.stderr)
        return None
    text = trafilatura.extract(response.text, include_comments=False, include_tables=False)
    if not text:
        return None
    chars = row.get("chars")
    return text[: int(chars)] if isinstance(chars, int) else text


def record(langs: list[str]) -> int:
    for path in sorted((HERE / "manifest").glob("*.jsonl")):
        if langs and path.stem not in langs:
            continue
        rows = read_jsonl(path)
        for row in rows:
            src = TEXTS / f"{row['doc']}.txt"
            if not src.exists():
                src = CACHE / f"{row['doc']}.txt"
            if not src.exists():
                print(f"missing: {row['doc']}", file=sys.stderr)
                continue
            body = body_of(src.read_text(encoding="utf-8"))
            row["chars"] = len(body.strip())
            row["sha256"] = text_hash(body)
            CACHE.mkdir(parents=True, exist_ok=True)
            if src.parent != CACHE:
                shutil.copyfile(src, CACHE / src.name)
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--download", action="store_true")
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--lang", action="append", default=[], help="with --record: only these")
    args = parser.parse_args()
    if args.record:
        return record(args.lang)
    TEXTS.mkdir(exist_ok=True)
    have = copied = fetched = differs = 0
    missing: list[str] = []
    for row in manifest():
        target = TEXTS / f"{row['doc']}.txt"
        cached = CACHE / f"{row['doc']}.txt"
        if target.exists():
            have += 1
        elif cached.exists():
            shutil.copyfile(cached, target)
            copied += 1
        elif args.download and (body := download(row)) is not None:
            target.write_text(front_matter(row) + body + "\n", encoding="utf-8")
            fetched += 1
            differs += row.get("sha256") != text_hash(body)
        else:
            missing.append(f"{row['doc']}\t{row['url']}")
            continue
        if target.exists() and row.get("sha256"):
            body = body_of(target.read_text(encoding="utf-8"))
            if text_hash(body) != row["sha256"] and not args.download:
                differs += 1
    print(
        f"{have} present, {copied} copied from {CACHE}, {fetched} downloaded "
        f"({differs} differ from the annotated text), {len(missing)} missing"
    )
    for line in missing:
        print(f"missing\t{line}")
    if missing and not args.download:
        print("run with --download to fetch them from their addresses", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
