"""Word forms, so a search for one form of a word finds every form.

Russian and Ukrainian words change their ending with case, number and tense
("задержание" / "задержания", "повістка" / "повістки"); English less so
("detain" / "detained"). Two halves, each where it costs least (docs/architecture.md,
"Word forms"):

- English words: the search index keeps, beside the text as written, each word's
  Snowball stem where it differs from the word (a column `forms` of each FTS5 table;
  `text_forms` below, called by the triggers and by bulk inserts). A query word matches
  its own spelling or its stem.
- Russian and Ukrainian words: nothing extra is indexed. A query word is expanded,
  when the query is made, into every inflected form of each dictionary word it may be
  (`surface_forms`: the lexemes of pymorphy3's parses), and those forms are looked up
  in the text as written. "задержание" becomes задержание OR задержания OR
  задержанию ... Indexing each Cyrillic word's normal forms instead (the index did until
  2026-12-07) added about 100 tokens to every entry and held a bulk insert at 100k entries
  to 3,748 entries/s against 4,919/s now (bench/README.md); a query expanded into 10 to 150
  forms finds the same records and its first page costs 0.5 to 2 ms more at 1M. Journals
  indexed before keep their Cyrillic normal forms in `forms`; a query also asks for the
  word's normal forms, so those records are found the same way.

Which library: pymorphy3 with its Russian and Ukrainian OpenCorpora / LanguageTool
dictionaries (the dictionary form of a word and its whole paradigm, with a predictor for
words it does not know) and the Snowball English stemmer through PyStemmer. No
hand-written ending tables.

Which language, per word:
- Latin letters: English (a stem, e.g. "detain" for "detained");
- Cyrillic with і, ї, є or ґ: Ukrainian only; with ы, э, ъ or ё: Russian only;
- other Cyrillic words: each language whose dictionary knows the word; a word
  known to both gets both paradigms; a word neither knows gets each
  predictor's best guess (names, rare words).

Speed: analysers load once per process (about 0.1 s, on first use), and every
word's forms are cached (functools.lru_cache): the same few thousand words make
most of any journal, so indexing costs one dictionary look-up per English token and
nothing for a text without Latin letters (bench/bench_search.py measures bulk insert
with word forms).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from itertools import chain

_WORD = re.compile(r"[^\W_]+")  # one unicode61 token: letters and digits
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"^[a-zA-Z\u00c0-\u024f]+$")
_ANY_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_UK_ONLY = set("іїєґ")
_RU_ONLY = set("ыэъё")
MAX_FORMS_PER_WORD = 4

_lock = threading.Lock()
_analysers: dict[str, object] = {}


def _analyser(lang: str):
    """The pymorphy3 analyser (ru, uk) or the Snowball stemmer (en), loaded once."""
    found = _analysers.get(lang)
    if found is not None:
        return found
    with _lock:
        if lang not in _analysers:
            if lang == "en":
                import Stemmer

                _analysers[lang] = Stemmer.Stemmer("english")
            else:
                import pymorphy3

                _analysers[lang] = pymorphy3.MorphAnalyzer(lang=lang)
        return _analysers[lang]


def _fold(word: str) -> str:
    # The index folds case; е and ё are one letter to most writers (the exact-text query
    # carries both spellings, journal/records/search.py), so normal forms carry е only.
    return word.lower().replace("ё", "е")


def _dictionary_forms(lang: str, word: str) -> tuple[list[str], bool]:
    """(normal forms, known) of `word` in one language's dictionary."""
    morph = _analyser(lang)
    parses = morph.parse(word)  # type: ignore[attr-defined]
    known = morph.word_is_known(word)  # type: ignore[attr-defined]
    if known:
        forms = [p.normal_form for p in parses if p.is_known]
    else:
        forms = [parses[0].normal_form] if parses else []
    return forms, known


@lru_cache(maxsize=200_000)
def normal_forms(word: str) -> tuple[str, ...]:
    """The normal forms of one word (already one token), folded; may include the word itself."""
    low = word.lower()
    if _LATIN.match(low):
        return (_analyser("en").stemWord(low),)  # type: ignore[attr-defined]
    if not _CYRILLIC.search(low) or low.isdigit():
        return ()
    langs = _languages(low)
    found: dict[str, list[str]] = {}
    known: dict[str, bool] = {}
    for lang in langs:
        found[lang], known[lang] = _dictionary_forms(lang, low)
    if len(langs) == 2 and any(known.values()):
        langs = tuple(lang for lang in langs if known[lang])
    out: list[str] = []
    for lang in langs:
        for form in found[lang]:
            form = _fold(form)
            if form not in out and _WORD.fullmatch(form):
                out.append(form)
    return tuple(out[:MAX_FORMS_PER_WORD])


_OTHER_FORMS: dict[str, tuple[str, ...]] = {}  # word -> its normal forms other than itself
# A whitespace-separated chunk of lower-cased text ("задержали," "20.2") -> the forms of its words.
_CHUNK_FORMS: dict[str, tuple[str, ...]] = {}
_MAX_CACHED_WORDS = 500_000


def _other_forms(word: str) -> tuple[str, ...]:
    """The forms the index keeps for one word: an English word's stem when it differs
    (Russian and Ukrainian forms are expanded in the query instead, see above)."""
    forms = _OTHER_FORMS.get(word)
    if forms is None:
        forms = tuple(f for f in normal_forms(word) if f != word) if _LATIN.match(word) else ()
        if len(_OTHER_FORMS) < _MAX_CACHED_WORDS:
            _OTHER_FORMS[word] = forms
    return forms


def _chunk_forms(chunk: str) -> tuple[str, ...]:
    forms = tuple(dict.fromkeys(chain.from_iterable(_other_forms(w) for w in _WORD.findall(chunk))))
    if len(_CHUNK_FORMS) < _MAX_CACHED_WORDS:
        _CHUNK_FORMS[chunk] = forms
    return forms


def text_forms(*texts: str | None) -> str:
    """What the `forms` column indexes for a record's texts: each English word's stem
    where it differs from the word as written (the text columns hold those), space-separated,
    each once; "" for a text without Latin letters.

    Speed (bulk insert, bench/bench_search.py): a text without Latin letters is passed over
    by one regex search; otherwise it is split at white space (C speed) and each distinct
    chunk ("detained," with its comma) is looked up in a dict; only a chunk never seen goes
    through the tokenizing regex and the stemmer. Splitting every text with the regex cost
    more than all the rest of preparing an entry."""
    text = " ".join(t for t in texts if t)
    if not _ANY_LATIN.search(text):
        return ""
    chunks = set(text.lower().split())
    cache = _CHUNK_FORMS
    missing = chunks.difference(cache)
    if missing:
        extra = [_chunk_forms(chunk) for chunk in missing]  # may not fit the cache
        chunks -= missing
    else:
        extra = []
    out = set(chain.from_iterable(map(cache.__getitem__, chunks)))
    out.update(chain.from_iterable(extra))
    return " ".join(out)


def _languages(low: str) -> tuple[str, ...]:
    letters = set(low)
    if letters & _UK_ONLY:
        return ("uk",)
    if letters & _RU_ONLY:
        return ("ru",)
    return ("ru", "uk")


@lru_cache(maxsize=4096)
def surface_forms(word: str) -> tuple[str, ...]:
    """Every inflected form of the dictionary words `word` may be a form of (lower case,
    with е for ё too): what a Russian or Ukrainian query word is expanded into, and what
    snippets highlight. "задержание" gives "задержания", "задержанию", ... The same
    parses as normal_forms (each known parse; else the predictor's best guess; a word known
    to one language only is not looked up in the other), each parse's whole paradigm.
    English gives nothing here (its stems are indexed, see above)."""
    low = word.lower()
    if not _CYRILLIC.search(low) or low.isdigit():
        return ()
    langs = _languages(low)
    chosen: dict[str, list] = {}
    known: dict[str, bool] = {}
    for lang in langs:
        morph = _analyser(lang)
        parses = morph.parse(low)  # type: ignore[attr-defined]
        known[lang] = morph.word_is_known(low)  # type: ignore[attr-defined]
        chosen[lang] = [p for p in parses if p.is_known] if known[lang] else parses[:1]
    if len(langs) == 2 and any(known.values()):
        langs = tuple(lang for lang in langs if known[lang])
    out: set[str] = {low, low.replace("ё", "е")}
    for lang in langs:
        for parse in chosen[lang][:MAX_FORMS_PER_WORD]:
            for form in parse.lexeme:
                if _WORD.fullmatch(form.word):
                    out.add(form.word)
                    out.add(form.word.replace("ё", "е"))
    return tuple(sorted(out))


def english_stem(word: str) -> str | None:
    low = word.lower()
    return _analyser("en").stemWord(low) if _LATIN.match(low) else None  # type: ignore[attr-defined]


def sql_text_forms(*texts):
    """text_forms for SQLite (registered as journal_word_forms on every connection,
    journal/storage/db.py): the triggers that keep the search index call it.

    Never fails: a save must not be lost because the dictionaries cannot be loaded (a damaged
    install); the record is then indexed by its exact words only."""
    try:
        return text_forms(*(t if isinstance(t, str) else None for t in texts))
    except Exception:  # noqa: BLE001 - see above; search still finds the exact words
        return ""
