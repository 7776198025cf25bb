"""Benchmark question sets: the shared development set and our own, as one list of cases."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

BENCH_DATA = Path(__file__).resolve().parent / "data"
DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.yaml"

ANSWERABLE_KINDS = ("in", "paraphrase", "typo", "prefix", "shout", "emoji", "mention")
UNANSWERABLE_KINDS = ("oos", "nearmiss")

# The development set names topics, not entries: the entries whose answers carry the topic's markers.
DEV_TOPICS: dict[str, frozenset[str]] = {
    "toll_any": frozenset({"death-toll", "official-toll", "western-estimates"}),
    "toll_official": frozenset({"official-toll", "death-toll"}),
    "toll_western": frozenset({"western-estimates", "death-toll"}),
    "admission": frozenset({"kremlin-admission"}),
    "no_number": frozenset({"peskov-no-number"}),
    "withdraw_why": frozenset({"withdrawal-reason", "peskov-withdrawal-explanation"}),
    "withdraw_where": frozenset({"withdrawal-destination"}),
    "humiliation": frozenset({"humiliation"}),
    "framing": frozenset({"special-operation-framing", "russian-reticence"}),
    "goal": frozenset({"russia-objectives", "downsizing-disguise"}),
    "who_peskov": frozenset({"who-is-peskov"}),
    "interview": frozenset({"sky-news-interview"}),
}


@dataclass(frozen=True)
class Case:
    """One question and the entries a correct bot may answer it with (empty: it must not answer)."""

    question: str
    expect: frozenset[str]
    kind: str
    origin: str

    @property
    def answerable(self) -> bool:
        """True when a correct bot answers it."""
        return bool(self.expect)


def _load_set(path: Path, origin: str) -> list[Case]:
    cases = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
        expect = raw["expect"]
        ids = frozenset() if expect is None else frozenset([expect] if isinstance(expect, str) else expect)
        cases.append(Case(raw["q"], ids, raw["kind"], origin))
    return cases


# Sets written apart from the knowledge, by writers who saw the article and the entry list but not the
# curated questions nor the lexicon, with how each was written and whether its failures were ever read
# while tuning (a set read once is only semi-held-out). "blind" is scored and never read: the benchmark
# never lists its failures. Every file in bench/data but the tuning sets must be listed here (a test checks).
_READ = "its failures were read once"
_FINAL = "measured after the last change; never read"
_LAST = "written mid-session and kept unmeasured for most of it; its failures read once after"
_READ_LATE = "kept unread at first; its failures read once a session later"
_NEVER_READ = "never read; measured mid-session and again after the last change"
WRITTEN_APART: dict[str, str] = {
    "heldout": f"Held-out set 1 (written apart; {_READ})",
    "round2": f"Held-out set 2 (written apart; {_READ})",
    "round3": f"Held-out set 3 (written apart; {_READ})",
    "round4": f"Held-out set 4 (written apart; {_READ})",
    "round5": f"Held-out set 5 (written apart, mostly paraphrases; {_READ})",
    "round6": f"Held-out set 6 (written apart; {_READ})",
    "round7": f"Held-out set 7 (written apart, the long tail; {_READ})",
    "round8": f"Held-out set 8 (written apart, dev-set style; {_READ})",
    "round9": f"Held-out set 9 (written apart, dev-set style; {_READ})",
    "round10": f"Held-out set 10 (written apart, dev-set style; {_READ})",
    "round11": f"Held-out set 11 (written apart, dev-set style; {_READ})",
    "round12": f"Held-out set 12 (written apart, many kinds of asker; {_READ})",
    "round13": f"Held-out set 13 (written apart, many kinds of asker; {_READ})",
    "round14": f"Held-out set 14 (written apart, as the blind set was; {_READ})",
    "round15": f"Held-out set 15 (written apart, many kinds of asker; {_READ})",
    "round16": f"Held-out set 16 (written apart, many kinds of asker; {_READ_LATE})",
    "round17": f"Held-out set 17 (written apart, as the blind set was; {_READ})",
    "round18": f"Held-out set 18 (written apart, as the blind set was; {_READ})",
    "round19": f"Held-out set 19 (written apart, dev-set style, many kinds of asker; {_READ})",
    "round20": f"Held-out set 20 (written apart, many kinds of asker; {_READ_LATE})",
    "round21": f"Held-out set 21 (written apart, as the blind set was; {_READ})",
    "round22": f"Held-out set 22 (written apart, as the blind set was; {_READ})",
    "round23": f"Held-out set 23 (written apart, as the blind set was, varied paraphrase; {_READ})",
    "round24": f"Held-out set 24 (written apart, many kinds of asker; {_READ_LATE})",
    "round25": f"Held-out set 25 (written apart, as the blind set was in en/it, many askers in ru/uk; {_READ})",
    "round26": f"Held-out set 26 (written apart, dev-set style, many kinds of asker; {_READ})",
    "round27": f"Held-out set 27 (written apart, as the blind set was, in four languages; {_READ})",
    "round28": f"Held-out set 28 (written apart, as the blind set was, especially varied paraphrase; {_READ})",
    "round29": f"Held-out set 29 (written apart, as the blind set was; {_READ})",
    "round30": f"Held-out set 30 (written apart, dev-set style, many kinds of asker; {_READ})",
    "round33": f"Held-out set 33 (written apart, as the blind set was, in four languages; {_READ})",
    "round34": f"Held-out set 34 (written apart, dev-set style, many kinds of asker; {_READ})",
    "round35": f"Held-out set 35 (written apart, as the blind set was, in four languages; {_READ})",
    "round36": f"Held-out set 36 (written apart, as the blind set was, especially varied paraphrase; {_READ})",
    "round37": f"Held-out set 37 (written apart, as the blind set was, in four languages; {_READ})",
    "round38": f"Held-out set 38 (written apart, as the blind set was, especially varied paraphrase; {_READ})",
    "round39": f"Held-out set 39 (written apart, as the blind set was, varied paraphrase, four languages; {_READ})",
    "round40": f"Held-out set 40 (written apart, as the blind set was, especially varied paraphrase; {_READ})",
    "round41": f"Held-out set 41 (written apart, as the blind set was, varied paraphrase, four languages; {_READ})",
    "round42": f"Held-out set 42 (written apart, as the blind set was in English, dev-set style in Italian; {_READ})",
    "round43": f"Held-out set 43 (written apart, as the blind set was, varied paraphrase, four languages; {_READ})",
    "round44": f"Held-out set 44 (written apart, as the blind set was in English, dev-set style in Ukrainian; {_READ})",
    "round45": f"Held-out set 45 (written apart, as the blind set was, varied paraphrase, four languages; {_READ})",
    "round46": f"Held-out set 46 (written apart, as the blind set was, varied paraphrase, en and it; {_READ})",
    "round31": f"Held-out set 31 (written apart, dev-set style, many kinds of asker; {_LAST})",
    "round32": f"Held-out set 32 (written apart, as the blind set was; {_LAST})",
    "round47": f"Held-out set 47 (written apart, dev-set style, many kinds of asker; {_FINAL})",
    "round48": f"Held-out set 48 (written apart, as the blind set was; {_FINAL})",
    "round49": f"Held-out set 49 (written apart, as the blind set was, varied paraphrase, four languages; {_READ})",
    "round50": f"Held-out set 50 (written apart, as the blind set was, varied paraphrase, en and it; {_READ})",
    "round51": f"Held-out set 51 (written apart, as the blind set was, varied paraphrase, four languages; {_READ})",
    "round52": f"Held-out set 52 (written apart, as the blind set was, varied paraphrase, en and uk; {_READ})",
    "round53": f"Held-out set 53 (written apart, as the blind set was, varied paraphrase, four languages; {_READ})",
    "round55": f"Held-out set 55 (written apart, dev-set style, many kinds of asker; {_FINAL})",
    "round57": f"Held-out set 57 (written apart, as the blind set was, varied paraphrase, four languages; {_READ})",
    "round58": f"Held-out set 58 (written apart, as the blind set was, varied paraphrase, en and it; {_READ})",
    "round59": f"Held-out set 59 (written apart, as the blind set was in English, dev-set style in Italian; {_LAST})",
    "round60": f"Held-out set 60 (written apart, as the blind set was in English, dev style in it, ru, uk; {_FINAL})",
    "round61": f"Held-out set 61 (written apart, dev-set style, many kinds of asker; {_FINAL})",
    "round62": f"Held-out set 62 (written apart, as the blind set was, sceptical askers; {_READ})",
    "round63": f"Held-out set 63 (written apart, as the blind set was, busy group chats; {_READ})",
    "round64": f"Held-out set 64 (written apart, especially varied paraphrase; {_READ})",
    "round65": f"Held-out set 65 (written apart, as the blind set was; {_NEVER_READ})",
    "round66": f"Held-out set 66 (written apart, as the blind set was, askers in their own words; {_READ})",
    "round67": f"Held-out set 67 (written apart, as the blind set was, settling group-chat arguments; {_READ})",
    "round68": f"Held-out set 68 (written apart, especially varied paraphrase; {_READ})",
    "round69": f"Held-out set 69 (written apart, as the blind set was, non-native speakers, people described; {_READ})",
    "round70": f"Held-out set 70 (written apart, as the blind set was, slang, formal or terse; {_READ})",
    "round71": f"Held-out set 71 (written apart, as the blind set was, journalists and moderators; {_READ})",
    "round72": f"Held-out set 72 (written apart, as the blind set was, emotional reactions; {_READ})",
    "round73": f"Held-out set 73 (written apart, as the blind set was, checking claims; {_READ})",
    "round74": f"Held-out set 74 (written apart, as the blind set was, fragments and long messages; {_READ})",
    "round75": f"Held-out set 75 (written apart, as the blind set was; {_NEVER_READ})",
    "round76": f"Held-out set 76 (written apart, as the blind set was, mixed-up askers; {_READ})",
    "round77": f"Held-out set 77 (written apart, questions the bot must not answer only; {_READ})",
    "round78": f"Held-out set 78 (written apart, questions the bot must not answer only; {_READ})",
    "round79": f"Held-out set 79 (written apart, requests and chat the bot must not answer; {_READ})",
    "round80": f"Held-out set 80 (written apart; en: facts it does not hold, must not answer; it: varied; {_READ})",
    "round81": f"Held-out set 81 (written apart, as the blind set was; {_READ})",
    "round82": f"Held-out set 82 (written apart, as the blind set was; {_READ})",
    "round83": f"Held-out set 83 (written apart, other news and small talk the bot must not answer; {_READ})",
    "round84": f"Held-out set 84 (written apart; en: group chat it must not answer; it: as the blind set; {_READ})",
    "round85": f"Held-out set 85 (written apart, especially varied paraphrase; {_READ})",
    "round86": f"Held-out set 86 (written apart, especially varied paraphrase; {_READ})",
    "round89": f"Held-out set 89 (written apart; en: group chat it must not answer; it: people described; {_READ})",
    "round90": f"Held-out set 90 (written apart; en: especially varied paraphrase; it: as the blind set; {_READ})",
    "round87": f"Held-out set 87 (written apart, as the blind set was; {_NEVER_READ})",
    "round88": f"Held-out set 88 (written apart, questions the bot must not answer only; {_NEVER_READ})",
    "round91": f"Held-out set 91 (written apart, questions the bot must not answer only; {_READ})",
    "round92": f"Held-out set 92 (written apart, questions the bot must not answer only; {_READ})",
    "round93": f"Held-out set 93 (written apart, requests and chat the bot must not answer; {_READ})",
    "round94": "Held-out set 94 (written apart, as the blind set was; measured once at the end, then uk read)",
    "round95": f"Held-out set 95 (written apart, questions the bot must not answer only; {_NEVER_READ})",
    "round96": "Held-out set 96 (written apart, as the blind set was; measured once at the end, then uk read)",
    "round97": f"Held-out set 97 (written apart, as the blind set was; {_NEVER_READ})",
    "round98": f"Held-out set 98 (written apart; en: facts not held, must not answer; it: as the blind set; {_READ})",
    "round99": f"Held-out set 99 (written apart; en: other news and chat, must not answer; it: varied; {_READ})",
    "round100": f"Held-out set 100 (written apart, as the blind set was, askers in their own words; {_READ})",
    "round101": f"Held-out set 101 (written apart; en: group chat it must not answer; it: as the blind set; {_READ})",
    "round102": f"Held-out set 102 (written apart; en: non-native speakers, people described; it: varied; {_READ})",
    "round103": f"Held-out set 103 (written apart, as the blind set was; {_FINAL})",
    "round104": f"Held-out set 104 (written apart, questions the bot must not answer only; {_FINAL})",
    "round105": f"Held-out set 105 (written apart, questions the bot must not answer only; {_READ})",
    "round106": f"Held-out set 106 (written apart, must-not-answer only, as varied as group chat; {_READ})",
    "round107": f"Held-out set 107 (written apart; it: as the development set; {_READ})",
    "round108": f"Held-out set 108 (written apart; it: varied paraphrase; {_READ})",
    "round109": f"Held-out set 109 (written apart, must-not-answer only; {_READ})",
    "round110": f"Held-out set 110 (written apart, as the blind set was; {_READ})",
    "round111": f"Held-out set 111 (written apart, as the blind set was; {_FINAL})",
    "round112": f"Held-out set 112 (written apart, must-not-answer only, as varied as group chat; {_READ})",
    "round113": f"Held-out set 113 (written apart, questions the bot must not answer only; {_READ})",
    "round114": f"Held-out set 114 (written apart, as the blind set was; {_READ})",
    "round115": f"Held-out set 115 (written apart, as the blind set was, askers of many ages and regions; {_READ})",
    "round116": f"Held-out set 116 (written apart; it: varied paraphrase; {_READ})",
    "round117": f"Held-out set 117 (written apart, as the blind set was; {_READ})",
    "round118": f"Held-out set 118 (written apart, as the blind set was, askers new to chatbots; {_READ})",
    "round119": f"Held-out set 119 (written apart, must-not-answer only, the article's figures and names; {_READ})",
    "round123": f"Held-out set 123 (written apart, questions the bot must not answer only; {_READ})",
    "round124": f"Held-out set 124 (written apart, must-not-answer only, as varied as group chat; {_READ})",
    "round120": f"Held-out set 120 (written apart, as the blind set was, students and young askers; {_READ})",
    "round121": f"Held-out set 121 (written apart, as the blind set was, older askers; {_READ})",
    "round122": f"Held-out set 122 (written apart, as the blind set was, journalists and teachers; {_READ})",
    "round125": f"Held-out set 125 (written apart, as the blind set was; {_READ})",
    "round126": f"Held-out set 126 (written apart; ru and uk as the development set; {_READ})",
    "round127": f"Held-out set 127 (written apart, as the blind set was, family group chats; {_READ})",
    "round128": f"Held-out set 128 (written apart, as the blind set was; {_FINAL})",
    "round129": f"Held-out set 129 (written apart; it: varied paraphrase; {_READ})",
    "round130": f"Held-out set 130 (written apart; en: varied paraphrase; {_READ})",
    "round131": f"Held-out set 131 (written apart, questions the bot must not answer only; {_READ})",
    "round133": f"Held-out set 133 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round134": f"Held-out set 134 (written apart, as the blind set was, askers misremembering details; {_READ})",
    "round135": f"Held-out set 135 (written apart, as the blind set was, typed fast on a phone; {_READ})",
    "round136": f"Held-out set 136 (written apart, as the blind set was, people described, not named; {_READ})",
    "round137": f"Held-out set 137 (written apart, questions the bot must not answer only; {_READ})",
    "round138": f"Held-out set 138 (written apart, must-not-answer only, the article's figures and names; {_READ})",
    "round139": f"Held-out set 139 (written apart, as the blind set was; {_READ})",
    "round140": f"Held-out set 140 (written apart; it: varied paraphrase; {_READ})",
    "round141": f"Held-out set 141 (written apart, must-not-answer only, as varied as group chat; {_READ})",
    "round142": f"Held-out set 142 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round143": f"Held-out set 143 (written apart, must-not-answer only; written near the end; {_FINAL})",
    "round144": f"Held-out set 144 (written apart, as the blind set was; written after 142 was read; {_FINAL})",
    "round145": f"Held-out set 145 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round146": f"Held-out set 146 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round147": f"Held-out set 147 (written apart, must-not-answer, group chat; measured once unread, then {_READ})",
    "round148": f"Held-out set 148 (written apart, must-not-answer only; written after 146, 147 were read; {_FINAL})",
    "round149": f"Held-out set 149 (written apart, must-not-answer only, Italian group chat; written last; {_FINAL})",
    "round150": f"Held-out set 150 (written apart, must-not-answer only; written last; {_FINAL})",
    "round151": f"Held-out set 151 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round152": f"Held-out set 152 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round153": f"Held-out set 153 (written apart, it: answerable only; measured once unread, then {_READ})",
    "round154": f"Held-out set 154 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round155": f"Held-out set 155 (written apart, as the blind set was; written at session start; {_NEVER_READ})",
    "round156": f"Held-out set 156 (written apart, must-not-answer only; written at session start; {_NEVER_READ})",
    "round157": f"Held-out set 157 (written apart, it: answerable only; written at session start; {_NEVER_READ})",
    "round158": f"Held-out set 158 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round159": f"Held-out set 159 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round160": f"Held-out set 160 (written apart, it: answerable only; measured once unread, then {_READ})",
    "round161": f"Held-out set 161 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round162": f"Held-out set 162 (written apart, must-not-answer only; written late in the session; {_NEVER_READ})",
    "round163": f"Held-out set 163 (written apart, as the blind set was; written late in the session; {_NEVER_READ})",
    "round164": f"Held-out set 164 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round165": f"Held-out set 165 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round166": f"Held-out set 166 (written apart, must-not-answer only; written near the end; {_NEVER_READ})",
    "round167": f"Held-out set 167 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round168": f"Held-out set 168 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round169": f"Held-out set 169 (written apart, must-not-answer only; written near the end; {_NEVER_READ})",
    "round170": f"Held-out set 170 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round171": f"Held-out set 171 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round172": f"Held-out set 172 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round173": f"Held-out set 173 (written apart, must-not-answer only; written at the end; {_NEVER_READ})",
    "round174": f"Held-out set 174 (written apart, uk: dev style; written at the end; {_NEVER_READ})",
    "round175": f"Held-out set 175 (written apart, other topics only; measured once unread, then {_READ})",
    "round176": f"Held-out set 176 (written apart, other topics only; measured once unread, then {_READ})",
    "round177": f"Held-out set 177 (written apart, other topics only; written last; {_FINAL})",
    "round178": f"Held-out set 178 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round179": f"Held-out set 179 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round180": f"Held-out set 180 (written apart, it: must-not-answer only; measured once unread, then {_READ})",
    "round181": f"Held-out set 181 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round182": f"Held-out set 182 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round183": f"Held-out set 183 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round184": f"Held-out set 184 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round185": f"Held-out set 185 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round186": f"Held-out set 186 (written apart, it: must-not-answer only; measured once unread, then {_READ})",
    "round187": f"Held-out set 187 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round188": f"Held-out set 188 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round189": f"Held-out set 189 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round190": f"Held-out set 190 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round191": f"Held-out set 191 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round192": f"Held-out set 192 (written apart, it: must-not-answer only; measured once unread, then {_READ})",
    "round193": f"Held-out set 193 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round194": f"Held-out set 194 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round195": f"Held-out set 195 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round196": f"Held-out set 196 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round197": f"Held-out set 197 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round198": f"Held-out set 198 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round199": f"Held-out set 199 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round200": f"Held-out set 200 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round201": f"Held-out set 201 (written apart, it: must-not-answer only; measured once unread, then {_READ})",
    "round202": f"Held-out set 202 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round203": f"Held-out set 203 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round204": f"Held-out set 204 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round205": f"Held-out set 205 (written apart, it: must-not-answer only; measured once unread, then {_READ})",
    "round206": f"Held-out set 206 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round207": f"Held-out set 207 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round208": f"Held-out set 208 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round209": f"Held-out set 209 (written apart, it: must-not-answer only; measured once unread, then {_READ})",
    "round210": f"Held-out set 210 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round211": f"Held-out set 211 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round212": f"Held-out set 212 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round213": f"Held-out set 213 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round214": f"Held-out set 214 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round215": f"Held-out set 215 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round216": f"Held-out set 216 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round217": f"Held-out set 217 (written apart, it: must-not-answer only; measured once unread, then {_READ})",
    "round218": f"Held-out set 218 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round225": f"Held-out set 225 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round226": f"Held-out set 226 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round227": f"Held-out set 227 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round228": f"Held-out set 228 (written apart, it: answerable only; measured once unread, then {_READ})",
    "round229": f"Held-out set 229 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round230": f"Held-out set 230 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round231": f"Held-out set 231 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round232": f"Held-out set 232 (written apart, uk: as the blind set was; measured once unread, then {_READ})",
    "round233": f"Held-out set 233 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round234": f"Held-out set 234 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round235": f"Held-out set 235 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round236": f"Held-out set 236 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round237": f"Held-out set 237 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round238": f"Held-out set 238 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round239": f"Held-out set 239 (written apart, uk: as the blind set was; measured once unread, then {_READ})",
    "round240": f"Held-out set 240 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round241": f"Held-out set 241 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round242": f"Held-out set 242 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round243": f"Held-out set 243 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round244": f"Held-out set 244 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round245": f"Held-out set 245 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round246": f"Held-out set 246 (written apart, uk: as the blind set was; measured once unread, then {_READ})",
    "round247": f"Held-out set 247 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round248": f"Held-out set 248 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round249": f"Held-out set 249 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round250": f"Held-out set 250 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round251": f"Held-out set 251 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round252": f"Held-out set 252 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round253": f"Held-out set 253 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round254": f"Held-out set 254 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round255": f"Held-out set 255 (written apart, uk: as the blind set was; measured once unread, then {_READ})",
    "round256": f"Held-out set 256 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round257": f"Held-out set 257 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round258": f"Held-out set 258 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round259": f"Held-out set 259 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round260": f"Held-out set 260 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round261": f"Held-out set 261 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round262": f"Held-out set 262 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round263": f"Held-out set 263 (written apart, uk: as the blind set was; measured once unread, then {_READ})",
    "round264": f"Held-out set 264 (written apart, it: must-not-answer only; measured once unread, then {_READ})",
    "round265": f"Held-out set 265 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round266": f"Held-out set 266 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round267": f"Held-out set 267 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round268": f"Held-out set 268 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round269": f"Held-out set 269 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round270": f"Held-out set 270 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round271": f"Held-out set 271 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round272": f"Held-out set 272 (written apart, it: answerable only; measured once unread, then {_READ})",
    "round273": f"Held-out set 273 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round274": f"Held-out set 274 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round275": f"Held-out set 275 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round276": f"Held-out set 276 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round277": f"Held-out set 277 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round278": f"Held-out set 278 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round279": f"Held-out set 279 (written apart, uk: as the blind set was; measured once unread, then {_READ})",
    "round280": f"Held-out set 280 (written apart, ru: dev style; measured once unread, then {_READ})",
    "round281": f"Held-out set 281 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round282": f"Held-out set 282 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round283": f"Held-out set 283 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round284": f"Held-out set 284 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round285": f"Held-out set 285 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round286": f"Held-out set 286 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round287": f"Held-out set 287 (written apart, it: as the blind set was; measured once unread, then {_READ})",
    "round288": f"Held-out set 288 (written apart, ru: as the blind set was; measured once unread, then {_READ})",
    "round289": f"Held-out set 289 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round290": f"Held-out set 290 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round291": f"Held-out set 291 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round292": f"Held-out set 292 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round293": f"Held-out set 293 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round294": f"Held-out set 294 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round295": f"Held-out set 295 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round296": f"Held-out set 296 (written apart, uk: as the blind set was; measured once unread, then {_READ})",
    "round297": f"Held-out set 297 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round298": f"Held-out set 298 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round299": f"Held-out set 299 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round300": f"Held-out set 300 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round301": f"Held-out set 301 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round302": f"Held-out set 302 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round303": f"Held-out set 303 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round304": f"Held-out set 304 (written apart, it: must-not-answer only; measured once unread, then {_READ})",
    "round305": f"Held-out set 305 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round306": f"Held-out set 306 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round307": f"Held-out set 307 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round308": f"Held-out set 308 (written apart, must-not-answer, dev style; measured once unread, then {_READ})",
    "round309": f"Held-out set 309 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round310": f"Held-out set 310 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round311": f"Held-out set 311 (written apart, uk: as the blind set was; measured once unread, then {_READ})",
    "round312": f"Held-out set 312 (written apart, uk: dev style; measured once unread, then {_READ})",
    "round313": f"Held-out set 313 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round314": f"Held-out set 314 (written apart, as the blind set was; measured once unread, then {_READ})",
    "round315": f"Held-out set 315 (written apart, must-not-answer only; measured once unread, then {_READ})",
    "round316": f"Held-out set 316 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round317": f"Held-out set 317 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round318": f"Held-out set 318 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round319": f"Held-out set 319 (written apart, uk: answerable only; measured once unread, then {_READ})",
    "round320": f"Held-out set 320 (written apart, it: answerable only; measured once unread, then {_READ})",
    "round219": f"Held-out set 219 (written apart, as the blind set was; written near the end; {_NEVER_READ})",
    "round220": f"Held-out set 220 (written apart, must-not-answer only; written near the end; {_NEVER_READ})",
    "round221": f"Held-out set 221 (written apart, must-not-answer, dev style; written near the end; {_NEVER_READ})",
    "round222": f"Held-out set 222 (written apart, it: must-not-answer only; written near the end; {_NEVER_READ})",
    "round223": f"Held-out set 223 (written apart, uk: answerable only; written near the end; {_NEVER_READ})",
    "round224": f"Held-out set 224 (written apart, it, ru, uk: as the blind set was; near the end; {_NEVER_READ})",
    "blind": "Blind set (written apart; never read, its failures are never listed)",
}

# The sets whose failures are never listed (the benchmark's -v prints only what was read): the blind set,
# and the held-out sets kept unread so that their measure stays one of unseen questions.
NEVER_LISTED: frozenset[str] = frozenset(
    "blind round47 round48 round55 round60 round61 round65 round75 round87 round88 round95 round97 round103 "
    "round104 round111 round128 round143 round144 round148 round149 round150 "
    "round155 round156 round157 round162 round163 round166 round169 round173 round174 round177 "
    "round219 round220 round221 round222 round223 round224".split()
)


def load_written_apart(name: str, *, language: str = "en") -> list[Case]:
    """One of the sets in ``WRITTEN_APART`` for ``language`` (empty when there is none)."""
    path = BENCH_DATA / (f"{name}.yaml" if language == "en" else f"{name}.{language}.yaml")
    return _load_set(path, name) if path.exists() else []


def load_cases(*, language: str = "en") -> list[Case]:
    """Our question set for ``language``, plus the shared development set for English when present."""
    ours = BENCH_DATA / ("questions.yaml" if language == "en" else f"questions.{language}.yaml")
    cases = _load_set(ours, "ours")
    if language == "en" and DEV_SET.exists():
        for raw in yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))["cases"]:
            if raw["k"] == "multi":
                continue
            kind = {"typo": "typo", "prefix": "prefix", "oos": "oos", "nearmiss": "nearmiss"}.get(raw["k"], "in")
            cases.append(Case(raw["q"], DEV_TOPICS.get(raw["t"], frozenset()), kind, "dev"))
    return cases
