"""The web survey and kiosk: the same survey as the bot's, in a browser (never imports telegram)."""
