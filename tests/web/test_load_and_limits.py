"""Many citizens at once, and the per-address limits that stop a script."""

from __future__ import annotations

import asyncio

import pytest

from tests.web.conftest import PREFIX, WebWorld, form_of, press, texts, whole_survey
from web.limits import Rate, RateLimiter, client_key
from web.site import REQUESTS

SESSIONS = 200


async def test_two_hundred_browsers_at_once_each_store_one_response(world: WebWorld) -> None:
    async def citizen(n: int) -> str:
        async with world.client(f"10.1.{n // 250}.{n % 250}") as client:
            return await whole_survey(client, "SKCK-POLRES" if n % 2 else "SIM-POLRES")

    pages = await asyncio.gather(*(citizen(n) for n in range(SESSIONS)))
    assert all("Terima kasih!" in texts(p) for p in pages)
    rows = await world.rows(
        "SELECT unit, count(DISTINCT respondent) AS n FROM responses GROUP BY unit"
    )
    assert rows == [{"unit": "SIM", "n": SESSIONS // 2}, {"unit": "SKCK", "n": SESSIONS // 2}]
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 0}]
    assert len(world.stored) == SESSIONS


async def test_one_browser_pressing_twice_at_once_moves_the_survey_once(world: WebWorld) -> None:
    async with world.client() as client:
        page = (await client.get(f"{PREFIX}/s/SKCK-POLRES")).text
        page = await press(client, page, "Mulai survei")
        form = form_of(page)
        answers = await asyncio.gather(
            client.post(form.action, data=form.do("Laki-laki")),
            client.post(form.action, data=form.do("Perempuan")),
        )
    assert sorted(a.status_code for a in answers) == [303, 409]
    rows = await world.rows("SELECT step FROM surveys")
    assert rows == [{"step": 2}]


@pytest.mark.site(requests=Rate(burst=30, per_s=60.0))
async def test_a_flood_from_one_address_is_stopped_and_others_go_on(world: WebWorld) -> None:
    async with world.client("198.51.100.9") as script:
        codes = [(await script.get(f"{PREFIX}/s/SKCK-POLRES")).status_code for _ in range(40)]
        refused = await script.get(f"{PREFIX}/s/SKCK-POLRES")
    assert codes.count(200) == 30 and codes.count(429) == 10
    assert refused.headers["retry-after"] == "60"
    assert "Terlalu banyak permintaan" in texts(refused.text)
    async with world.client("198.51.100.10") as citizen:
        assert (await citizen.get(f"{PREFIX}/s/SKCK-POLRES")).status_code == 200


@pytest.mark.site(starts=Rate(burst=3, per_s=3600.0))
async def test_new_surveys_from_one_address_are_limited_fresh_cookies_or_not(
    world: WebWorld,
) -> None:
    statuses = []
    for _ in range(5):  # a script that throws its cookie away each time
        async with world.client("198.51.100.20") as script:
            page = (await script.get(f"{PREFIX}/s/SKCK-POLRES")).text
            form = form_of(page)
            answer = await script.post(form.action, data=form.do("Mulai survei"))
            statuses.append(answer.status_code)
            if answer.status_code == 429:
                assert "Terlalu banyak permintaan" in texts(answer.text)
    assert statuses == [303, 303, 303, 429, 429]
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 3}]


def test_a_bucket_refills_with_time_and_forgets_old_addresses() -> None:
    limiter = RateLimiter(Rate(burst=2, per_s=10.0), keep=2)
    assert [limiter.allow("a", 0.0) for _ in range(3)] == [True, True, False]
    assert not limiter.allow("a", 5.0)
    assert limiter.allow("a", 10.0)
    limiter.allow("b", 10.0)
    limiter.allow("c", 10.0)  # "a" is forgotten: memory stays bounded
    assert limiter.allow("a", 10.0) and limiter.allow("a", 10.0)


@pytest.mark.site(requests=Rate(burst=5, per_s=3600.0), starts=Rate(burst=2, per_s=3600.0))
async def test_an_ipv6_network_counts_as_one_address_for_the_limits(world: WebWorld) -> None:
    # One home or phone gets a whole /64: a script that takes a new address of it for every
    # request must not get a new bucket each time (nor push everyone else's buckets out).
    codes = []
    for n in range(8):
        async with world.client(f"2001:db8:1:2::{n + 1:x}") as script:
            codes.append((await script.get(f"{PREFIX}/s/SKCK-POLRES")).status_code)
    assert codes == [200] * 5 + [429] * 3
    async with world.client("2001:db8:1:3::1") as neighbour:  # another /64 goes on
        assert (await neighbour.get(f"{PREFIX}/s/SKCK-POLRES")).status_code == 200


@pytest.mark.site(starts=Rate(burst=2, per_s=3600.0))
async def test_new_surveys_from_one_ipv6_network_are_limited_whatever_the_address(
    world: WebWorld,
) -> None:
    statuses = []
    for n in range(4):
        async with world.client(f"2001:db8:1:2:{n + 1:x}::9") as script:
            page = (await script.get(f"{PREFIX}/s/SKCK-POLRES")).text
            answer = await script.post(form_of(page).action, data=form_of(page).do("Mulai survei"))
            statuses.append(answer.status_code)
    assert statuses == [303, 303, 429, 429]
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 2}]


def test_the_limits_key_is_the_address_or_its_ipv6_network() -> None:
    assert client_key("198.51.100.7") == "198.51.100.7"
    assert client_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::/64"
    assert client_key("::ffff:198.51.100.7") == "198.51.100.7"  # IPv4 as IPv6
    assert client_key("") == "" and client_key("testclient") == "testclient"


@pytest.mark.site(requests=REQUESTS)
async def test_ten_citizens_on_one_office_wifi_all_finish_in_two_minutes(world: WebWorld) -> None:
    # A queue called at a busy desk: ten citizens behind the office's one address answer
    # within two minutes (some 330 requests, one every 0.35 s), and no one is refused.
    seconds = iter(range(100_000))
    world.app.clock = lambda: next(seconds) * 0.35  # the limit's clock: a request each tick

    async def citizen(n: int) -> str:
        async with world.client("198.51.100.50") as client:
            return await whole_survey(client, "SKCK-POLRES" if n % 2 else "SIM-POLRES")

    pages = await asyncio.gather(*(citizen(n) for n in range(10)))
    assert all("Terima kasih!" in texts(p) for p in pages)
    assert await world.rows("SELECT count(*) AS n FROM responses") == [{"n": 10}]
