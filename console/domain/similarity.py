"""How alike two citizens' texts are, for duplicate finding.

Two people describing one problem share the words of the problem ("ổ gà", "ngã đổ",
"nắp hố ga") and often the name of the place ("Lê Lợi", "kiệt 42"); two problems side by side
share the place and little else. So a text gives two bags of terms, case-insensitive; a text
typed without diacritics is compared folded ("nap ho ga" matches "nắp hố ga"), two accented
texts are compared as written, since folding merges words ("đèn" lamp and "đến" to):

- problem terms: the lower-case words and their pairs ("ổ gà", "ngã đổ"), without the words
  every report has ("đề nghị", "xử lý", "trên đường", "người dân");
- place terms: the names (capitalised words inside a sentence: streets, markets, parks) and
  house or lane numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from console.domain.text import fold

_WORD = re.compile(r"\w+|[.!?;:\n]")
_SENTENCE_END = frozenset(".!?;:\n")


def _words(text: str, joiner: str = "_") -> frozenset[str]:
    """Words written one after the other; `joiner` binds the words of a pair."""
    return frozenset(word.replace(joiner, " ") for word in text.split())


#: Words with no meaning of their own in a report: they neither count nor pair.
_FUNCTION = _words(
    """
    à ai bị bởi cả các cách cần cho chỉ chưa còn cũng đã đang để đều được gần gì hay hoặc hôm
    hơn khi khoảng lại lúc mà mới một nào này nếu ngày nhiều những như nữa qua ra rằng rất
    rồi sau sẽ số tại thế thì thấy theo thường trên trong trước tuần và vào vẫn vì việc với
    xin đến đó ở từ tôi chúng mình là nay hết cùng luôn
    """
)
#: Words of the request and of the place around a problem: they only count inside a pair.
_WEAK = _words(
    """
    ánh bến cảm chức có công cửa cầu chợ dân đề đi địa điểm đoạn đường hẻm hiện hướng không
    khu kiệt lên liên lối mong người nhà nghị năng phản phía phố quan quyết sớm tâm thôn tình
    tổ trạng trường tuyến vực xử xuống lý kiểm tra giải viên gây tư nút kéo dài khắc phục dứt
    đảm bảo toàn tâm lặp xảy sự tháng lần
    """
)
#: Pairs of words that every report may have: the request, the place, the passer-by.
_BOILERPLATE = _words(
    """
    đề_nghị xử_lý kiểm_tra cơ_quan chức_năng phản_ánh người_dân tình_trạng cảm_ơn kính_gửi
    giải_quyết khu_vực tổ_dân dân_phố công_viên ngã_tư ngã_ba nút_giao bến_thuyền người_đi
    đi_lại xe_máy đường_đi nhà_dân kéo_dài khắc_phục dứt_điểm đảm_bảo an_toàn quan_tâm lặp_lại
    xảy_ra đi_ngang ngang_qua giờ_sáng nhiều_lần
    """
)
_PLAIN_FUNCTION = frozenset(fold(w) for w in _FUNCTION)
_PLAIN_WEAK = frozenset(fold(w) for w in _WEAK)
_PLAIN_BOILERPLATE = frozenset(fold(w) for w in _BOILERPLATE)


@dataclass(frozen=True, slots=True)
class Terms:
    """`plain` when the text was typed without diacritics: then only folded terms compare."""

    problem: frozenset[str]
    place: frozenset[str]
    plain: bool

    def folded(self) -> tuple[frozenset[str], frozenset[str]]:
        return frozenset(map(fold, self.problem)), frozenset(map(fold, self.place))


@lru_cache(maxsize=4096)
def terms(text: str) -> Terms:
    """The problem terms and place terms of a report's title and description."""
    text = unicodedata.normalize("NFC", text)
    plain = fold(text) == " ".join(text.lower().split())
    function, weak, boilerplate = (
        (_PLAIN_FUNCTION, _PLAIN_WEAK, _PLAIN_BOILERPLATE)
        if plain
        else (_FUNCTION, _WEAK, _BOILERPLATE)
    )
    problem: set[str] = set()
    place: set[str] = set()
    previous: str | None = None
    starts_sentence = True
    for raw in _WORD.findall(text):
        if raw in _SENTENCE_END:
            starts_sentence, previous = True, None
            continue
        word = raw.lower().replace("_", "")
        if not word:
            continue
        if raw.isdigit() or (raw[0].isupper() and not starts_sentence):
            place.add(word)
            previous = None
        elif word in function:
            previous = None
        else:
            if word not in weak:
                problem.add(word)
            if previous is not None and f"{previous} {word}" not in boilerplate:
                problem.add(f"{previous} {word}")
            previous = word
        starts_sentence = False
    return Terms(frozenset(problem), frozenset(place), plain)


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def likeness(first: Terms, second: Terms) -> tuple[float, float]:
    """(problem, place) likeness, each 0-1 (the cosine of the two sets of terms); a place
    likeness of 0.5 when either text names no place."""
    if first.plain or second.plain:
        (problem_a, place_a), (problem_b, place_b) = first.folded(), second.folded()
    else:
        problem_a, place_a = first.problem, first.place
        problem_b, place_b = second.problem, second.place
    place = _cosine(place_a, place_b) if place_a and place_b else 0.5
    return _cosine(problem_a, problem_b), place
