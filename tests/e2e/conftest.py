"""What every end-to-end test starts from: the fake Bot API, serving on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.fake_telegram import FakeTelegram


@pytest.fixture
def api() -> Iterator[FakeTelegram]:
    fake = FakeTelegram()
    with fake.running():
        yield fake
