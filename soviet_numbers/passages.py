"""Show verbatim passages of the source, always with their citation.

Every quotation in the course goes through :func:`show_passage` or :func:`quote`, so a quotation cannot drift
from the text: both raise if the words are not in the source exactly as vendored.
"""

from __future__ import annotations

import html

from IPython.display import HTML

from .data import SOURCE_TITLE, passage_table

# The full caveat stands once at the top of each lecture ("Reading this source"); each quotation carries a marker.
CAVEAT = "Primary source, quoted as evidence (see 'Reading this source')."


def passage_text(passage_id: str) -> str:
    """The exact text of one passage (one line of ``data/source/chapter.txt``)."""
    table = passage_table()
    if passage_id not in table.index:
        raise KeyError(f"no passage {passage_id!r}; ids look like 'L047' (line 47 of the source file)")
    return table.loc[passage_id, "text"]


def citation(passage_id: str) -> str:
    line = int(passage_id.lstrip("L"))
    return f"{SOURCE_TITLE}, line {line} (passage {passage_id})."


def fragment_in_source(passage_id: str, fragment: str) -> str:
    """Return ``fragment`` if it occurs verbatim in the passage, else raise ValueError (a quotation check; to
    *verify* is reserved for comparing a stored file with what its source produces)."""
    text = passage_text(passage_id)
    if not fragment or fragment not in text:
        raise ValueError(f"not verbatim: {fragment!r} does not occur in passage {passage_id}")
    return fragment


verify_fragment = fragment_in_source  # the old name, kept so existing callers keep working


def passage_html(
    passage_id: str, highlight: tuple[str, ...] | list[str] | str = (), fragment: str | None = None
) -> str:
    """HTML for a passage (or a verbatim fragment of it), with highlighted phrases and the citation."""
    text = fragment_in_source(passage_id, fragment) if fragment else passage_text(passage_id)
    if isinstance(highlight, str):
        highlight = (highlight,)
    body = html.escape(text)
    for phrase in highlight:
        fragment_in_source(passage_id, phrase)
        escaped = html.escape(phrase)
        if escaped not in body:
            raise ValueError(f"highlight {phrase!r} is not inside the quoted text")
        body = body.replace(escaped, f"<mark>{escaped}</mark>")
    whole = passage_text(passage_id)
    ellipsis_before = "… " if fragment and not whole.startswith(fragment) else ""
    ellipsis_after = " …" if fragment and not whole.endswith(fragment) else ""
    # <figure> + <figcaption>, not <footer>: a <footer> outside an <article> becomes a "contentinfo" landmark in
    # JupyterLab. The caption takes the page's own text colour (a fixed grey fell to 1.6:1 on a dark theme).
    return (
        '<figure class="course-quotation" style="border-left:4px solid #999;margin:0.5em 0;padding:0.3em 0.8em;'
        'background:rgba(128,128,128,0.08)">'
        f'<blockquote style="margin:0;padding:0;border:none">{ellipsis_before}{body}{ellipsis_after}</blockquote>'
        f'<figcaption style="font-size:85%;margin-top:0.4em">— {html.escape(citation(passage_id))}'
        f"<br><em>{html.escape(CAVEAT)}</em></figcaption></figure>"
    )


def show_passage(passage_id: str, highlight: tuple[str, ...] | list[str] | str = ()) -> HTML:
    """Display a whole passage, verbatim, with its citation. Optional phrases are highlighted."""
    return HTML(passage_html(passage_id, highlight))


def quote(passage_id: str, fragment: str, highlight: tuple[str, ...] | list[str] | str = ()) -> HTML:
    """Display a verbatim fragment of a passage, with its citation."""
    return HTML(passage_html(passage_id, highlight, fragment=fragment))
