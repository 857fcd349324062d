"""What every channel (Telegram, web, desk kiosk) shares, with no channel inside it."""
