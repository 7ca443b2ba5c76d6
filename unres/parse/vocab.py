"""Words the parsing stages share: month names, the ordinal words of session titles, and
what OCR reads for a digit."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}

_UNITS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_TENS_ORDINAL = {
    20: "twentieth",
    30: "thirtieth",
    40: "fortieth",
    50: "fiftieth",
    60: "sixtieth",
    70: "seventieth",
    80: "eightieth",
    90: "ninetieth",
}
_TENS_CARDINAL = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}


def _ordinal_words() -> dict[str, int]:
    words = {word: n for n, word in enumerate(_UNITS, start=1)}
    for tens, ordinal in _TENS_ORDINAL.items():
        words[ordinal] = tens
        for unit in range(1, 10):
            words[f"{_TENS_CARDINAL[tens]}-{_UNITS[unit - 1]}"] = tens + unit
    words["one hundredth"] = 100
    return words


# "seventy-fifth" -> 75; keys are lower case with a plain hyphen.
ORDINAL_WORDS: dict[str, int] = _ordinal_words()

# What OCR of printed volumes reads for a digit inside a number ("32I7th", "]8S6th",
# "ll." for 11), and the space it splits one with ("321 7th").
OCR_DIGITS = str.maketrans("Iil]OS", "111105", " ")
