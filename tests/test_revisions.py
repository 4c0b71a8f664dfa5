"""The one hash-chain rule (journal/records/revisions.py) that entries, people and form values use."""

import hashlib

from journal.records.revisions import GENESIS_HASH, canonical_json, chain_hash, check_chains, next_revision


def test_next_revision_chains_from_genesis_then_from_the_previous_hash():
    canonical, prev, first = next_revision(None, {"b": 1, "a": "ё"})
    assert canonical == '{"a":"ё","b":1}' and prev == GENESIS_HASH
    assert first == hashlib.sha256((GENESIS_HASH + "\n" + canonical).encode()).hexdigest()
    _, prev2, second = next_revision(first, {"a": 2})
    assert prev2 == first and second == chain_hash(first, canonical_json({"a": 2}))


def test_check_chains_reports_gaps_breaks_and_alterations_per_record():
    c1, p1, h1 = next_revision(None, {"v": 1})
    c2, p2, h2 = next_revision(h1, {"v": 2})
    good = [("a", 1, c1, p1, h1), ("a", 2, c2, p2, h2), ("b", 1, c1, p1, h1)]
    problems, last = check_chains(good, lambda key: f"record {key}")
    assert problems == [] and last == {"a": (2, h2, c2), "b": (1, h1, c1)}
    bad = [("a", 2, c2, p2, h2), ("b", 1, c1 + " ", p1, h1)]  # a lost revision 1; b edited in place
    problems, _ = check_chains(bad, lambda key: f"record {key}")
    assert problems == ["record a: revision 1 is missing",
                        "record a: revision 2 is not chained to the previous one",
                        "record b: revision 1 was altered (hash mismatch)"]
