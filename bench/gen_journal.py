"""Realistic synthetic journals for benchmarks (and for trying the app on a big journal).

Bodies of about 200 words are drawn from a Zipf-distributed vocabulary of
about 30k words: real Russian and English words of the domain (detentions,
courts, the draft…) and common function words at the top ranks, then
deterministic pseudo-words shaped like Russian (Cyrillic syllables with
Russian endings) and English. Dates spread over five years in several
zones, roughly in date order, the way a journal fills up. Everything comes
from a seeded RNG, so two runs with the same seed produce the same journal.

As a script it creates a journal you can open in the app:

    python bench/gen_journal.py DIR --entries 10000 [--passphrase P] [--fast-kdf]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_SEED = 20240305
ZIPF_EXPONENT = 1.0
RU_VOCABULARY = 18_000
EN_VOCABULARY = 12_000
RU_SHARE = 0.7  # share of entries written in Russian

# --- real words, placed at the top ranks ------------------------------------------------

RU_FUNCTION = (
    "и в не на что с по к а как из у за о от это он она они был была были так же "
    "для до его её их мы я но при после во время когда где там уже ещё только"
).split()

RU_DOMAIN = (
    "задержание задержания задержали задержан задержанных задержанного полиция полиции "
    "полицейский полицейские сотрудник сотрудники сотрудников суд суда суде судья судьи "
    "протокол протокола протоколы военкомат военкомата военкомате повестка повестку повестки "
    "протест протеста акция акции митинг митинга пикет пикета омон омона ОВД отдел отдела "
    "адвокат адвоката адвокату защитник штраф штрафа арест ареста арестован статья статье "
    "обыск обыска обыске избиение избили травмы травм побои свидетель свидетели свидетеля "
    "мобилизация мобилизации призыв призыва призывник призывника граница границы границе "
    "угрозы угрожали давление допрос допроса следователь следователя телефон телефона "
    "изъяли изъятие дело дела уголовное административное заявление жалоба жалобу "
    "прокуратура прокуратуры автозак автозаке камера камере изолятор сутки суток "
    "медосмотр врач скорая больница задержанный задержанная журналист журналиста "
    "активист активистка студент студентка родственники мать отец брат сестра "
    "фото видео запись съёмка документы паспорт рапорт объяснение подпись отказ "
    "отказался отказалась альтернативная служба пограничник пограничники выезд "
    "въезд аэропорт вокзал улица площадь центр район город квартира подъезд"
).split()

EN_FUNCTION = (
    "the of and to a in was he she they at by for on with that it from were had his her "
    "after before during when where there also then not but we"
).split()

EN_DOMAIN = (
    "detention detained detainee detainees police officer officers court hearing judge "
    "lawyer attorney protest protesters protester rally arrest arrested arrests search "
    "searched summons conscription draft conscript enlistment office border crossing "
    "guards threat threats threatened witness witnesses injuries injured beaten beating "
    "fine fined station custody cell interrogation investigator phone seized seizure "
    "charges charged case criminal administrative complaint prosecutor prosecution "
    "van bus report statement signature refused refusal alternative service journalist "
    "activist student relatives mother father brother sister photo video recording "
    "documents passport airport street square district apartment hospital ambulance "
    "doctor medical evidence footage released release sentence appeal verdict"
).split()

CATEGORIES = (
    "detention", "police_violence", "search", "court_hearing", "mobilization", "border",
    "threat", "conscientious_objection", "other",
)
CATEGORY_WEIGHTS = (30, 15, 8, 14, 12, 6, 8, 3, 4)

PLACES = (
    ("Москва", "Europe/Moscow"), ("Санкт-Петербург", "Europe/Moscow"), ("Казань", "Europe/Moscow"),
    ("Нижний Новгород", "Europe/Moscow"), ("Калининград", "Europe/Kaliningrad"),
    ("Екатеринбург", "Asia/Yekaterinburg"), ("Челябинск", "Asia/Yekaterinburg"),
    ("Новосибирск", "Asia/Novosibirsk"), ("Иркутск", "Asia/Irkutsk"), ("Минск", "Europe/Minsk"),
    ("Гомель", "Europe/Minsk"), ("Верхний Ларс", "Europe/Moscow"), ("Tbilisi", "Asia/Tbilisi"),
    ("Almaty", "Asia/Almaty"), ("Yerevan", "Asia/Yerevan"), ("Vilnius", "Europe/Vilnius"),
)

TAGS = (
    "ОМОН", "автозак", "адвокат не допущен", "избиение", "изъят телефон", "несовершеннолетний",
    "журналист", "повестка", "военкомат", "статья 20.2", "статья 20.3.3", "пытки", "угрозы",
    "видео есть", "свидетели", "court", "appeal", "border", "lawyer denied", "phone seized",
)

STATUSES = ("draft", "final")
SOURCES = ("witnessed", "reported", "media", None)

# --- pseudo-words ------------------------------------------------------------------------

_RU_CONSONANTS = "бвгдзклмнпрстфхчшжц"
_RU_VOWELS = "аеиоуыяю"
_RU_ENDINGS = ("", "", "ание", "ость", "ский", "ная", "ный", "ать", "ить", "ка", "ция", "ок",
               "ение", "ами", "ого", "ому", "ает", "или")
_EN_ONSETS = ("b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
              "st", "tr", "ch", "sh", "th", "pl", "gr", "br", "cl", "sp")
_EN_VOWELS = ("a", "e", "i", "o", "u", "ea", "ou", "ai", "ee")
_EN_ENDINGS = ("", "", "tion", "ing", "ed", "ly", "er", "ness", "ment", "al", "s", "ous", "ity")


def _ru_pseudo(rng: random.Random) -> str:
    syllables = rng.choice((1, 2, 2, 3, 3, 4))
    word = "".join(rng.choice(_RU_CONSONANTS) + rng.choice(_RU_VOWELS) for _ in range(syllables))
    return word + rng.choice(_RU_ENDINGS)


def _en_pseudo(rng: random.Random) -> str:
    syllables = rng.choice((1, 2, 2, 3))
    word = "".join(rng.choice(_EN_ONSETS) + rng.choice(_EN_VOWELS) for _ in range(syllables))
    return word + rng.choice(_EN_ENDINGS)


def _interleave(first: list[str], second: list[str]) -> list[str]:
    """f, d, f, d… so real domain words sit among the function words at the top."""
    out = []
    for a, b in itertools.zip_longest(first, second):
        out.extend(w for w in (a, b) if w is not None)
    return out


@dataclass
class Language:
    """One language's words in Zipf rank order, with cumulative weights for sampling."""

    name: str
    words: list[str]
    cum_weights: list[float]

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=k)

    def rank_of(self, word: str) -> int:
        return self.words.index(word) + 1

    def match_probability(self, rank: int, words_per_entry: int = 200) -> float:
        """Chance that an entry of this language contains the word at `rank` (1-based)."""
        total = self.cum_weights[-1]
        prev = self.cum_weights[rank - 2] if rank > 1 else 0.0
        p = (self.cum_weights[rank - 1] - prev) / total
        return 1 - (1 - p) ** words_per_entry


@dataclass
class Vocabulary:
    ru: Language
    en: Language


def _language(name: str, top: list[str], size: int, pseudo, rng: random.Random) -> Language:
    seen = {w.casefold() for w in top}
    words = list(top)
    while len(words) < size:
        word = pseudo(rng)
        if len(word) >= 3 and word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    cum, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank ** ZIPF_EXPONENT
        cum.append(total)
    return Language(name, words, cum)


def build_vocabulary(seed: int = DEFAULT_SEED) -> Vocabulary:
    """About 30k words (18k Russian-shaped, 12k English-shaped), deterministic for a seed."""
    rng = random.Random(seed)
    ru = _language("ru", _interleave(RU_FUNCTION, RU_DOMAIN), RU_VOCABULARY, _ru_pseudo, rng)
    en = _language("en", _interleave(EN_FUNCTION, EN_DOMAIN), EN_VOCABULARY, _en_pseudo, rng)
    return Vocabulary(ru, en)


# --- entries -----------------------------------------------------------------------------


def _text(rng: random.Random, lang: Language, n_words: int) -> str:
    words = lang.sample(rng, n_words)
    sentences, i = [], 0
    while i < len(words):
        length = rng.randint(6, 18)
        chunk = words[i : i + length]
        i += length
        if len(chunk) > 4 and rng.random() < 0.4:
            cut = rng.randint(2, len(chunk) - 2)
            chunk[cut] = chunk[cut] + ","
        chunk[0] = chunk[0][:1].upper() + chunk[0][1:]
        sentences.append(" ".join(chunk) + ".")
    return " ".join(sentences)


def generate_entries(count: int, seed: int = DEFAULT_SEED, vocabulary: Vocabulary | None = None,
                     start: dt.date = dt.date(2021, 1, 1), years: int = 5):
    """Yield `count` dicts of EntryStore.add keyword arguments, roughly in date order."""
    vocab = vocabulary or build_vocabulary(seed)
    rng = random.Random(seed + count)
    span = dt.timedelta(days=365 * years).total_seconds()
    base = dt.datetime.combine(start, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for i in range(count):
        lang = vocab.ru if rng.random() < RU_SHARE else vocab.en
        place, tz = rng.choice(PLACES)
        # Entries are written a little after the fact, so order is only roughly by date.
        offset = (i / max(count, 1)) * span - rng.uniform(0, 3 * 86400)
        # A real instant shown in the place's zone, with its offset: never a local time
        # that a DST change skipped or repeated (the core rejects those).
        moment = (base + dt.timedelta(seconds=max(offset, 0))).astimezone(ZoneInfo(tz))
        roll = rng.random()
        if roll < 0.01:
            occurred = None
        elif roll < 0.11:
            occurred = moment.date().isoformat()
        else:
            occurred = moment.isoformat(timespec="minutes")
        title_words = lang.sample(rng, rng.randint(3, 7))
        title = " ".join(title_words)
        title = title[:1].upper() + title[1:] + f" — {place}"
        yield {
            "title": title,
            "body": _text(rng, lang, rng.randint(150, 250)),
            "occurred_at": occurred,
            "occurred_tz": tz if occurred else None,
            "place": place,
            "category": rng.choices(CATEGORIES, weights=CATEGORY_WEIGHTS)[0],
            "tags": rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3))),
            "status": rng.choice(STATUSES),
            "source": rng.choice(SOURCES),
        }


def fill_journal(journal, entries, progress=None, batch: int = 20_000) -> int:
    """Insert `entries` (dicts) through EntryStore.add_many, one transaction per `batch`
    entries: the bulk path (FTS5 indexing per batch, word forms cached per word, writes on a
    worker thread; journal/storage/bulk.py). Several transactions rather than one, so the WAL
    of a 1M journal stays a few hundred MB."""
    done = 0
    entries = iter(entries)
    while True:
        chunk = list(itertools.islice(entries, batch))
        if not chunk:
            return done
        journal.entries.add_many(chunk)
        done += len(chunk)
        if progress:
            progress(done, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path, help="folder for the new journal (must not hold one)")
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--passphrase", default="benchmark passphrase")
    parser.add_argument("--fast-kdf", action="store_true", help="cheap Argon2id (for throwaway journals only)")
    args = parser.parse_args(argv)

    from journal.storage.keyslots import DEFAULT_KDF, KdfParams
    from journal.storage.vault import Journal

    kdf = KdfParams(memory_kib=8192, iterations=1, lanes=1) if args.fast_kdf else DEFAULT_KDF
    created = Journal.create(args.data_dir, args.passphrase, "Synthetic journal", kdf=kdf)
    with created.journal as journal:
        fill_journal(journal, generate_entries(args.entries, args.seed),
                     progress=lambda done, _: print(f"\r{done}/{args.entries}", end="", flush=True))
    print(f"\nCreated {args.entries} entries in {args.data_dir}; recovery code: {created.recovery_code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
