#!/usr/bin/env python3
"""The naive baseline Stichwort is measured against: the simplest FTS5 indexer one would write.

lxml parses each page, the whole visible page text (boilerplate included) goes into an FTS5 table
with `tokenize='unicode61 remove_diacritics 2'`; an mtime table makes re-runs incremental.
No article extraction, no German analysis. Used by Scripts/bench, in a venv with lxml.

usage: naive-fts5-baseline.py index ARCHIVE DB
       naive-fts5-baseline.py search DB QUERY
"""
import os, re, sqlite3, sys

import lxml.html


def page_text(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".txt"):
        return data.decode("utf-8", "replace"), ""
    try:
        root = lxml.html.fromstring(data)
    except Exception:
        return "", ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    title = " ".join(root.xpath("//title/text()"))
    # Join text nodes with spaces so that adjacent elements do not glue words together.
    return " ".join(t.strip() for t in root.itertext() if t.strip()), title


def index(archive, db):
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, mtime REAL, docid INTEGER)")
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS pages USING fts5(path UNINDEXED, title, body, "
                "tokenize='unicode61 remove_diacritics 2')")
    known = {p: (m, d) for p, m, d in con.execute("SELECT path, mtime, docid FROM files")}
    seen = set()
    with con:
        for folder, _, names in os.walk(archive):
            for name in names:
                if not name.endswith((".html", ".htm", ".txt")):
                    continue
                full = os.path.join(folder, name)
                rel = os.path.relpath(full, archive)
                seen.add(rel)
                mtime = os.stat(full).st_mtime
                old = known.get(rel)
                if old and old[0] == mtime:
                    continue
                if old:
                    con.execute("DELETE FROM pages WHERE rowid = ?", (old[1],))
                body, title = page_text(full)
                cur = con.execute("INSERT INTO pages(path, title, body) VALUES (?, ?, ?)", (rel, title, body))
                con.execute("INSERT OR REPLACE INTO files(path, mtime, docid) VALUES (?, ?, ?)", (rel, mtime, cur.lastrowid))
        for rel, (_, docid) in known.items():
            if rel not in seen:
                con.execute("DELETE FROM pages WHERE rowid = ?", (docid,))
                con.execute("DELETE FROM files WHERE path = ?", (rel,))
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def search(db, query):
    con = sqlite3.connect(db)
    words = re.findall(r"\w+", query)
    if not words:
        return
    match = " AND ".join('"' + w + '"' for w in words)
    rows = con.execute("SELECT path, snippet(pages, 2, '[', ']', '…', 24) FROM pages WHERE pages MATCH ? "
                       "ORDER BY rank LIMIT 10", (match,)).fetchall()
    for path, snippet in rows:
        print(path, snippet)


if __name__ == "__main__":
    if sys.argv[1] == "index":
        index(sys.argv[2], sys.argv[3])
    else:
        search(sys.argv[2], " ".join(sys.argv[3:]))
