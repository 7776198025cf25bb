"""Every interface text in every language the bot speaks, in one place. Knowledge texts live in the files.

A test checks that each language has exactly the English keys with the same placeholders and tags, so a
missing translation fails the build instead of reaching a user.
"""

from __future__ import annotations

import datetime as dt

from bot.core.languages import REFERENCE

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "not_covered_lead": "The article does not cover this.",
        "not_in_article": "Not in the article.",
        "source": "Source",
        "caveat": "Caveat",
        "figure": "Figure",
        "matched": "Matched question",
        "related": "Related",
        "updated": "Updated {date}",
        "article": "Article",
        "as_of": "as of",
        "published": "published",
        "source_in_english": "The source article is in English; this answer is translated from it.",
        "not_covered_body": "I answer questions about {about}: the figures it reports, who gave them "
        "and how reliable they are.",
        "try_examples": "Try one of these questions:",
        "ambiguous": "Your question is close to several that the article answers. <b>Did you mean:</b>",
        "ambiguous_plain": "Your question is close to several that the article answers. Did you mean: {options}?",
        "ask_prompt": "Ask a question about the article. For example: {examples}.",
        "reports_examples": "It reports, for example: {examples}.",
        "nearest": "Nearest questions it answers: {nearest}.",
        "welcome": "👋 I answer questions about one news article with <b>the figure, its source and a caveat</b>, "
        "or tell you plainly when the article does not hold the answer.\n\n{sources}\n\n"
        "Ask me anything in your own words, or tap an example below. In groups, use <code>/ask</code> "
        "or mention me; in any chat, type my @username and a question.",
        "help": "<b>How to ask</b>\n• Private chat: just write your question.\n"
        "• Groups: <code>/ask your question</code>, mention @{name} in a message, or reply to one of my messages.\n"
        "• Any chat: type <code>@{name} your question</code> and pick an answer to post.\n\n"
        "<b>Commands</b>\n/ask: ask a question\n/sources: the article behind the answers\n/help: this message\n\n"
        "Every answer shows its source and a caveat. A figure is only as good as whoever gave it.",
        "sources_title": "Source articles",
        "ask_usage": "Ask me a question about the article, e.g. <code>/ask how many soldiers died?</code>",
        "slow_down": "You are asking faster than I can answer well. Please wait a minute before the next question.",
        "full_answer": "Full answer",
        "source_button": "ℹ️ Source",
        "thanks_helpful": "Thanks for the feedback!",
        "what_was_wrong": "Thanks. What was wrong?",
        "reason_wrong_match": "Wrong match",
        "reason_wrong_figure": "Wrong or outdated figure",
        "reason_missing_caveat": "Missing caveat",
        "thanks_reason": "Thanks, the editors will look at it.",
        "entry_gone": "That answer is no longer in the knowledge base.",
        "inline_not_covered_title": "Not covered by the article",
        "inline_not_covered_description": "The article does not hold an answer to this question.",
        "inline_private_button": "Ask me in a private chat",
        "admin_refusal": "Sorry, only the bot's admins can do that.",
    },
    "it": {
        "not_covered_lead": "L'articolo non tratta questo argomento.",
        "not_in_article": "Non è nell'articolo.",
        "source": "Fonte",
        "caveat": "Avvertenza",
        "figure": "Cifra",
        "matched": "Domanda corrispondente",
        "related": "Correlate",
        "updated": "Aggiornato il {date}",
        "article": "Articolo",
        "as_of": "aggiornato al",
        "published": "pubblicato il",
        "source_in_english": "L'articolo originale è in inglese; questa risposta ne è una traduzione.",
        "not_covered_body": "Rispondo a domande su {about}: le cifre che riporta, chi le ha fornite "
        "e quanto sono affidabili.",
        "try_examples": "Prova una di queste domande:",
        "ambiguous": "La tua domanda è vicina a diverse a cui l'articolo risponde. <b>Intendevi:</b>",
        "ambiguous_plain": "La tua domanda è vicina a diverse a cui l'articolo risponde. Intendevi: {options}?",
        "ask_prompt": "Fai una domanda sull'articolo. Per esempio: {examples}.",
        "reports_examples": "Riporta, per esempio: {examples}.",
        "nearest": "Domande più vicine a cui risponde: {nearest}.",
        "welcome": "👋 Rispondo a domande su un articolo di cronaca con <b>la cifra, la sua fonte e un'avvertenza</b>, "
        "o ti dico chiaramente quando l'articolo non contiene la risposta.\n\n{sources}\n\n"
        "Chiedimi quello che vuoi con parole tue, o tocca un esempio qui sotto. Nei gruppi usa <code>/ask</code> "
        "o menzionami; in qualsiasi chat scrivi il mio @username e una domanda.",
        "help": "<b>Come chiedere</b>\n• Chat privata: scrivi semplicemente la tua domanda.\n"
        "• Gruppi: <code>/ask la tua domanda</code>, menziona @{name} in un messaggio o rispondi a un mio messaggio.\n"
        "• Qualsiasi chat: scrivi <code>@{name} la tua domanda</code> e scegli una risposta da pubblicare.\n\n"
        "<b>Comandi</b>\n/ask: fai una domanda\n/sources: l'articolo dietro le risposte\n/help: questo messaggio\n\n"
        "Ogni risposta mostra la fonte e un'avvertenza. Una cifra vale quanto chi l'ha fornita.",
        "sources_title": "Articoli di origine",
        "ask_usage": "Fammi una domanda sull'articolo, per esempio <code>/ask quanti soldati sono morti?</code>",
        "slow_down": "Stai chiedendo più in fretta di quanto io possa rispondere bene. Aspetta un minuto "
        "prima della prossima domanda.",
        "full_answer": "Risposta completa",
        "source_button": "ℹ️ Fonte",
        "thanks_helpful": "Grazie per il riscontro!",
        "what_was_wrong": "Grazie. Che cosa non andava?",
        "reason_wrong_match": "Domanda fraintesa",
        "reason_wrong_figure": "Cifra errata o superata",
        "reason_missing_caveat": "Manca un'avvertenza",
        "thanks_reason": "Grazie, la redazione ci darà un'occhiata.",
        "entry_gone": "Questa risposta non è più nella base di conoscenza.",
        "inline_not_covered_title": "Non trattato dall'articolo",
        "inline_not_covered_description": "L'articolo non contiene una risposta a questa domanda.",
        "inline_private_button": "Chiedimelo in chat privata",
        "admin_refusal": "Spiacente, solo gli amministratori del bot possono farlo.",
    },
    "ru": {
        "not_covered_lead": "В статье об этом не говорится.",
        "not_in_article": "Этого нет в статье.",
        "source": "Источник",
        "caveat": "Оговорка",
        "figure": "Цифра",
        "matched": "Сопоставленный вопрос",
        "related": "Похожие",
        "updated": "Обновлено {date}",
        "article": "Статья",
        "as_of": "по состоянию на",
        "published": "опубликована",
        "source_in_english": "Исходная статья на английском языке; этот ответ — её перевод.",
        "not_covered_body": "Я отвечаю на вопросы о статье {about}: какие цифры в ней приводятся, кто их дал "
        "и насколько они надёжны.",
        "try_examples": "Попробуйте один из этих вопросов:",
        "ambiguous": "Ваш вопрос похож на несколько вопросов, на которые отвечает статья. <b>Вы имели в виду:</b>",
        "ambiguous_plain": "Ваш вопрос похож на несколько вопросов, на которые отвечает статья. "
        "Вы имели в виду: {options}?",
        "ask_prompt": "Задайте вопрос о статье. Например: {examples}.",
        "reports_examples": "В ней сообщается, например: {examples}.",
        "nearest": "Ближайшие вопросы, на которые она отвечает: {nearest}.",
        "welcome": "👋 Я отвечаю на вопросы об одной новостной статье: <b>цифра, её источник и оговорка</b> — "
        "или честно говорю, что в статье ответа нет.\n\n{sources}\n\n"
        "Спрашивайте своими словами или нажмите на пример ниже. В группах используйте <code>/ask</code> "
        "или упомяните меня; в любом чате наберите мой @username и вопрос.",
        "help": "<b>Как спросить</b>\n• Личный чат: просто напишите вопрос.\n"
        "• Группы: <code>/ask ваш вопрос</code>, упоминание @{name} в сообщении или ответ на моё сообщение.\n"
        "• Любой чат: наберите <code>@{name} ваш вопрос</code> и выберите ответ для публикации.\n\n"
        "<b>Команды</b>\n/ask: задать вопрос\n/sources: статья, на которой основаны ответы\n/help: это сообщение\n\n"
        "Каждый ответ показывает источник и оговорку. Цифра надёжна ровно настолько, насколько надёжен её источник.",
        "sources_title": "Исходные статьи",
        "ask_usage": "Задайте вопрос о статье, например <code>/ask сколько солдат погибло?</code>",
        "slow_down": "Вы спрашиваете быстрее, чем я успеваю хорошо отвечать. "
        "Подождите минуту перед следующим вопросом.",
        "full_answer": "Полный ответ",
        "source_button": "ℹ️ Источник",
        "thanks_helpful": "Спасибо за отзыв!",
        "what_was_wrong": "Спасибо. Что было не так?",
        "reason_wrong_match": "Вопрос понят неверно",
        "reason_wrong_figure": "Неверная или устаревшая цифра",
        "reason_missing_caveat": "Не хватает оговорки",
        "thanks_reason": "Спасибо, редакторы это проверят.",
        "entry_gone": "Этого ответа больше нет в базе знаний.",
        "inline_not_covered_title": "В статье об этом нет",
        "inline_not_covered_description": "В статье нет ответа на этот вопрос.",
        "inline_private_button": "Спросить в личном чате",
        "admin_refusal": "Извините, это могут делать только администраторы бота.",
    },
    "uk": {
        "not_covered_lead": "У статті про це не йдеться.",
        "not_in_article": "Цього немає в статті.",
        "source": "Джерело",
        "caveat": "Застереження",
        "figure": "Цифра",
        "matched": "Зіставлене питання",
        "related": "Схожі",
        "updated": "Оновлено {date}",
        "article": "Стаття",
        "as_of": "станом на",
        "published": "опублікована",
        "source_in_english": "Оригінальна стаття англійською мовою; ця відповідь — її переклад.",
        "not_covered_body": "Я відповідаю на запитання про статтю {about}: які цифри в ній наведено, хто їх надав "
        "і наскільки вони надійні.",
        "try_examples": "Спробуйте одне з цих запитань:",
        "ambiguous": "Ваше запитання схоже на кілька запитань, на які відповідає стаття. <b>Ви мали на увазі:</b>",
        "ambiguous_plain": "Ваше запитання схоже на кілька запитань, на які відповідає стаття. "
        "Ви мали на увазі: {options}?",
        "ask_prompt": "Поставте запитання про статтю. Наприклад: {examples}.",
        "reports_examples": "У ній повідомляється, наприклад: {examples}.",
        "nearest": "Найближчі запитання, на які вона відповідає: {nearest}.",
        "welcome": "👋 Я відповідаю на запитання про одну новинну статтю: <b>цифра, її джерело і застереження</b> — "
        "або чесно кажу, що в статті відповіді немає.\n\n{sources}\n\n"
        "Питайте своїми словами або натисніть на приклад нижче. У групах використовуйте <code>/ask</code> "
        "або згадайте мене; у будь-якому чаті наберіть мій @username і запитання.",
        "help": "<b>Як запитати</b>\n• Особистий чат: просто напишіть запитання.\n"
        "• Групи: <code>/ask ваше запитання</code>, згадка @{name} у повідомленні або відповідь на моє повідомлення.\n"
        "• Будь-який чат: наберіть <code>@{name} ваше запитання</code> і виберіть відповідь для публікації.\n\n"
        "<b>Команди</b>\n/ask: поставити запитання\n/sources: стаття, на якій ґрунтуються відповіді\n"
        "/help: це повідомлення\n\n"
        "Кожна відповідь показує джерело і застереження. Цифра надійна рівно настільки, наскільки надійне її джерело.",
        "sources_title": "Вихідні статті",
        "ask_usage": "Поставте запитання про статтю, наприклад <code>/ask скільки солдатів загинуло?</code>",
        "slow_down": "Ви питаєте швидше, ніж я встигаю добре відповідати. "
        "Зачекайте хвилину перед наступним запитанням.",
        "full_answer": "Повна відповідь",
        "source_button": "ℹ️ Джерело",
        "thanks_helpful": "Дякуємо за відгук!",
        "what_was_wrong": "Дякуємо. Що було не так?",
        "reason_wrong_match": "Запитання зрозуміло неправильно",
        "reason_wrong_figure": "Неправильна або застаріла цифра",
        "reason_missing_caveat": "Бракує застереження",
        "thanks_reason": "Дякуємо, редактори це перевірять.",
        "entry_gone": "Цієї відповіді більше немає в базі знань.",
        "inline_not_covered_title": "У статті про це немає",
        "inline_not_covered_description": "У статті немає відповіді на це запитання.",
        "inline_private_button": "Запитати в особистому чаті",
        "admin_refusal": "Вибачте, це можуть робити лише адміністратори бота.",
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "it": (
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "uk": (
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ),
}


def t(language: str, key: str, **values: str) -> str:
    """The text ``key`` in ``language`` (English when the language is not supported), placeholders filled."""
    table = MESSAGES.get(language, MESSAGES[REFERENCE])
    return table[key].format(**values) if values else table[key]


def date_text(date: dt.date, language: str) -> str:
    """A date as readers of ``language`` write it: ``25 March 2022``, ``25 marzo 2022``, ``25 марта 2022``."""
    months = MONTHS.get(language, MONTHS[REFERENCE])
    return f"{date.day} {months[date.month - 1]} {date.year}"
