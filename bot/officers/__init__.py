"""The officers side of the bot."""
