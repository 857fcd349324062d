"""English texts."""

TEXTS: dict[str, str] = {
    # --- report (command line and shared) ---
    "report.title": "SKM report",
    "report.period": "Period: {label} ({start} to {end})",
    "report.all_time": "Period: all data",
    "report.office": "Office: {office}",
    "report.unit": "Service unit: {name} ({code})",
    "report.col_element": "Service element",
    "report.col_nrr": "NRR",
    "report.col_weighted": "Weighted NRR",
    "report.index": "Index (1-4)",
    "report.ikm": "IKM (25-100)",
    "report.grade": "Service grade",
    "report.performance": "Unit performance",
    "report.respondents": "Respondents",
    "report.missing": "The IKM cannot be computed: nobody answered {elements}.",
    "report.overall": "All units",
    "report.overall_mean": "IKM (mean of unit IKMs)",
    "report.overall_pooled": "Pooled IKM over all respondents",
    "report.no_data": "No respondents for this selection.",
    "report.profile": "Respondent profile",
    "report.weight": "Weight of each element: {weight}",
    # --- errors ---
    "error.generic": "Sorry, something went wrong. Please try again in a moment.",
    # --- import (command line) ---
    "import.done": "{new} new responses imported, {dupes} were already there.",
    "import.bad_header": "These lines are not valid; nothing was imported:",
    "import.skipped": "These lines were skipped:",
    "import.hint": "Fix those lines, or run again with --skip-invalid.",
    # --- survey (citizens) ---
    "survey.welcome": (
        "Public Satisfaction Survey (SKM)\n\n"
        "Service: {unit}\n"
        "Office: {office}\n\n"
        "Thank you for using our service. Please take about 2 minutes to answer 4 questions "
        "about yourself and 9 questions about the service you have just received.\n\n"
        "What is stored: gender, age band, education, occupation, your answers, and a "
        "suggestion if you give one. The survey is anonymous: your name, number and Telegram "
        "account are not stored.\n\n"
        "Send /batal to cancel at any time."
    ),
    "survey.button.start": "Start the survey",
    "survey.button.lang": "Bahasa Indonesia",
    "survey.button.back": "« Back",
    "survey.button.skip": "Skip",
    "survey.button.confirm": "Submit",
    "survey.profile": "About you ({n}/{total})\n\n{question}:",
    "survey.element": "Question {n}/{total} · {name}\n\n{question}",
    "survey.suggestion": (
        "Suggestions (optional)\n\n"
        "What would you suggest to {unit}? Type it in one message (at most {limit} characters), "
        "or press Skip."
    ),
    "survey.summary.title": "Please check your answers before sending:",
    "survey.summary.unit": "Service: {unit}",
    "survey.summary.office": "Office: {office}",
    "survey.summary.none": "(none)",
    "survey.summary.suggestion": "Suggestion: {text}",
    "survey.summary.hint": "Press Submit to store your answers, or Back to change them.",
    "survey.thanks": (
        "Thank you! Your answers for {unit} at {office} have been stored. "
        "Your feedback helps us improve the service."
    ),
    "survey.recorded": "Thank you! Your answers have been stored.",
    "survey.already_today": (
        "Thank you, you have already answered the survey for {unit} today. "
        "You can answer it again tomorrow."
    ),
    "survey.pick_unit": (
        "Public Satisfaction Survey (SKM)\n\nWhich service have you just received? Choose it:"
    ),
    "survey.unknown_code": "This QR code is not known.",
    "survey.pick_office": "{unit}\n\nAt which office were you served?",
    "survey.group": (
        "The survey is answered in a private chat with the bot, so that your answers stay "
        "anonymous. Open: {link}"
    ),
    "survey.truncated": "Your suggestion was longer than {limit} characters, so it was cut.",
    "survey.resumed": "Continuing your survey where you left off.",
    "survey.use_buttons": "Please answer by pressing one of the buttons below.",
    "survey.no_survey": (
        "To answer the satisfaction survey, scan the QR code at the service desk, "
        "or send /start to choose the service."
    ),
    "survey.no_cancel": "There is no survey in progress.",
    "survey.cancelled": (
        "The survey is cancelled; your answers were not stored. "
        "Scan the QR code again any time to start over."
    ),
    "survey.notice.stale": "This button is no longer valid.",
    "survey.notice.invalid": "This button is not recognised.",
    "survey.notice.expired": "This survey has ended. Scan the QR code again to start.",
    "survey.notice.recorded": "Your answers are already stored. Thank you!",
    "survey.notice.limit": "You have already answered this survey today.",
    "survey.poster_title": "Public Satisfaction Survey",
    "survey.poster_hint": (
        "Scan this QR code with your phone camera to answer the survey (about 2 minutes, "
        "anonymous)."
    ),
    "survey.qr_written": "QR poster written to {path}\nLink: {link}",
    # --- officers and admins ---
    "officer.refused": (
        "Sorry, this command is for SKM officers only. "
        "To take the survey, scan the QR code at the service desk."
    ),
    "admin.refused": "Sorry, this command is for SKM admins only.",
    "officer.out_of_scope": (
        "Sorry, that is outside your scope. Type /ikm to see the units you may read."
    ),
    "officer.unknown_word": (
        "Unknown: {word}.\nUnits: {units}\nOffices: {offices}\nPeriods: {periods}"
    ),
    "officer.not_served": "{unit} is not served at {office}.",
    "officer.all_units": "All units",
    "officer.all_offices": "all offices",
    "officer.unit_head": "<b>{name}</b> ({code})",
    "officer.office": "Office: {office}",
    "officer.period": "Period: {period}",
    "officer.period_span": "{label} ({start} to {end})",
    "officer.no_respondents": "No respondents yet.",
    "officer.incomplete": (
        "{respondents} respondents · the IKM cannot be computed yet: no answers for {elements}."
    ),
    "officer.result": "{respondents} respondents · IKM {ikm} · grade {letter} ({performance})",
    "officer.change": "Change from {previous}: {change}",
    "officer.change_none": "Nothing to compare with in {previous}.",
    "officer.overview_title": "<b>IKM per unit</b>\nPeriod: {period}",
    "officer.overall": (
        "<b>All units</b>: IKM {ikm} (mean of unit IKMs) · grade {letter} ({performance})\n"
        "Pooled IKM of all respondents: {pooled} · {respondents} respondents"
    ),
    "officer.overall_none": (
        "<b>All units</b>: the IKM cannot be computed ({respondents} respondents)."
    ),
    "officer.overview_hint": "One unit in detail: /ikm CODE, e.g. /ikm {code}",
    "officer.respondents": "Respondents: {respondents}",
    "officer.ikm_grade": (
        "IKM: <b>{ikm}</b> · grade <b>{letter}</b> · performance <b>{performance}</b>"
    ),
    "officer.incomplete_ikm": "The IKM cannot be computed yet: no answers for {elements}.",
    "officer.elements_title": "<b>Element scores</b> (NRR 1-4 · 25-100 scale)",
    "officer.element": "{code} {name}: {nrr} · {converted}",
    "officer.element_blank": "{code} {name}: not answered",
    "officer.priorities_title": "<b>Improvement priorities</b> (lowest elements)",
    "officer.priority": "{rank}. {name} ({code}): {nrr} · {converted}",
    "officer.offices_title": "<b>Per office</b>",
    "officer.sample_enough": (
        "<b>Sample</b> (Krejcie-Morgan): enough, {respondents} respondents of at least "
        "{required} for N = {population} people served ({monthly}/month x {months} months)."
    ),
    "officer.sample_short": (
        "<b>Sample</b> (Krejcie-Morgan): not enough yet, {respondents} respondents of at least "
        "{required} for N = {population} people served ({monthly}/month x {months} months)."
    ),
    "officer.sample_unknown": (
        "<b>Sample</b>: this unit's monthly service volume is not configured (volume in the "
        "units file), so the sample cannot be judged."
    ),
    "officer.chart_axis": "Element score (NRR x 25, 25-100 scale)",
    "officer.chart_ikm": "IKM {ikm} ({letter})",
    "officer.chart_caption": "Element scores against the grade bands A, B, C and D.",
    "officer.saran_title": "<b>Latest suggestions</b> · {heading}",
    "officer.saran_none": "No suggestions yet.",
    "officer.saran_range": "{first}-{last} of {total}, newest first",
    "officer.saran_where": "<i>{date} · {unit} · {office}</i>",
    "officer.saran_newer": "« Newer",
    "officer.saran_older": "Older »",
    "officer.qr_usage": "Name the unit: /qr UNIT [OFFICE], e.g. /qr SKCK POLRES.\nUnits: {units}",
    "officer.qr_which_office": (
        "{unit} is served at several offices; name one: /qr {unit} OFFICE\nOffices: {offices}"
    ),
    "officer.qr_caption": (
        "Survey QR poster: <b>{unit}</b> · {office}\nPrint it for the service desk. Link: {link}"
    ),
    "officer.export_caption": "SKM data, period {period}",
    "officer.export_csv_button": "Send as CSV",
    "officer.export_preparing": "⏳ Being prepared… the file follows in a moment.",
    "officer.export_too_many": (
        "This selection holds {count} responses, more than the {limit} one file can take. "
        "Narrow the period (e.g. /export 2026-Q4) or pick one unit (/export SKCK)."
    ),
    "officer.export_private": (
        "The export holds citizens' answers and suggestions, so it is only sent in a private "
        "chat with the bot. Send /export there."
    ),
    "officer.xlsx_sheet_raw": "Responses",
    "officer.xlsx_sheet_units": "SKM per unit",
    "officer.xlsx_sheet_profile": "Profile",
    "officer.xlsx_sheet_distribution": "Distribution",
    "officer.xlsx_sheet_correlation": "Correlation",
    "officer.xlsx_sheet_by_profile": "IKM by profile",
    "officer.xlsx_code": "Code",
    "officer.xlsx_unit": "Service unit",
    "officer.xlsx_respondents": "Respondents",
    "officer.xlsx_index": "Index (weighted NRR)",
    "officer.xlsx_grade": "Grade",
    "officer.xlsx_performance": "Performance",
    "officer.xlsx_overall_mean": "All units (mean of unit IKMs)",
    "officer.xlsx_overall_pooled": "All respondents pooled",
    "officer.xlsx_field": "Profile",
    "officer.xlsx_category": "Category",
    "officer.xlsx_share": "Share",
    "officer.xlsx_blank": "Not given",
    "officer.xlsx_element": "Element",
    "officer.xlsx_score_n": "Score {score}",
    "officer.xlsx_score_share": "% score {score}",
    "officer.weekly_title": "<b>Weekly SKM summary</b>",
    "officer.weekly_spans": (
        "This week: the 7 days {start} to {end}, against the 7 days before.\n"
        "Quarter to date: {quarter} since {quarter_start}."
    ),
    "officer.weekly_empty": "No responses this week.",
    "officer.weekly_none": "This week: no respondents.",
    "officer.weekly_week": "This week: {figures}",
    "officer.weekly_change": "Against last week: {change}",
    "officer.weekly_change_none": "Against last week: nothing to compare with.",
    "officer.weekly_quarter": "Quarter to date: {figures}",
    "officer.weekly_weakest": "Weakest element this week: {name} ({code}) {nrr}",
    "officer.weekly_suggestions": "New suggestions: {count}",
    "officer.subscribed": (
        "This chat will get the weekly SKM summary every {day} at {time} ({zone}) for {scope}. "
        "Stop it with /unsubscribe."
    ),
    "officer.subscribed_again": (
        "This chat was already subscribed; its scope is now {scope}. "
        "The summary comes every {day} at {time} ({zone})."
    ),
    "officer.unsubscribed": "This chat no longer gets the weekly summary.",
    "officer.not_subscribed": "This chat is not subscribed to the weekly summary.",
    "officer.day_mon": "Monday",
    "officer.day_tue": "Tuesday",
    "officer.day_wed": "Wednesday",
    "officer.day_thu": "Thursday",
    "officer.day_fri": "Friday",
    "officer.day_sat": "Saturday",
    "officer.day_sun": "Sunday",
    "officer.alert_title": "⚠️ <b>Needs attention</b>: {unit} · {office}",
    "officer.alert_low": "Scored 1 (lowest) on: {elements}",
    "officer.alert_suggestion": "Suggestion: “{text}”",
    "officer.alert_hint": "The respondent stays anonymous. See /ikm {unit} and /saran {unit}.",
    "officer.menu.start": "Start the survey",
    "officer.menu.batal": "Cancel the survey",
    "officer.menu.bantuan": "Help and the list of commands",
    "officer.menu.ikm": "IKM per unit, or one unit in detail",
    "officer.menu.saran": "Citizens' latest suggestions",
    "officer.menu.qr": "Survey QR poster for a desk",
    "officer.menu.ekspor": "Download the data (XLSX or CSV)",
    "officer.menu.langganan": "Weekly summary for this chat",
    "officer.menu.berhenti": "Stop the weekly summary",
    "officer.menu.undang": "Invite an officer (one-time link)",
    "officer.menu.petugas": "Officers, and revoking them",
    "officer.help_title.citizen": (
        "<b>SKM Bot</b>: the public satisfaction survey. "
        "Scan the QR code at the service desk to take it."
    ),
    "officer.help_title.officer": "<b>Officers' commands</b>",
    "officer.help_title.admin": "<b>Admins' and officers' commands</b>",
    "officer.help.start": "/start — start the survey (through the QR code at the desk)",
    "officer.help.batal": "/batal — cancel the survey you are filling in",
    "officer.help.bantuan": "/bantuan (/help) — this list",
    "officer.help.ikm": (
        "/ikm [UNIT] [OFFICE] [PERIOD] — without a unit: every unit in your scope; with one: "
        "element scores, improvement priorities, offices, sample check and a chart"
    ),
    "officer.help.saran": "/saran [UNIT] [OFFICE] [PERIOD] — citizens' latest suggestions",
    "officer.help.qr": "/qr UNIT [OFFICE] — the survey's QR poster, to print",
    "officer.help.ekspor": (
        "/ekspor [PERIOD] [csv] (/export) — the data as XLSX or CSV, in a private chat"
    ),
    "officer.help.langganan": "/langganan (/subscribe) — this chat gets the weekly summary",
    "officer.help.berhenti": "/berhenti (/unsubscribe) — stop the weekly summary",
    "officer.help.undang": (
        "/undang UNIT|ALL [OFFICE] (/invite) — a one-time invite link for an officer"
    ),
    "officer.help.petugas": "/petugas — the officers, with revoke buttons",
    "officer.help_periods": (
        "Periods: 2026, 2026-S2, 2026-Q4, 2026-11 or 30d (default: the current quarter)."
    ),
    "admin.invite_usage": (
        "Write: /invite UNIT [OFFICE], /invite ALL [OFFICE] or /invite OFFICE.\n"
        "Units: {units}\nOffices: {offices}"
    ),
    "admin.invite_made": (
        "Officer invite for <b>{scope}</b>, one use, valid until {expires}:\n"
        "{link}\nSend this link only to the officer it is meant for."
    ),
    "admin.invite_invalid": (
        "This invite no longer works (already used or expired). Ask an admin for a new one."
    ),
    "admin.invite_welcome": (
        "Welcome! You are registered as an SKM officer for <b>{scope}</b>. "
        "Type /help for the commands."
    ),
    "admin.invite_used": "{name} is now registered as an officer for {scope}.",
    "admin.roster_title": "<b>Registered officers</b> ({count})",
    "admin.roster_empty": "No officers yet. Invite one with /invite UNIT [OFFICE].",
    "admin.roster_line": "{n}. {name} — {scope} (since {since})",
    "admin.roster_range": "{first}-{last} of {total}",
    "admin.roster_prev": "« Previous",
    "admin.roster_next": "Next »",
    "admin.roster_invites": "Invites still open: {count}",
    "admin.revoke_button": "Revoke {n}. {name}",
    "admin.revoke_confirm": "Revoke {name} ({scope}) as an officer? They will no longer see data.",
    "admin.revoke_yes": "Yes, revoke",
    "admin.revoke_back": "Back",
    "admin.revoked": "{name} revoked.",
    "admin.revoke_gone": "That officer is no longer registered.",
}
