"""Updates of one chat are handled in the order they came, however many run side by side."""

from __future__ import annotations

import asyncio
import random

from telegram import Chat, Message, Update

from bot.handlers.ordering import PerChatUpdateProcessor


def _update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, Chat.PRIVATE)
    return Update(update_id, message=Message(update_id, date=None, chat=chat))  # type: ignore[arg-type]


async def test_one_chat_keeps_its_order_while_chats_run_side_by_side() -> None:
    processor = PerChatUpdateProcessor(8)
    handled: dict[int, list[int]] = {1: [], 2: [], 3: []}
    rng = random.Random(7)

    async def handle(update_id: int, chat_id: int) -> None:
        await asyncio.sleep(rng.random() / 200)  # a reply's round trip of varying length
        handled[chat_id].append(update_id)

    tasks = []
    for update_id in range(60):
        chat_id = 1 + update_id % 3
        coroutine = handle(update_id, chat_id)
        tasks.append(asyncio.create_task(processor.process_update(_update(update_id, chat_id), coroutine)))
    await asyncio.gather(*tasks)
    for chat_id, order in handled.items():
        assert order == sorted(order), f"chat {chat_id} handled out of order: {order}"
    assert processor._locks == {}, "no lock is kept once a chat has nothing pending"
