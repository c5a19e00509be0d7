"""Small wording helpers shared by every reply."""
from __future__ import annotations

from bot.knowledge import Salary


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def decapitalized(text: str) -> str:
    return text[:1].lower() + text[1:]


def with_article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def join_words(words: list[str], conjunction: str = "and") -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def money(salary: Salary) -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(salary.currency)
    return f"{symbol}{salary.amount:,}" if symbol else f"{salary.amount:,} {salary.currency}"


def salary_phrase(salary: Salary) -> str:
    """'an average of $87,628 a year'."""
    return f"{with_article(salary.basis)} of {money(salary)} a {salary.period}"
