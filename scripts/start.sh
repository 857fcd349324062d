#!/usr/bin/env bash
# Set up and start the bot (long polling, SQLite in the working directory).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if [ ! -f .env ]; then
  # A fresh machine gets its own pseudonym key; the bot token still has to be filled in.
  secret=$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))')
  # Readable by its owner only: it holds the pseudonym key and, soon, the bot token.
  (umask 077 && sed "s/^SKM_SECRET=.*/SKM_SECRET=${secret}/" .env.example > .env)
  echo "Created .env with a new SKM_SECRET; put your BOT_TOKEN from @BotFather in it."
fi
exec .venv/bin/skm-bot run "$@"
