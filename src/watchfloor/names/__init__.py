"""Name normalisation and comparison: tokens, transliteration, legal forms, name variants.

`name_form(text, kind)` turns any name into comparable tokens; `best_name_score` compares two
sets of name forms and says which tokens carried the score.
"""

from watchfloor.names.forms import (
    Kind,
    NameForm,
    distinct_forms,
    kind_of,
    name_form,
    name_forms,
    split_alternatives,
)
from watchfloor.names.similarity import (
    NameScore,
    align,
    best_name_score,
    best_score,
    compare_forms,
    token_similarity,
)
from watchfloor.names.text import MAX_NAME_LENGTH, ascii_token, clean_text
from watchfloor.names.tokens import Role, Token, make_token

__all__ = [
    "MAX_NAME_LENGTH",
    "Kind",
    "NameForm",
    "NameScore",
    "Role",
    "Token",
    "align",
    "ascii_token",
    "best_name_score",
    "best_score",
    "clean_text",
    "compare_forms",
    "distinct_forms",
    "kind_of",
    "make_token",
    "name_form",
    "name_forms",
    "split_alternatives",
    "token_similarity",
]
