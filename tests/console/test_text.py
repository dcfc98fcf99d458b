"""Accent-insensitive search keys."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from console.domain.text import fold


def test_typed_without_accents_matches_the_written_words() -> None:
    assert fold("Đèn đường") == "den duong"
    assert "den duong" in fold("Hỏng ĐÈN ĐƯỜNG trên đường Lê Lợi")
    assert fold("Cây xanh bị đổ, chắn ngang   đường\tHuế") == "cay xanh bi do, chan ngang duong hue"
    assert fold("Ỷ Ơ ư Ấ ậ ữ ỹ") == "y o u a a u y"


def test_decomposed_input_folds_like_composed() -> None:
    text = "Phường Vỹ Dạ, Thủy Xuân"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "phuong vy da, thuy xuan"


def test_other_scripts_and_symbols_are_kept() -> None:
    assert fold("Nhà hàng 海鲜, 30°C") == "nha hang 海鲜, 30°c"
    assert fold("") == ""


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
