"""Turns per citizen: one at a time per key, keys apart at once, nothing kept once free."""

from __future__ import annotations

import asyncio

from bot.turns import Turns


async def test_one_key_takes_turns_and_other_keys_do_not_wait():
    turns, order = Turns(), []
    first_in = asyncio.Event()
    release = asyncio.Event()

    async def hold(key: str, name: str) -> None:
        async with turns.turn(key):
            order.append(f"{name} in")
            if name == "a1":
                first_in.set()
                await release.wait()
            order.append(f"{name} out")

    a1 = asyncio.create_task(hold("a", "a1"))
    await first_in.wait()
    a2 = asyncio.create_task(hold("a", "a2"))
    await hold("b", "b1")  # another citizen: not held up by a1
    await asyncio.sleep(0)
    assert order == ["a1 in", "b1 in", "b1 out"]
    release.set()
    await asyncio.gather(a1, a2)
    assert order[3:] == ["a1 out", "a2 in", "a2 out"]
    assert len(turns) == 0


async def test_a_turn_is_given_back_when_its_block_fails():
    turns = Turns()
    try:
        async with turns.turn("a"):
            raise ValueError("boom")
    except ValueError:
        pass
    async with asyncio.timeout(1), turns.turn("a"):
        pass
    assert len(turns) == 0
