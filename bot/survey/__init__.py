"""The survey side of the bot."""
