"""The Telegram side: composition root, handlers, jobs, rendering, the command line."""
