"""The report as one HTML page: plain tables, no script, nothing loaded from elsewhere."""
from __future__ import annotations

from html import escape
from typing import Iterable, Sequence

from reports.report import Report

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 1.5em; max-width: 60em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .5em 0; } td, th { padding: .25em .8em; text-align: left; }
th { background: #f0f0f0; } tr:nth-child(even) td { background: #fafafa; } td.n { text-align: right; }
.share { font-size: 1.1em; }
"""


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{cell}</td>' if isinstance(cell, int) else f"<td>{escape(str(cell))}</td>"
                         for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body or '<tr><td>none</td></tr>'}</table>"


def render(report: Report) -> str:
    quiz_rows = [(name, figures.started, figures.finished,
                  ", ".join(f"{slot} ({count})" for slot, count in figures.stopped_at.most_common()) or "-")
                 for name, figures in report.quizzes.items()]
    sections = [
        f"<h1>Career advisor: conversations from {report.start} to {report.end}</h1>",
        f"<p>{report.conversations} conversations, {report.messages} messages.</p>",
        "<h2>Per day</h2>",
        _table(("day", "conversations", "messages"), ((day, *counts) for day, counts in report.per_day.items())),
        "<h2>Per channel</h2>",
        _table(("channel", "conversations", "messages"), ((name, *counts) for name, counts in report.per_channel.items())),
        "<h2>Most frequent intents</h2>",
        _table(("intent", "messages"), report.intents),
        "<h2>What the bot could not answer</h2>",
        f'<p class="share">{report.missed} of {report.messages} messages ({report.missed_share:.0%}) got no '
        "answer: the bot fell back (not understood, or outside its scope) or did not know the occupation named. "
        "Email addresses and phone numbers are masked.</p>",
        _table(("message", "why", "times"), ((text, kind, count) for kind, text, count in report.misses)),
        "<h2>Quizzes</h2>",
        _table(("quiz", "started", "finished", "left unfinished at (times)"), quiz_rows),
        "<h2>Hand-offs to a counsellor</h2>",
        _table(("asked for", "confirmed and sent"), [(report.handoffs_requested, report.handoffs_sent)]),
        "<p><small>What counts is defined in markers.yml (Rasa conversation markers). "
        "Deleted conversations are not included.</small></p>",
    ]
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Career advisor report</title>'
            f"<style>{STYLE}</style></head><body>{''.join(sections)}</body></html>")
