"""English texts."""

TEXTS: dict[str, str] = {
    # --- report (command line and shared) ---
    "report.title": "SKM report",
    "report.period": "Period: {label} ({start} to {end})",
    "report.all_time": "Period: all data",
    "report.office": "Office: {office}",
    "report.unit": "Service unit: {name}",
    "report.col_element": "Service element",
    "report.col_nrr": "NRR",
    "report.col_weighted": "Weighted NRR",
    "report.index": "Index (1-4)",
    "report.ikm": "IKM (25-100)",
    "report.grade": "Service grade",
    "report.performance": "Unit performance",
    "report.interval": "95% interval (grades)",
    "report.respondents": "Respondents",
    "report.missing": "The IKM cannot be computed: nobody answered {elements}.",
    "report.overall": "All units",
    "report.overall_mean": "IKM (mean of unit IKMs)",
    "report.overall_pooled": "Pooled IKM over all respondents",
    "report.no_data": "No respondents for this selection.",
    "report.profile": "Respondent profile",
    "report.col_count": "Count",
    "report.col_share": "Share",
    "report.blank": "Not given",
    "report.weight": "Weight of each element: {weight}",
    "report.channels": "By channel",
    "channel.telegram": "Telegram",
    "channel.web": "Web (browser)",
    "channel.kiosk": "Kiosk (desk tablet)",
    "channel.import": "Import (earlier data)",
    # --- laporan (command line) ---
    "laporan.written": "SKM report written to {path}: {respondents} respondents, {period}.",
    "laporan.empty": "No respondents in {period} for this selection; no file was written.",
    "laporan.pdf_written": "PDF written to {path}.",
    "laporan.no_soffice": (
        "No PDF was made because LibreOffice (soffice) is not installed; open the DOCX in Word "
        "and save it as PDF."
    ),
    "laporan.pdf_failed": "No PDF was made: LibreOffice could not convert the file ({reason}).",
    # --- errors ---
    "error.generic": "Sorry, something went wrong. Please try again in a moment.",
    # --- import (command line) ---
    "import.done": "{new} new responses imported, {dupes} were already there.",
    "import.bad_header": "These lines are not valid; nothing was imported:",
    "import.skipped": "These lines were skipped:",
    "import.more": "… and {count} more lines.",
    "import.hint": "Fix those lines, or run again with --skip-invalid.",
    "migrate.table": "  {table}: {count} rows",
    "migrate.done": "Done: {rows} rows copied to {target}.",
    # --- survey (citizens) ---
    "survey.welcome": (
        "Thank you for using {unit} at {office}. Please rate our service in this satisfaction "
        "survey: {questions} questions, about 2 minutes.\n\n"
        "Anonymous: only your answers are stored, never your name, number or Telegram account."
    ),
    "survey.button.start": "Start the survey",
    "survey.button.lang": "Bahasa Indonesia",
    "survey.button.back": "« Back",
    "survey.button.skip": "Skip",
    "survey.button.confirm": "Submit",
    "survey.button.switch_new": "Start the new survey",
    "survey.button.switch_back": "Continue the earlier survey",
    "survey.button.continue": "Continue the survey",
    "survey.switch": (
        "Your survey for {old_unit} at {old_office} is not finished.\n\n"
        "Start a new survey for {unit} at {office}? The earlier survey's answers will be deleted."
    ),
    "survey.still_open": (
        "This QR code is not known. Your survey for {unit} at {office} is still open."
    ),
    "survey.unknown_command": "I don't know that command. Send /help for the list of commands.",
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
    "survey.recovered": "Sorry, there was a brief disruption. Please continue:",
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
        "anonymous). Link: {link}"
    ),
    "survey.poster_hint_web": (
        "Scan this QR code with your phone camera, then answer the survey in the browser or "
        "in Telegram (about 2 minutes, anonymous). Telegram is optional. Link: {link}"
    ),
    "survey.qr_written": "QR poster written to {path}\nLink: {link}",
    # --- web survey and kiosk (citizens, in a browser) ---
    "web.title": "Public Satisfaction Survey",
    "web.about_you": "About you ({n}/{total})",
    "web.question": "Question {n}/{total}",
    "web.suggestion_title": "Suggestions (optional)",
    "web.suggestion": (
        "What would you suggest to {unit}? Write it in the box below (at most {limit} "
        "characters), or press Skip."
    ),
    "web.button.send_suggestion": "Continue",
    "web.summary.unit": "Service unit",
    "web.summary.office": "Office",
    "web.summary.suggestion": "Suggestion",
    "web.notice.empty": "The suggestion box is empty. Write your suggestion, or press Skip.",
    "web.notice.truncated": "Your suggestion was cut to {limit} characters.",
    "web.index": "Public Satisfaction Survey (SKM)\n\nChoose the service you have just received:",
    "web.landing": (
        "Public Satisfaction Survey for {unit} at {office}: about 2 minutes, anonymous.\n\n"
        "Answer it right here in your phone's browser, or in Telegram if you use it. "
        "Telegram is optional."
    ),
    "web.in_browser": "Answer in the browser",
    "web.in_telegram": "Open in Telegram",
    "web.plain": "{text}",
    "web.start_again": "Go to the survey's start page",
    "web.kiosk_next": "Start a new survey",
    "web.kiosk_restart": "Start over (clear these answers)",
    "web.error.bad_form": (
        "Sorry, this form could not be read and nothing was saved. Please open the survey "
        "page again."
    ),
    "web.error.session": (
        "Sorry, this browser's survey session was not recognised, so this answer was not "
        "saved. Open the survey page again to go on."
    ),
    "web.error.csrf": (
        "Sorry, this form did not come from your survey page, so it was not saved. "
        "Open the survey page again to go on."
    ),
    "web.error.not_found": "Sorry, this page or service code is not known.",
    "web.error.method": "Sorry, this page cannot be opened that way.",
    "web.error.too_large": "Sorry, this form is too large and was not saved.",
    "web.error.too_long": (
        "Sorry, a suggestion may have at most 1,000 characters; this one was not saved. "
        "Go back, shorten it and send it again."
    ),
    "web.error.too_many": (
        "Too many requests from this network in a short time. Please try again in a few minutes."
    ),
    "web.error.stale": (
        "This page is out of date (your survey has moved on, perhaps in another tab). "
        "This answer was not saved."
    ),
    "web.error.expired": (
        "This survey has ended or was cancelled, so this answer was not saved. Please start again."
    ),
    "web.error.generic": "Sorry, something went wrong. Please try again in a moment.",
    # --- kiosk links (command line and officers) ---
    "kiosk.made": (
        "Kiosk link number {number}: {link}\nOpen it on the desk's tablet. It works until an "
        "admin revokes it (skm-bot kiosk revoke {number})."
    ),
    "kiosk.none": "No kiosk link is active.",
    "kiosk.line": "{number}. {unit} · {office}, made {when}",
    "kiosk.unknown": "no active kiosk link has the number {number}.",
    "kiosk.revoked": "Kiosk link number {number} ({unit} · {office}) revoked.",
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
    "officer.period_range": "Period {word} is out of range: choose one from {first} to {last}.",
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
    "officer.sample_floor_enough": (
        "<b>Sample</b>: enough, {respondents} respondents of at least {required} (no monthly "
        "volume in the units file for {offices}, so the floor of {required} respondents applies)."
    ),
    "officer.sample_floor_short": (
        "<b>Sample</b>: not enough yet, {respondents} respondents of at least {required} (no "
        "monthly volume in the units file for {offices}, so the floor of {required} "
        "respondents applies)."
    ),
    "officer.sample_tag": "sample too small (n={respondents} of {required})",
    "officer.interval": "95% interval: {low}–{high} (grade {grades})",
    "officer.interval_none": "95% interval: not yet computable (fewer than 2 respondents)",
    "officer.grades_or": " or ",
    "officer.too_few": "too few respondents to show",
    "officer.change_flat": "Change from {previous}: no meaningful change (difference {change})",
    "officer.chart_axis": "Element score (NRR x 25, 25-100 scale)",
    "officer.chart_ikm": "IKM {ikm} ({letter})",
    "officer.chart_caption": "Element scores against the grade bands A, B, C and D.",
    "officer.saran_title": "<b>Latest suggestions</b> · {heading}",
    "officer.saran_none": "No suggestions yet.",
    "officer.saran_range": "{first}-{last} of {total}, newest first",
    "officer.saran_where": "<i>{date} · {unit} · {office}</i>",
    "officer.saran_newer": "« Newer",
    "officer.saran_older": "Older »",
    "officer.kiosk_private": (
        "Kiosk links are made only in a private chat with the bot: whoever holds one can answer "
        "the survey as the desk."
    ),
    "officer.kiosk_no_web": (
        "The web survey is not on: an admin needs to set SKM_WEB_URL before kiosk links can be "
        "made."
    ),
    "officer.kiosk_usage": (
        "Name the unit: /kiosk UNIT [OFFICE], e.g. /kiosk SKCK POLRES.\nUnits: {units}\n"
        "Also: /kiosk list, and (admins) /kiosk revoke NUMBER."
    ),
    "officer.kiosk_which_office": "Unit {unit} is served at several offices; name one: {offices}",
    "officer.kiosk_made": (
        "Kiosk link number {number} for <b>{unit}</b> · {office}:\n{link}\n\n"
        "Open it on the desk's tablet. Each citizen gets a fresh survey (no daily limit); it "
        "starts afresh after each submission or when left for 2 minutes. It works until an "
        "admin revokes it: /kiosk revoke {number}."
    ),
    "officer.kiosk_list_title": "<b>Active kiosk links</b>",
    "officer.kiosk_revoke_usage": "Give its number: /kiosk revoke NUMBER (see /kiosk list).",
    "officer.kiosk_unknown": "No active kiosk link has the number {number}.",
    "officer.channels_title": "<b>By channel</b>",
    "officer.qr_usage": "Name the unit: /qr UNIT [OFFICE], e.g. /qr SKCK POLRES.\nUnits: {units}",
    "officer.qr_which_office": "<b>{unit}</b> is served at several offices. Choose one:",
    "officer.qr_file": "The PNG file to print (uncompressed).",
    "officer.nrp_usage": "Write your NRP (8-18 digits), e.g. /nrp 12345678.",
    "officer.nrp_saved": "Your NRP is recorded: {nrp}. It is shown in the officers list.",
    "officer.nrp_not_officer": "An NRP is recorded only for officers registered by invite.",
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
    "officer.nrp_private": (
        "An NRP is only recorded in a private chat with the bot, so the whole group does not "
        "read it. Send /nrp there (and delete the message with your NRP from this group)."
    ),
    "officer.saran_private": (
        "Suggestions are citizens' own words, so they are only shown in a private chat with "
        "the bot. Send /saran there."
    ),
    "admin.invite_private": (
        "Officer invites are only made in a private chat with the bot, so that nobody else in "
        "a group can use the link. Send /invite there."
    ),
    "admin.roster_private": (
        "The officers list is only shown in a private chat with the bot. Send /petugas there."
    ),
    "officer.export_private": (
        "The export holds citizens' answers and suggestions, so it is only sent in a private "
        "chat with the bot. Send /export there."
    ),
    "officer.laporan_preparing": "The SKM report for {period} is being prepared…",
    "officer.laporan_caption": "SKM report, period {period}. Open it in Word, check it, then sign.",
    "officer.laporan_empty": "No respondents in {period} for this selection; no report was made.",
    "officer.laporan_private": (
        "The SKM report holds citizens' suggestions, so it is sent only in a private chat "
        "with the bot. Send /laporan there."
    ),
    # --- follow-up plan (/followup) ---
    "followup.title": "<b>Follow-up plan</b> · weakest elements {period}",
    "followup.weakest": "Weakest elements: {elements}",
    "followup.weakest_item": "{code} {name} {nrr}",
    "followup.no_answers": "No answers in this period yet, so no weakest elements.",
    "followup.none": "No follow-up actions yet.",
    "followup.item": (
        "#{id} {code} {name} — {action}\n    By: {responsible} · due {due} · {status}{late}"
    ),
    "followup.late": " · <b>overdue</b>",
    "followup.more": "{count} more actions do not fit here; send /followup {unit}.",
    "followup.hint_private": (
        "Press 📝 Add for a new one, or an action's number to edit it, mark it done or delete it."
    ),
    "followup.hint_group": "To add or edit actions, send /followup in a private chat with the bot.",
    "followup.private": (
        "Follow-up actions are added and edited in a private chat with the bot. "
        "Send /followup there."
    ),
    "followup.add_button": "📝 Add · {unit}",
    "followup.item_button": "#{id}",
    "followup.status.rencana": "planned",
    "followup.status.berjalan": "in progress",
    "followup.status.selesai": "done",
    "followup.status_button.rencana": "Planned",
    "followup.status_button.berjalan": "In progress",
    "followup.status_button.selesai": "Done",
    "followup.view": (
        "<b>Follow-up #{id}</b> · {unit}\n"
        "Office: {office}\n"
        "Element: {code} {name}\n"
        "Action: {action}\n"
        "Responsible: {responsible}\n"
        "Due: {due}{late}\n"
        "Status: {status}\n"
        "Recorded {created} by {created_by}; last changed {updated} by {updated_by}."
    ),
    "followup.saved": "Saved.",
    "followup.admin": "admin",
    "followup.edit_action": "Edit action",
    "followup.edit_responsible": "Edit responsible",
    "followup.edit_due": "Edit due date",
    "followup.delete_button": "Delete",
    "followup.back_button": "« List",
    "followup.delete_confirm": (
        "Delete follow-up #{id} ({code} {name}: {action})? This cannot be undone."
    ),
    "followup.delete_yes": "Yes, delete",
    "followup.delete_no": "No",
    "followup.deleted": "Follow-up #{id} deleted.",
    "followup.gone": "That follow-up action no longer exists.",
    "followup.status_set": "Status of #{id}: {status}.",
    "followup.new_title": "<b>New follow-up action</b> · {unit}",
    "followup.ask_element": (
        "Pick the element to improve: the three weakest in {period} on top, the others below."
    ),
    "followup.ask_element_nodata": "Pick the element to improve (no answers in {period}).",
    "followup.element_button": "{code} {name} · {nrr}",
    "followup.ask_action": (
        "Element: {code} {name}.\nType the follow-up action (at most {max} characters)."
    ),
    "followup.ask_responsible": (
        "Action: {action}\nWho is responsible? Type a name or position (at most {max} characters)."
    ),
    "followup.ask_due": (
        "Responsible: {responsible}\nWhat is the due date? Type DD-MM-YYYY (e.g. {example}) "
        "or pick:"
    ),
    "followup.due_button": "+{days} days · {date}",
    "followup.ask_status": "Due: {due}\nWhat is its status now?",
    "followup.edit_ask_action": (
        "<b>Follow-up #{id}</b>\nAction now: {current}\n"
        "Type the new action (at most {max} characters)."
    ),
    "followup.edit_ask_responsible": (
        "<b>Follow-up #{id}</b>\nResponsible now: {current}\n"
        "Type who is responsible now (at most {max} characters)."
    ),
    "followup.edit_ask_due": (
        "<b>Follow-up #{id}</b>\nDue now: {current}\n"
        "Type the new date DD-MM-YYYY (e.g. {example}) or pick:"
    ),
    "followup.cancel_button": "Cancel",
    "followup.cancelled": "Cancelled; nothing was changed.",
    "followup.use_buttons": "Please pick with the buttons above, or press Cancel.",
    "followup.bad.empty": "The text is empty. Type it again and send.",
    "followup.bad.long": (
        "Too long: {length} characters, at most {max}. Shorten it and send again."
    ),
    "followup.bad.format": (
        "That date cannot be read. Type DD-MM-YYYY, e.g. {example}, or pick a button."
    ),
    "followup.bad.no_such_day": "That day is not in the calendar. Type DD-MM-YYYY, e.g. {example}.",
    "followup.bad.past": "The due date cannot be before today ({today}).",
    "followup.bad.far": "The due date can be at most two years from today (until {last}).",
    "followup.weekly_due": "Follow-up actions due in the next 7 days:",
    "followup.weekly_overdue": "Overdue follow-up actions:",
    "followup.weekly_item": "• #{id} {code} {action} — {responsible}, due {due} ({status})",
    "officer.xlsx_sheet_followup": "Follow-up",
    "followup.xlsx_office": "Office",
    "followup.xlsx_element_name": "Element name",
    "followup.xlsx_action": "Action",
    "followup.xlsx_responsible": "Responsible",
    "followup.xlsx_due": "Due",
    "followup.xlsx_status": "Status",
    "followup.xlsx_created_by": "Recorded by (id)",
    "followup.xlsx_created_at": "Recorded at",
    "followup.xlsx_updated_by": "Changed by (id)",
    "followup.xlsx_updated_at": "Changed at",
    # --- published results (/publikasi) ---
    "publikasi.preparing": "The SKM results poster for {period} is being prepared…",
    "publikasi.caption": (
        "SKM results poster of {unit}, period {period}. Print it on A4 and hang it by the desk."
    ),
    "publikasi.empty": ("No respondents in {period} for this selection; no poster was made."),
    "publikasi.need_unit": (
        "A poster covers one unit: send /publikasi UNIT [OFFICE] [PERIOD]. Units: {units}"
    ),
    "publikasi.written": "Poster written to {path}: {unit}, {respondents} respondents, {period}.",
    "publikasi.cli_need_unit": (
        "A poster covers one unit, and this selection holds {units}: name one with --unit."
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
    "officer.xlsx_ci_low": "95% interval low",
    "officer.xlsx_ci_high": "95% interval high",
    "officer.xlsx_ci_grades": "Grades in interval",
    "officer.xlsx_sample": "Sample",
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
    "officer.weekly_change_flat": "Against last week: no meaningful change (difference {change})",
    "officer.weekly_quarter": "Quarter to date: {figures}",
    "officer.weekly_weakest": "Weakest element this week: {name} ({code}) {nrr}",
    "officer.weekly_suggestions": "New suggestions: {count}",
    "officer.subscribed": (
        "This chat will get the weekly SKM summary every {day} at {time} {zone} for {scope}. "
        "Stop it with /unsubscribe."
    ),
    "officer.subscribed_again": (
        "This chat was already subscribed; its scope is now {scope}. "
        "The summary comes every {day} at {time} {zone}."
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
    "officer.alert_title": "⚠️ <b>Needs attention</b>: {unit}",
    "officer.alert_count": "{count} responses gave a 1 (the lowest score).",
    "officer.alert_element": "{name} ({code}) {count}x",
    "officer.alert_low": "Scored 1 on: {elements}",
    "officer.alert_offices": "Offices: {offices}",
    "officer.alert_hint": (
        "The respondents stay anonymous. See /ikm {unit}; suggestions are in /saran {unit} "
        "and the weekly summary."
    ),
    "officer.menu.start": "Start the survey",
    "officer.menu.batal": "Cancel the survey",
    "officer.menu.bantuan": "Help and the list of commands",
    "officer.menu.ikm": "IKM per unit, or one unit in detail",
    "officer.menu.saran": "Citizens' latest suggestions",
    "officer.menu.kiosk": "Survey kiosk link for a desk tablet",
    "officer.menu.qr": "Survey QR poster for a desk",
    "officer.menu.ekspor": "Download the data (XLSX or CSV)",
    "officer.menu.laporan": "SKM report (DOCX) to sign",
    "officer.menu.tindaklanjut": "Follow-up plan for the weakest elements",
    "officer.menu.publikasi": "SKM results poster for citizens",
    "officer.menu.langganan": "Weekly summary for this chat",
    "officer.menu.berhenti": "Stop the weekly summary",
    "officer.menu.undang": "Invite an officer (one-time link)",
    "officer.menu.petugas": "Officers, and revoking them",
    "officer.menu.nrp": "Record your NRP for the officers list",
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
    "officer.help.saran": (
        "/saran [UNIT] [OFFICE] [PERIOD] — citizens' latest suggestions, in a private chat"
    ),
    "officer.help.kiosk": (
        "/kiosk UNIT [OFFICE] — a survey link for the desk's tablet (kiosk); /kiosk list, "
        "/kiosk revoke NUMBER (admins)"
    ),
    "officer.help.qr": "/qr UNIT [OFFICE] — the survey's QR poster, to print",
    "officer.help.ekspor": (
        "/ekspor [PERIOD] [csv] (/export) — the data as XLSX or CSV (semicolons for "
        "Excel; /ekspor csv , for commas), in a private chat"
    ),
    "officer.help.laporan": (
        "/laporan [UNIT] [OFFICE] [PERIOD] (/report) — the SKM report as DOCX "
        "(default: last year), in a private chat"
    ),
    "officer.help.tindaklanjut": (
        "/tindaklanjut [UNIT] [OFFICE] [PERIOD] (/followup) — each unit's three weakest "
        "elements and their follow-up actions; adding and editing in a private chat"
    ),
    "officer.help.publikasi": (
        "/publikasi [UNIT] [OFFICE] [PERIOD] — the SKM results poster (A4, PNG) for the "
        "desk and the office's social media"
    ),
    "officer.help.langganan": "/langganan (/subscribe) — this chat gets the weekly summary",
    "officer.help.berhenti": "/berhenti (/unsubscribe) — stop the weekly summary",
    "officer.help.undang": (
        "/undang UNIT|ALL [OFFICE] (/invite) — a one-time invite link for an officer, "
        "in a private chat"
    ),
    "officer.help.petugas": (
        "/petugas — the officers and the open invites, with revoke and cancel buttons, in a "
        "private chat"
    ),
    "officer.help.nrp": "/nrp NUMBER — record your NRP (once) for the officers list",
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
    "admin.invite_unknown": (
        "{word} is not a unit or office code.\nUnits: {units}\nOffices: {offices}"
    ),
    "admin.invite_unknown_office": "{word} is not an office code.\nOffices: {offices}",
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
    "admin.roster_line_nrp": "{n}. {name} (NRP {nrp}) — {scope} (since {since})",
    "admin.roster_range": "{first}-{last} of {total}",
    "admin.roster_prev": "« Previous",
    "admin.roster_next": "Next »",
    "admin.roster_invites": "Invites still open: {count}",
    "admin.roster_invite": "Invite {n}: {scope}, valid until {expires}",
    "admin.roster_invites_more": "… and {count} more invites.",
    "admin.invite_cancel_button": "Cancel invite {n}",
    "admin.invite_cancel_confirm": (
        "Cancel the invite for <b>{scope}</b> (valid until {expires})? "
        "Its link will no longer work."
    ),
    "admin.invite_cancel_yes": "Yes, cancel",
    "admin.invite_cancelled": "Invite cancelled.",
    "admin.invite_gone": "That invite no longer works.",
    "admin.revoke_button": "Revoke {n}. {name}",
    "admin.revoke_confirm": "Revoke {name} ({scope}) as an officer? They will no longer see data.",
    "admin.revoke_yes": "Yes, revoke",
    "admin.revoke_back": "Back",
    "admin.revoked": "{name} revoked.",
    "admin.revoke_gone": "That officer is no longer registered.",
}
