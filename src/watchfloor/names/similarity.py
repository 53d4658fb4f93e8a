"""Similarity of tokens and of whole names, with the alignment that explains it.

Token similarity takes the strongest of: identity; shared name-variant symbols (Husayn ~
Hussein); an initial against a name with that first letter; an edit distance within a budget
that grows with length (one edit per four letters: Scholz ~ Scholze, but not Monteiro ~
Montenegro); equal phonetic keys with the same first letter; equal consonant skeletons when one
side was written in an abjad. Name similarity aligns tokens greedily, best pairs first, and is
a weighted Dice coefficient: matched evidence over all evidence, where an unmatched token of
the list entry counts less than an unmatched token of the query (lists spell names out in full).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio

from watchfloor import compiled
from watchfloor.names.forms import PACKED_LAYOUT, NameForm, pack_form, roman_value
from watchfloor.names.tokens import Role, Token

if TYPE_CHECKING:  # mypy reads the stub (_align.pyi); at run time, what the backend gives
    from watchfloor.names import _align
else:
    _align = compiled.load("watchfloor.names._align", PACKED_LAYOUT)  # None: not built or refused

SYMBOL_SCORE = 0.9
INITIAL_SCORE = 0.75
PHONETIC_SCORE = 0.8
SKELETON_SCORE = 0.85
NICKNAME_SCORE = 0.8
"""A nickname and the name it stands for (Ted ~ Theodore): weaker than a spelling of one name,
since a nickname stands for several (Ted: Edward, Edmund, Theodore)."""
SERIES_SCORE = 0.5
"""Two different numbers in a name: members of one numbered series (Fund VII ~ Fund VIII,
Trust 2004-1 ~ 2004-2, Snow Storm 1 ~ 2) share their sponsor and their name, and lists and
screening data confuse them; half a match, so the rest of the name must carry the score."""

_VOWELS = frozenset("aeiouy")
_NO_SYMBOLS: frozenset[int] = frozenset()

_NUMBER = Role.NUMBER  # enum members bound once: each `Role.X` lookup goes through a descriptor
_INITIAL = Role.INITIAL
_osa_distance = OSA.distance


def token_similarity(a: Token, b: Token) -> float:
    """Similarity in [0, 1] of two tokens; 0 means "not the same word"."""
    ta, tb = a.text, b.text
    if ta == tb:
        return 1.0
    ra, rb = a.role, b.role
    if ra == _NUMBER or rb == _NUMBER:
        return _number_similarity(a, b) if ra != rb else SERIES_SCORE
    if ra == _INITIAL or rb == _INITIAL:
        if ra == rb:
            return 0.0
        return INITIAL_SCORE if ta[0] == tb[0] else 0.0
    best = 0.0
    shared = a.symbols & b.symbols if a.symbols and b.symbols else _NO_SYMBOLS
    if shared and min(shared) < 0:
        best = NICKNAME_SCORE  # a nickname group (negative numbers): Ted ~ Theodore, Bill ~ William
    if (
        shared
        and max(shared) > 0
        # spellings of one name start alike (Husayn/Hussein, Osama/Usama): this keeps a shared
        # symbol of two short romanised syllables (li/yi, jian/kim) from counting
        and (ta[0] == tb[0] or (ta[0] in _VOWELS and tb[0] in _VOWELS))
    ):
        best = SYMBOL_SCORE
    la, lb = len(ta), len(tb)
    longest = la if la > lb else lb
    budget = longest // 4  # one edit per four letters, none below four
    if budget and abs(la - lb) <= budget:
        dist = _osa_distance(ta, tb, score_cutoff=budget)
        if dist <= budget:
            score = 1.0 - dist / longest
            if score > best:
                best = score
    if (
        best < PHONETIC_SCORE
        and len(a.phonetic) > 1
        and a.phonetic == b.phonetic
        and ta[0] == tb[0]
        and _osa_distance(ta, tb, score_cutoff=budget + 1) <= budget + 1
    ):
        best = PHONETIC_SCORE
    if best < SKELETON_SCORE and (a.abjad or b.abjad) and len(a.skeleton) > 2 and a.skeleton == b.skeleton:
        best = SKELETON_SCORE
    return best


def _number_similarity(a: Token, b: Token) -> float:
    """A number against a word: the same number when the word is its Roman numeral (a customer
    file that moved `XII` to the front of BICENTENARIO XII keeps the letters), a series member
    when it is another numeral, else nothing."""
    number, other = (a, b) if a.role == _NUMBER else (b, a)
    value = roman_value(other.text)
    if value is None:
        return 0.0
    return 1.0 if str(value) == number.text else SERIES_SCORE


_SIM_CACHE: dict[int, float] = {}
_SIM_CACHE_LIMIT = 3_000_000


def python_cached_similarity(a: Token, b: Token) -> float:
    """`token_similarity`, remembered: screening compares the same list tokens again and again.
    Keyed by the tokens' serial numbers (one int, no tuple to build); when full, the older half
    goes, so a long batch keeps its common pairs instead of starting cold again. The reference
    for the compiled cache (`names._align`), which keeps two generations to the same effect."""
    key = (a.serial << 32) | b.serial
    found = _SIM_CACHE.get(key)
    if found is None:
        found = token_similarity(a, b)
        if len(_SIM_CACHE) >= _SIM_CACHE_LIMIT:
            for old in list(itertools.islice(_SIM_CACHE, _SIM_CACHE_LIMIT // 2)):
                _SIM_CACHE.pop(old, None)  # another server thread may be evicting too
        _SIM_CACHE[key] = found
    return found


def remembered_similarity() -> Callable[[Token, Token], float]:
    """The remembered `token_similarity` in use: the compiled table, or the Python cache."""
    return _align.cached_similarity if compiled.ACTIVE and _align is not None else python_cached_similarity


@dataclass(slots=True)
class NameScore:
    """The score of one name pair and the token pairs behind it."""

    score: float
    query: NameForm
    candidate: NameForm
    pairs: list[tuple[Token | None, Token | None, float]]
    characters: float | None = None  # agreement of CJK characters, when it lowered the score
    places: bool = False  # the policy's place rule applied (organisation names)

    def explain(self) -> str:
        """One line: matched tokens (with their similarity when not identical), then extras,
        then what lowered the score beyond the extras (replaced parts, a country on one side)."""
        bits: list[str] = []
        if self.characters is not None:
            bits.append(
                f"(characters {self.query.cjk}~{self.candidate.cjk} agree {self.characters:.2f},"
                f" capped at {self.score:.2f})"
            )
        for q, c, s in self.pairs:
            if q is not None and c is not None:
                bits.append(q.text if q.text == c.text else f"{q.text}~{c.text} {s:.2f}")
            elif q is not None:
                bits.append(f"-{q.text}")
            elif c is not None:
                bits.append(f"+{c.text}")
            else:
                bits.append(f"(written together {s:.2f})")
        return " ".join(bits + self._penalties())

    def _penalties(self) -> list[str]:
        if any(q is None and c is None for q, c, _ in self.pairs):
            return []  # scored written together: the alignment's penalties did not decide
        left, right = _unmatched(self.pairs)
        notes = []
        replaced = min(sum(t.replaceable for t in left), sum(t.replaceable for t in right))
        if replaced:
            notes.append(f"({replaced} name part{'s' if replaced > 1 else ''} replaced by another)")
        if self.places and any(t.is_place for t in left) != any(t.is_place for t in right):
            notes.append("(a country named on one side only: another legal person)")
        return notes


TokenSim = Callable[[Token, Token], float]
Pairs = list[tuple[Token | None, Token | None, float]]

SUBSTITUTION_PENALTY = 0.8
"""Factor per name part replaced by a different one (Olaf ~ Octavian): a substitution is evidence
of another person or firm, however long the rest of the name is."""
NASAB_PENALTY = 0.7
"""Factor when the names around `bin` trade places: X bin Y is the son of Y, not the father."""
PLACE_PENALTY = 0.7
"""Factor when a country is named in one organisation name only: Banco Santander Mexico is the
Mexican subsidiary, another legal person than Banco Santander (ownership links are the
exposure graph's business, not the name matcher's)."""
THIN_OVERLAP_PENALTY = 0.85
"""Factor when fewer name parts than the policy asks for are shared and either side has more, or
when the names share nothing but initials: N.N. is no evidence of Nursultan Nazarbayev."""


@dataclass(frozen=True, slots=True)
class AlignPolicy:
    """How unmatched tokens count, per kind of name."""

    extra_query: float
    extra_candidate: float
    min_core_matches: int
    initials: bool
    places: bool  # a country named on one side only lowers the score (PLACE_PENALTY)


PERSON_POLICY = AlignPolicy(
    extra_query=0.6, extra_candidate=0.5, min_core_matches=2, initials=True, places=False
)
ORG_POLICY = AlignPolicy(
    extra_query=0.9, extra_candidate=0.6, min_core_matches=1, initials=False, places=True
)


def _is_core(token: Token) -> bool:
    return token.core


def _nasab_swapped(query: Sequence[Token], candidate: Sequence[Token], pairs: Pairs) -> bool:
    """True when the names on each side of `bin` are aligned across it."""

    def sides(tokens: Sequence[Token]) -> tuple[set[int], set[int]] | None:
        texts = [t.text for t in tokens]
        if "bin" not in texts[1:-1]:
            return None
        ids = [id(t) for t in tokens]
        at = texts.index("bin", 1)
        return set(ids[:at]), set(ids[at + 1 :])

    qs, cs = sides(query), sides(candidate)
    if qs is None or cs is None:
        return False
    for q, c, _ in pairs:
        if q is None or c is None or not q.core:
            continue
        if (id(q) in qs[0] and id(c) in cs[1]) or (id(q) in qs[1] and id(c) in cs[0]):
            return True
    return False


def align(
    query: Sequence[Token],
    candidate: Sequence[Token],
    policy: AlignPolicy = PERSON_POLICY,
    sim: TokenSim | None = None,
    nasab: bool = True,
) -> tuple[float, Pairs]:
    """Greedy best-first token alignment scored as a weighted Dice coefficient, lowered for
    each substituted name part and for a too-thin overlap. `nasab=False` skips the `bin` order
    check (callers that know neither name has one). `sim` defaults to the remembered one."""
    if sim is None:
        sim = remembered_similarity()
    initial = _INITIAL
    edges: list[tuple[float, int, int]] = []
    for i, q in enumerate(query):
        qtext = q.text
        for j, c in enumerate(candidate):
            if qtext == c.text:
                edges.append((-1.0, i, j))
                continue
            s = sim(q, c)
            # a full match aligns whatever the policy says of initials (I ~ 1 in DINO I)
            if s > 0.0 and (s >= 1.0 or policy.initials or (q.role != initial and c.role != initial)):
                edges.append((-s, i, j))
    edges.sort()
    nq, nc = len(query), len(candidate)
    used_q = [False] * nq
    used_c = [False] * nc
    pairs: Pairs = []
    matched = 0.0
    total = 0.0
    core_matches = 0
    full_matches = 0  # pairs with no initial on either side
    for neg, i, j in edges:
        if used_q[i] or used_c[j]:
            continue
        used_q[i] = used_c[j] = True
        q, c = query[i], candidate[j]
        s = -neg
        weight = q.weight + c.weight
        if s < 1.0 and (q.role == initial or c.role == initial):
            weight = 2 * min(q.weight, c.weight)
        matched += s * weight
        total += weight
        pairs.append((q, c, s))
        if q.core or c.core:
            core_matches += 1
        if q.role != initial and c.role != initial:
            full_matches += 1
    extra_q = 0
    extra_c = 0
    place_q = place_c = False
    aligned = len(pairs)
    if aligned < nq:
        for i, q in enumerate(query):
            if not used_q[i]:
                total += q.weight * policy.extra_query
                pairs.append((q, None, 0.0))
                extra_q += q.replaceable
                place_q = place_q or q.is_place
    if aligned < nc:
        for j, c in enumerate(candidate):
            if not used_c[j]:
                total += c.weight * policy.extra_candidate
                pairs.append((None, c, 0.0))
                extra_c += c.replaceable
                place_c = place_c or c.is_place
    if total <= 0.0 or matched <= 0.0:
        return 0.0, pairs
    score = matched / total
    if extra_q and extra_c:
        score *= SUBSTITUTION_PENALTY ** min(extra_q, extra_c)
    if policy.places and place_q != place_c:
        score *= PLACE_PENALTY
    if (core_matches < policy.min_core_matches and (extra_q or extra_c)) or not full_matches:
        score *= THIN_OVERLAP_PENALTY
    if nasab and _nasab_swapped(query, candidate, pairs):
        score *= NASAB_PENALTY
    return score, pairs


def _unmatched(pairs: Pairs) -> tuple[list[Token], list[Token]]:
    """The query's and the candidate's tokens an alignment left unmatched."""
    left = [q for q, c, _ in pairs if c is None and q is not None]
    right = [c for q, c, _ in pairs if q is None and c is not None]
    return left, right


def _split_apart(pairs: Pairs) -> bool:
    """True when both sides kept an unmatched name part or initial: what a name split
    differently leaves (FridrichBuchenberg ~ Friedrich Buchenberg, C I ~ CI)."""
    left, right = _unmatched(pairs)
    return any(t.core or t.is_initial for t in left) and any(t.core or t.is_initial for t in right)


def joined_similarity(query: NameForm, candidate: NameForm, split: bool = True) -> float:
    """Similarity of the names written without spaces (SiemensAG, Mohammadhasni, xijinping);
    only for names split differently, and only when nearly identical. Written together with
    their particles (Abubakr ~ Abu Bakr, Delacruz ~ de la Cruz), they must be equal.
    `split=False` says the token alignment left no name part unmatched on one side: then no
    part was split apart, a nearly identical joined text is a part added or replaced (Mir
    Wali Khudai ~ Mir Khudai, Fund V ~ Fund VI), and only equal joined texts count."""
    if query.spelled or candidate.spelled:
        a, b = query.spelled or query.joined, candidate.spelled or candidate.joined
        if a == b and len(a) >= 6:
            return 1.0
    a, b = query.joined, candidate.joined
    if len(a) < 6 or len(b) < 6:
        return 0.0
    if query.core_count == candidate.core_count:
        return 0.0
    if a == b:
        return 1.0
    if not split:
        return 0.0
    return ratio(a, b, score_cutoff=90.0) / 100.0


def compare_forms(
    query: NameForm,
    candidate: NameForm,
    policy: AlignPolicy = PERSON_POLICY,
    sim: TokenSim | None = None,
) -> NameScore:
    """Score one pair of name forms; compiled when the aligner is in use and `sim` is left to
    the remembered similarity."""
    nasab = query.has_bin and candidate.has_bin
    if _syllabic(query) != _syllabic(candidate) and not (query.cjk and candidate.cjk):
        # a name written in Han or Hangul against a romanised one: each syllable is a character,
        # and "wang" is not "kang" however close the letters (one character, one name part)
        score, pairs = align(query.tokens, candidate.tokens, policy, syllable_similarity, nasab)
    elif sim is None and compiled.ACTIVE and _align is not None:
        score, pairs = _align.align(query, candidate, policy, nasab)
    else:
        score, pairs = align(query.tokens, candidate.tokens, policy, sim, nasab)
    joined = joined_similarity(query, candidate, _split_apart(pairs))
    if joined > score:
        pairs = [(None, None, joined), *pairs]
        score = joined
    if query.cjk and query.cjk_scripts == candidate.cjk_scripts and query.cjk != candidate.cjk:
        agreement = character_agreement(query.cjk, candidate.cjk)
        if agreement * SUBSTITUTION_PENALTY < score:
            return NameScore(
                agreement * SUBSTITUTION_PENALTY, query, candidate, pairs, agreement, policy.places
            )
    return NameScore(score=score, query=query, candidate=candidate, pairs=pairs, places=policy.places)


_SYLLABIC_SCRIPTS = frozenset({"Han", "Hangul"})


def _syllabic(form: NameForm) -> bool:
    """Written wholly in Han or Hangul, a character per syllable (kana spell foreign names by
    sound: バラク・オバマ is "baraku obama", close to Barack Obama by its letters)."""
    return bool(form.cjk) and set(form.cjk_scripts.split("+")) <= _SYLLABIC_SCRIPTS


def syllable_similarity(a: Token, b: Token) -> float:
    """Romanised syllables of a name written in characters: the same syllable, or two spellings
    of it in the romanisations lists use (``romanisation_key``: Zhang ~ Chang, Gim ~ Kim); letters
    that are merely close, or rigour's name-variant symbols shared by short syllables (yu/jang,
    seok/shi), are another character."""
    if a.text == b.text:
        return 1.0
    return SYMBOL_SCORE if romanisation_key(a.text) == romanisation_key(b.text) else 0.0


# Spellings of one Chinese or Korean syllable in the romanisations lists use side by side
# (pinyin / Wade-Giles, Revised Romanization / McCune-Reischauer and family-name customs):
# unaspirated initials written g/d/b/j/zh or k/t/p/ch, x or hs, and eo/eu written o/u.
_ROMANISED_SURNAMES = {
    "lee": "i",
    "yi": "i",
    "rhee": "i",
    "ri": "i",
    "park": "bak",
    "pak": "bak",
    "choi": "choe",
}
_INITIAL_SPELLING = {"g": "k", "d": "t", "b": "p", "j": "ch", "zh": "ch", "q": "ch", "x": "hs"}
_FIRST_CONSONANT = re.compile(r"^(zh|[gdbjqx])")


def romanisation_key(syllable: str) -> str:
    """One key for the spellings of one syllable ("jeong", "jong" and "chong"; "gim" and "kim")."""
    text = _ROMANISED_SURNAMES.get(syllable, syllable)
    text = _FIRST_CONSONANT.sub(lambda m: _INITIAL_SPELLING[m.group(1)], text, count=1)
    return text.replace("eo", "o").replace("eu", "u")


def cross_script_score(
    query: NameForm,
    candidate: NameForm,
    extra_query: float,
    extra_candidate: float,
    min_core_matches: int,
    initials: bool,
    places: bool,
) -> float:
    """`compare_forms`' score for a name in characters against a romanised one, for the
    compiled aligner, which leaves these rare pairs to Python."""
    policy = AlignPolicy(extra_query, extra_candidate, min_core_matches, bool(initials), bool(places))
    return compare_forms(query, candidate, policy).score


def character_agreement(a: str, b: str) -> float:
    """Dice coefficient of two character multisets: each Han or Hangul character is a syllable
    of the name, so one different character is one different name part."""
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def best_name_score(
    queries: Sequence[NameForm],
    candidates: Sequence[NameForm],
    policy: AlignPolicy = PERSON_POLICY,
    sim: TokenSim | None = None,
) -> NameScore | None:
    """The best-scoring pair of names across two sets of names (the first on ties). Compiled,
    only the winning pair is explained; the Python loop explains every pair it scores."""
    if sim is None and compiled.ACTIVE and _align is not None:
        found = _align.best_pair(queries, candidates, policy)
        return None if found is None else compare_forms(queries[found[1]], candidates[found[2]], policy)
    best: NameScore | None = None
    for q in queries:
        for c in candidates:
            result = compare_forms(q, c, policy, sim)
            if best is None or result.score > best.score:
                best = result
                if result.score >= 1.0:
                    return best
    return best


def best_score(
    queries: Sequence[NameForm], candidates: Sequence[NameForm], policy: AlignPolicy = PERSON_POLICY
) -> float | None:
    """The score of `best_name_score`, without explaining it (comparing bare name pairs)."""
    if compiled.ACTIVE and _align is not None:
        found = _align.best_pair(queries, candidates, policy)
        return None if found is None else found[0]
    best = best_name_score(queries, candidates, policy)
    return None if best is None else best.score


if _align is not None:
    _align.configure(
        token_similarity,
        pack_form,
        ratio,
        character_agreement,
        cross_script_score,
        SUBSTITUTION_PENALTY,
        NASAB_PENALTY,
        PLACE_PENALTY,
        THIN_OVERLAP_PENALTY,
        _SIM_CACHE_LIMIT,
    )
