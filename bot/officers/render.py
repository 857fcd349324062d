"""The /ikm texts: every unit at once, and one unit with what to fix (HTML)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from html import escape

from bot.officers.figures import Overview, SampleCheck, UnitDetail
from service.directory import Directory
from service.i18n import number, signed, t
from service.report import channel_name
from skm.disclosure import too_few
from skm.grade import Grade
from skm.index import IkmResult
from skm.interval import Interval, change_is_real
from skm.period import Period
from skm.questionnaire import ELEMENTS, Lang

_DATE = "%d-%m-%Y"
ELEMENT_NAMES = {e.code: e.name for e in ELEMENTS}


def period_text(period: Period, lang: Lang) -> str:
    """A period as people read it: 2026-Q4 (01-10-2026 s.d. 31-12-2026), in local dates."""
    last = period.end.astimezone(period.start.tzinfo) - timedelta(seconds=1)
    return t(
        lang,
        "officer.period_span",
        label=period.label,
        start=period.start.strftime(_DATE),
        end=last.strftime(_DATE),
    )


def clip(text: str, limit: int) -> str:
    """Citizens' text escaped for HTML and cut to at most `limit` characters (plus "…")."""
    # Cutting after escaping could split an entity such as &amp;, so escape one character
    # at a time; the limit keeps a page of suggestions under Telegram's 4096 characters.
    out: list[str] = []
    size = 0
    for char in text:
        piece = escape(char)
        if size + len(piece) > limit:
            out.append("…")
            break
        out.append(piece)
        size += len(piece)
    return "".join(out)


ECHO_LIMIT = 40


def echoed(word: str) -> str:
    """A word a person typed, fit to repeat in an HTML reply: escaped, at most 40 characters."""
    # Every argument put back into a reply goes through here: unescaped, `<b>` makes Telegram
    # refuse the reply, and a 4,000-character word would push it over 4,096 characters.
    return clip(word, ECHO_LIMIT)


def element_name(code: str, lang: Lang) -> str:
    """An element in words: "Waktu Penyelesaian"."""
    return ELEMENT_NAMES[code](lang)


def unit_head(code: str, directory: Directory, lang: Lang) -> str:
    """A unit's name in bold with its code."""
    return t(lang, "officer.unit_head", name=escape(directory.unit_name(code, lang)), code=code)


def grades_text(grades: tuple[Grade, ...], lang: Lang) -> str:
    """The letters an interval spans, lowest first: "C atau B", "C, B atau A"."""
    letters = [g.letter for g in grades]
    if len(letters) < 2:
        return "".join(letters)
    return ", ".join(letters[:-1]) + t(lang, "officer.grades_or") + letters[-1]


def interval_text(ci: Interval | None, lang: Lang) -> str:
    """An IKM's 95% interval and the grades it spans (None: under two respondents)."""
    if ci is None:
        return t(lang, "officer.interval_none")
    return t(
        lang,
        "officer.interval",
        low=number(ci.low, 2, lang),
        high=number(ci.high, 2, lang),
        grades=grades_text(ci.grades, lang),
    )


def sample_tag(sample: SampleCheck | None, lang: Lang) -> str:
    """ " · sampel belum cukup (n=4 dari 306)" beside a grade whose sample is short, else ""."""
    if sample is None or sample.enough or sample.respondents == 0:
        return ""
    tag = t(
        lang,
        "officer.sample_tag",
        respondents=number(sample.respondents, 0, lang),
        required=number(sample.required, 0, lang),
    )
    return f" · {tag}"


def result_line(result: IkmResult, lang: Lang, sample: SampleCheck | None = None) -> str:
    """Respondents, IKM and grade (with a short sample said so), then the 95% interval."""
    if result.respondents == 0:
        return t(lang, "officer.no_respondents")
    if result.ikm is None or result.grade is None:
        missing = ", ".join(result.missing)
        return t(lang, "officer.incomplete", respondents=result.respondents, elements=missing)
    line = t(
        lang,
        "officer.result",
        respondents=number(result.respondents, 0, lang),
        ikm=number(result.ikm, 2, lang),
        letter=result.grade.letter,
        performance=result.grade.performance(lang),
    )
    return f"{line}{sample_tag(sample, lang)}\n{interval_text(result.interval, lang)}"


def change(now: IkmResult, before: IkmResult) -> Decimal | None:
    """The IKM change against an earlier result, when both exist."""
    if now.ikm is None or before.ikm is None:
        return None
    return now.ikm - before.ikm


def change_text(
    now: IkmResult, before: IkmResult, lang: Lang, keys: tuple[str, str, str], **more: str
) -> str:
    """The change against an earlier result: real, not meaningful, or nothing to compare.

    A difference is called a change only when its 95% interval (Welch) leaves out zero.
    """
    real, flat, none = keys
    delta = change(now, before)
    if delta is None:
        return t(lang, none, **more)
    key = real if change_is_real(now.moments, before.moments) else flat
    return t(lang, key, change=signed(delta, 2, lang), **more)


def _change_text(now: IkmResult, before: IkmResult, label: str, lang: Lang) -> str:
    keys = ("officer.change", "officer.change_flat", "officer.change_none")
    return change_text(now, before, lang, keys, previous=label)


def overview(data: Overview, directory: Directory, lang: Lang) -> str:
    """Every unit in the scope: respondents, IKM, grade, kinerja and change."""
    lines = [t(lang, "officer.overview_title", period=period_text(data.period, lang))]
    if data.office:
        lines.append(t(lang, "officer.office", office=escape(directory.office_name(data.office))))
    for row in data.rows:
        lines += [
            "",
            unit_head(row.code, directory, lang),
            result_line(row.result, lang, row.sample),
        ]
        if row.result.ikm is not None:
            lines.append(_change_text(row.result, row.before, data.before.label, lang))
    # One unit's "all units" would only repeat its own figure.
    if len(data.rows) > 1:
        lines += ["", overall_text(data, lang)]
    example = data.rows[0].code if data.rows else "SKCK"
    lines += ["", t(lang, "officer.overview_hint", code=example)]
    return "\n".join(lines)


def overall_text(data: Overview, lang: Lang) -> str:
    """The all-units figure (mean of unit IKMs beside the pooled IKM) and its interval."""
    o = data.overall
    if o.ikm is None or o.grade is None or o.pooled.ikm is None:
        return t(lang, "officer.overall_none", respondents=o.respondents)
    text = t(
        lang,
        "officer.overall",
        ikm=number(o.ikm, 2, lang),
        letter=o.grade.letter,
        performance=o.grade.performance(lang),
        pooled=number(o.pooled.ikm, 2, lang),
        respondents=number(o.respondents, 0, lang),
    )
    # The tag and the interval belong to the mean of unit IKMs, the template's first line.
    mean, _, pooled = text.partition("\n")
    spread = interval_text(o.interval, lang)
    return "\n".join((mean + sample_tag(data.sample, lang), spread, pooled))


def _months(value: Decimal, lang: Lang) -> str:
    whole = value == value.to_integral_value()
    return number(value, 0 if whole else 1, lang)


def sample_text(sample: SampleCheck, directory: Directory, lang: Lang) -> str:
    """Whether the respondents reach the sample, naming the population or the missing volume."""
    if sample.population is None or sample.months is None or sample.monthly is None:
        return t(
            lang,
            "officer.sample_floor_enough" if sample.enough else "officer.sample_floor_short",
            respondents=number(sample.respondents, 0, lang),
            required=number(sample.required, 0, lang),
            offices=", ".join(escape(directory.office_name(c)) for c in sample.unset) or "-",
        )
    return t(
        lang,
        "officer.sample_enough" if sample.enough else "officer.sample_short",
        population=number(sample.population, 0, lang),
        monthly=number(sample.monthly, 0, lang),
        months=_months(sample.months, lang),
        required=number(sample.required, 0, lang),
        respondents=number(sample.respondents, 0, lang),
    )


def unit_detail(data: UnitDetail, directory: Directory, lang: Lang) -> str:
    """One unit: element scores, IKM, grade, change, priorities, offices and sample."""
    r = data.result
    where = (
        escape(directory.office_name(data.office))
        if data.office
        else t(lang, "officer.all_offices")
    )
    lines = [
        f"{unit_head(data.unit, directory, lang)} · {where}",
        t(lang, "officer.period", period=period_text(data.period, lang)),
    ]
    if r.respondents == 0:
        lines += ["", t(lang, "officer.no_respondents")]
        return "\n".join(lines)
    lines.append(t(lang, "officer.respondents", respondents=number(r.respondents, 0, lang)))
    if r.ikm is not None and r.grade is not None:
        grade = t(
            lang,
            "officer.ikm_grade",
            ikm=number(r.ikm, 2, lang),
            letter=r.grade.letter,
            performance=r.grade.performance(lang),
        )
        lines += [grade + sample_tag(data.sample, lang), interval_text(r.interval, lang)]
        lines.append(_change_text(r, data.previous, data.before.label, lang))
    else:
        lines.append(t(lang, "officer.incomplete_ikm", elements=", ".join(r.missing)))
    lines += ["", t(lang, "officer.elements_title")]
    if too_few(r.respondents):
        lines.append(t(lang, "officer.too_few"))
    else:
        lines += _elements(data, lang)
    if data.offices:
        lines += ["", t(lang, "officer.offices_title")]
        for office, result, sample in data.offices:
            name = escape(directory.office_name(office))
            shown = t(lang, "officer.too_few") if too_few(result.respondents) else None
            lines.append(f"{name}: {shown or result_line(result, lang, sample)}")
    if len(data.channels) > 1:  # one channel only: the figures above say it all
        lines += ["", t(lang, "officer.channels_title")]
        for channel, result in data.channels.items():
            shown = t(lang, "officer.too_few") if too_few(result.respondents) else None
            lines.append(f"{channel_name(channel, lang)}: {shown or result_line(result, lang)}")
    lines += ["", sample_text(data.sample, directory, lang)]
    return "\n".join(lines)


def _elements(data: UnitDetail, lang: Lang) -> list[str]:
    """The nine element scores and the improvement priorities."""
    lines: list[str] = []
    for code, nrr in data.result.nrr.items():
        name = element_name(code, lang)
        if nrr is None:
            lines.append(t(lang, "officer.element_blank", code=code, name=name))
        else:
            lines.append(
                t(
                    lang,
                    "officer.element",
                    code=code,
                    name=name,
                    nrr=number(nrr, 2, lang),
                    converted=number(nrr * 25, 2, lang),
                )
            )
    if data.priorities:
        lines += ["", t(lang, "officer.priorities_title")]
        for rank, p in enumerate(data.priorities, start=1):
            lines.append(
                t(
                    lang,
                    "officer.priority",
                    rank=rank,
                    code=p.code,
                    name=element_name(p.code, lang),
                    nrr=number(p.nrr, 2, lang),
                    converted=number(p.converted, 2, lang),
                )
            )
    return lines


def chart_title(data: UnitDetail, directory: Directory, lang: Lang) -> str:
    """The chart's title: unit, office and period (plain text)."""
    parts = [directory.unit_name(data.unit, lang)]
    if data.office:
        parts.append(directory.office_name(data.office))
    parts.append(data.period.label)
    return " · ".join(parts)
