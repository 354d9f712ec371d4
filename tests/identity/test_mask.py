import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import OutOfRange
from adminduk.identity import mask


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("3513014501900001", 4, 2), "3513**********01"),
        (("Siti Aminah", 1), "S**********"),
        (("Siti Aminah",), "***********"),
        (("abc", 3), "***"),
        (("abcd", 1, 3), "****"),
        (("abcde", 1, 3), "a*cde"),
        (("", 2, 2), ""),
        (("+6281359547691", 6, 2, "•"), "+62813••••••91"),
    ],
)
def test_examples(args, expected):
    if len(args) == 4:
        assert mask(*args[:3], char=args[3]) == expected
    else:
        assert mask(*args) == expected


def test_non_text_is_converted():
    assert mask(3513014501900001, 4, 2) == "3513**********01"


@pytest.mark.parametrize(("keep_start", "keep_end"), [(-1, 0), (0, -1)])
def test_negative_keeps_are_refused(keep_start, keep_end):
    with pytest.raises(OutOfRange):
        mask("abc", keep_start, keep_end)


@given(st.text(), st.integers(0, 30), st.integers(0, 30))
def test_same_length_and_never_the_whole_value(text, keep_start, keep_end):
    masked = mask(text, keep_start, keep_end)
    assert len(masked) == len(text)
    if text:
        assert masked != text or set(text) == {"*"}
    if keep_start + keep_end < len(text):
        assert masked.startswith(text[:keep_start])
        assert masked.endswith(text[len(text) - keep_end :])
