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
    # --- officers and admins ---
}
