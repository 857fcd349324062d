"""The server before the application: slow clients, and whose X-Forwarded-For is believed.

A request that does not arrive in time loses its connection: uvicorn itself waits for
ever for a request's headers and body, so a few thousand connections that each send a
byte now and then (slowloris) would hold the bot's file descriptors, which it also needs
for Telegram and the database.
"""

from __future__ import annotations

import asyncio
import socket
from contextlib import closing

import httpx
import pytest

from tests.web.conftest import PREFIX, WebWorld
from web.limits import Rate
from web.server import WebServer

SLOW_AFTER_S = 1.0
WAIT_S = 30.0  # far longer than the server's limit: the test waits for the close, not a time


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def closed_by_server(reader: asyncio.StreamReader, trickle: asyncio.StreamWriter) -> bytes:
    """Send a byte now and then, as a slow client does, until the server closes; what it sent."""
    received = b""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_S
    while loop.time() < deadline:
        try:
            trickle.write(b"a")
            await trickle.drain()
            chunk = await asyncio.wait_for(reader.read(1000), 0.2)
        except TimeoutError:
            continue
        except ConnectionError:
            return received
        if not chunk:
            return received
        received += chunk
    raise AssertionError("the server kept a slow request's connection open")


async def test_slow_headers_and_slow_bodies_lose_their_connection(world: WebWorld) -> None:
    port = free_port()
    server = WebServer(world.app, "127.0.0.1", port, request_timeout_s=SLOW_AFTER_S)
    await server.start()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET " + PREFIX.encode() + b"/ HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        assert await closed_by_server(reader, writer) == b""  # closed, nothing answered
        writer.close()

        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            b"POST " + PREFIX.encode() + b"/s/SKCK-POLRES HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n"
        )
        await closed_by_server(reader, writer)
        writer.close()

        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as citizen:
            page = await citizen.get(f"{PREFIX}/s/SKCK-POLRES")  # others are served as ever
            assert page.status_code == 200 and "Mulai survei" in page.text
    finally:
        await server.stop()
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 0}]


@pytest.mark.site(requests=Rate(burst=2, per_s=3600.0))
async def test_x_forwarded_for_is_believed_only_from_the_proxy_on_this_machine(
    world: WebWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    # uvicorn reads FORWARDED_ALLOW_IPS from the environment (some images set it to "*"):
    # then any client could name itself anew in each request and escape the limits.
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "*")
    port = free_port()
    server = WebServer(world.app, "127.0.0.1", port)
    await server.start()
    try:
        elsewhere = httpx.AsyncHTTPTransport(local_address="127.0.0.2")  # not the proxy
        async with httpx.AsyncClient(transport=elsewhere) as script:
            codes = [
                (
                    await script.get(
                        f"http://127.0.0.1:{port}{PREFIX}/",
                        headers={"x-forwarded-for": f"198.51.100.{n}"},
                    )
                ).status_code
                for n in range(4)
            ]
    finally:
        await server.stop()
    assert codes == [200, 200, 429, 429]
