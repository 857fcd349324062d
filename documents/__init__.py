"""Documents an office files and signs: the SKM report (Laporan SKM). Telegram-free."""
