import copy
import pickle
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import PhoneNumberError
from adminduk.identity import CitizenPhone, OfficePhone, normalize_whatsapp, whatsapp_link

# The seven numbers printed in the articles and their E.164 forms (domain-facts.md §1.2, §1.3,
# §1.7, §5): Pasuruan's four per-service lines and Mataram's pool, one of which lost its 0.
ARTICLE_NUMBERS = [
    ("0813-5954-7691", "+6281359547691"),
    ("0813-5954-7692", "+6281359547692"),
    ("0813-5954-7689", "+6281359547689"),
    ("0812-4933-3360", "+6281249333360"),
    ("087761489446", "+6287761489446"),
    ("85337287689", "+6285337287689"),
    ("08123860693", "+628123860693"),
]


@pytest.mark.parametrize(("printed", "e164"), ARTICLE_NUMBERS)
def test_the_article_numbers_normalise_to_e164(printed, e164):
    assert normalize_whatsapp(printed) == e164


@pytest.mark.parametrize(
    "spelling",
    [
        "081359547691",
        "0813 5954 7691",
        "0813.5954.7691",
        "(0813) 5954-7691",
        "+62 813-5954-7691",
        "+62 (0)813 5954 7691",
        "62 813 5954 7691",
        "6281359547691",
        "81359547691",
        " 0813–5954–7691 ",  # en dashes, as word processors print them
        "0813\u00a05954\u00a07691",
        "0813\u20095954\u30007691",  # THIN SPACE, IDEOGRAPHIC SPACE
        "\uff10\uff18\uff11\uff13-5954-7691",  # fullwidth digits
        "\u0660\u0668\u0661\u0663\u0665\u0669\u0665\u0664\u0667\u0666\u0669\u0661",  # Arabic-Indic
        "0813 - 5954 - 7691",
        "0813\u20115954\u22127691",  # NON-BREAKING HYPHEN, MINUS SIGN
    ],
)
def test_spellings_people_use(spelling):
    assert normalize_whatsapp(spelling) == "+6281359547691"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("021-5551234", "type"),  # Jakarta landline
        ("(0341) 551234", "type"),  # Malang landline
        ("+62 21 5551234", "type"),
        ("0800-1234-567", "number"),  # toll-free, not mobile
        ("0", "number"),
        ("+1 212 555 1234", "country"),
        ("+44 7700 900123", "country"),
        ("0812", "length"),
        ("0812-3456-7890-1234", "length"),
        ("", "length"),
        ("  - ", "length"),
        ("+", "length"),
        ("0813-5954-769x", "characters"),
        ("wa.me/6281359547691", "characters"),
        ("++6281359547691", "characters"),
        ("081²59547691", "characters"),  # a superscript is not a decimal digit
        ("0813/5954/7691", "characters"),  # a slash is not a separator
        ("813 5954 7691", "number"),  # without its 0, only an unbroken number is read
        (81359547691, "type"),
        (None, "type"),
    ],
)
def test_bad_numbers_name_the_part(text, part):
    with pytest.raises(PhoneNumberError) as caught:
        normalize_whatsapp(text)
    assert caught.value.part == part
    assert "5954" not in str(caught.value)


def test_a_citizen_phone_is_not_taken_as_text():
    with pytest.raises(PhoneNumberError, match=r"call \.reveal\(\)"):
        normalize_whatsapp(CitizenPhone("081359547691"))  # type: ignore[arg-type]


def test_whatsapp_link():
    assert whatsapp_link("0813-5954-7691") == "https://wa.me/6281359547691"
    assert whatsapp_link(OfficePhone("85337287689")) == "https://wa.me/6285337287689"
    assert whatsapp_link("0813-5954-7691", "") == "https://wa.me/6281359547691"
    assert (
        whatsapp_link("087761489446", "Saya mau urus KK/akta? ya & #1")
        == "https://wa.me/6287761489446?text=Saya%20mau%20urus%20KK%2Fakta%3F%20ya%20%26%20%231"
    )
    assert whatsapp_link("087761489446", "Terima kasih 🙏").endswith("%F0%9F%99%8F")
    with pytest.raises(PhoneNumberError):
        whatsapp_link("021-5551234")


def test_office_phone_is_public_and_e164():
    phone = OfficePhone("0812-4933-3360")
    assert phone == "+6281249333360"
    assert str(phone) == "+6281249333360"
    assert repr(phone) == "OfficePhone('+6281249333360')"
    assert phone.national == "081249333360"
    assert phone.link("Halo") == "https://wa.me/6281249333360?text=Halo"
    assert OfficePhone(phone) is phone
    assert OfficePhone("+6281249333360") == OfficePhone("081249333360")
    assert pickle.loads(pickle.dumps(phone)) == phone
    with pytest.raises(PhoneNumberError):
        OfficePhone("021-5551234")


def test_citizen_phone_is_masked_and_revealed_on_request():
    phone = CitizenPhone("0813-5954-7691")
    assert str(phone) == "+62813******91"
    assert repr(phone) == "CitizenPhone('+62813******91')"
    assert "5954" not in f"{phone} {phone!r} {[phone]} { ({'p': phone}) }"
    assert phone.reveal() == "+6281359547691"
    assert CitizenPhone(phone) == phone
    assert phone == CitizenPhone("81359547691")
    assert hash(phone) == hash(CitizenPhone("+62 813 5954 7691"))
    assert phone != CitizenPhone("081359547692")
    assert phone != "+6281359547691"


def test_citizen_phone_is_immutable_and_copyable():
    phone = CitizenPhone("087761489446")
    with pytest.raises(AttributeError):
        phone._e164 = "+6281359547691"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del phone._e164
    for clone in (copy.copy(phone), copy.deepcopy(phone), pickle.loads(pickle.dumps(phone))):
        assert clone == phone


# ---------------------------------------------------------------- properties

_MOBILE = st.from_regex(r"8[1-35-9][0-9]{7,10}", fullmatch=True)


@st.composite
def spelled(draw: st.DrawFn, national: str) -> str:
    """A national significant number written the way people write it."""
    prefix = draw(st.sampled_from(["0", "+62", "62", "+62 ", "+62 (0)", "", "(0"]))
    if prefix == "(0":
        head, rest = national[:3], national[3:]
        return f"(0{head}) {rest}"
    out = []
    for ch in national:
        out.append(ch)
        out.append(draw(st.sampled_from(["", "", "", " ", "-", "."])))
    return prefix + "".join(out)


@pytest.mark.no_cover
@given(_MOBILE.flatmap(lambda n: st.tuples(st.just(n), spelled(n))))
def test_any_spelling_of_a_valid_mobile_normalises_to_one_e164(pair):
    national, text = pair
    try:
        e164 = normalize_whatsapp(text)
    except PhoneNumberError as err:
        # libphonenumber knows which 08xx prefixes and lengths are in use; the regex does not.
        assert err.part == "number"
        return
    assert e164 == "+62" + national
    assert normalize_whatsapp(e164) == e164
    assert whatsapp_link(text) == "https://wa.me/62" + national


@given(st.one_of(st.text(), st.text(alphabet="0123456789+-() .", max_size=20)))
def test_any_text_raises_only_phone_number_error_without_the_number(text):
    try:
        e164 = normalize_whatsapp(text)
    except PhoneNumberError as err:
        digits = "".join(ch for ch in text if "0" <= ch <= "9")
        if len(digits) >= 6:
            assert digits not in str(err)
        assert not re.search(r"[0-9]{9}", str(err))
    else:
        assert re.fullmatch(r"\+628[0-9]{8,11}", e164)
