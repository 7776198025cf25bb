"""Word knowledge the matcher uses: filler words, synonym groups and the terms that must agree.

Pure data. A synonym group maps every word people use for one idea to one concept, so "killed",
"dead" and "casualties" meet. A contrast class lists concepts that exclude each other: a question
about Ukrainian losses must not be answered with Russian ones just because most words agree.
"""

from __future__ import annotations

from collections.abc import Mapping

# Words that carry no meaning for matching. Question words that do (why, where, who, when, how many)
# are concepts below, not filler.
STOPWORDS: frozenset[str] = frozenset(
    """
    a an the is are was were be been being am do does did done doing of in on at to for from by with
    about into onto as and or but if then than so such that this these those there here it its
    its i me my we our us you your he him his she her they them their what which whose
    can could would should will shall may might must has have had having get got gets
    how please know pls plz just really actually also still even ever very much more most
    far any some all tho though okay ok hey hello someone anyone exactly roughly approximately
    according regarding re vs via like up out whats thats theres heres lets
    make made makes making happen happened happens happening come came give gave given giving put let
    way ways thing things something anything guy guys lot lots kind kindly inform wonder wondering
    finally too yet already again mean means meant basically well oh wait um hmm lol omg huh yeah yes
    no not dont didnt doesnt isnt wasnt arent werent cant wont ask asking asked question questions info
    information detail details exact actual real true really sure one ones
    """.split()
)

# concept → the words (after case folding) that express it. Keep every group about ONE idea.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "DEATH": (
        "die", "died", "dies", "dying", "dead", "death", "deaths", "kill", "killed", "killing", "kills",
        "fatality", "fatalities", "fatal", "casualty", "casualties", "lose", "lost", "losing", "loss",
        "losses", "toll", "perish", "perished", "fallen", "bodycount", "body", "bodies", "slain", "deadly",
    ),
    "SOLDIER": (
        "soldier", "soldiers", "troop", "troops", "servicemen", "serviceman", "army", "armies",
        "military", "force", "forces", "personnel", "men", "fighter", "fighters", "combatant",
        "combatants", "conscript", "conscripts", "infantry", "servicemembers", "soldiery",
    ),
    "RUSSIAN": ("russia", "russian", "russians", "moscow", "russias", "rf"),
    "UKRAINIAN": ("ukrainian", "ukrainians", "ukraines", "zelensky", "zelenskyy", "kyivs"),
    "UKRAINE": ("ukraine", "ukrainan"),
    "KREMLIN": ("kremlin", "government", "governments", "authorities", "putin", "regime"),
    "WEST": (
        "west", "western", "nato", "usa", "america", "american", "americans", "pentagon", "allies",
        "intelligence", "westerners", "europe", "european", "britain", "uk",
    ),
    "OFFICIAL": ("official", "officially", "officials", "formal", "formally", "confirmed", "acknowledged"),
    "DEFENCE": ("defence", "defense", "ministry", "minister", "mod", "shoigu"),
    "ESTIMATE": ("estimate", "estimates", "estimated", "estimation", "assessment", "assess", "assessed",
                 "reckon", "believe", "believed", "think", "guess", "calculate", "calculated"),
    "ADMIT": ("admit", "admits", "admitted", "admitting", "admission", "admissions", "concede",
              "conceded", "concedes", "confess", "confessed", "acknowledge", "acknowledges", "acknowledging",
              "recognise", "recognised", "recognize", "recognized", "own", "owned"),
    "HEAVY": ("heavy", "significant", "huge", "big", "large", "serious", "severe", "massive",
              "major", "substantial", "considerable"),
    "WOUNDED": ("wounded", "wound", "wounds", "injured", "injury", "injuries", "hurt", "maimed"),
    "CIVILIAN": ("civilian", "civilians", "noncombatant", "noncombatants", "residents", "children",
                 "inhabitants", "population", "citizens"),
    "EQUIPMENT": ("tank", "tanks", "plane", "planes", "aircraft", "jet", "jets", "helicopter",
                  "helicopters", "ship", "ships", "warship", "warships", "vehicle", "vehicles",
                  "equipment", "drone", "drones", "armour", "armor", "artillery", "hardware", "weapons"),
    "PRISONER": ("prisoner", "prisoners", "pow", "pows", "captured", "captive", "captives", "capture",
                 "missing", "surrendered", "detained"),
    "REFUGEE": ("refugee", "refugees", "displaced", "fled", "flee", "fleeing", "evacuated", "migrants"),
    "WITHDRAW": ("withdraw", "withdrew", "withdrawn", "withdrawal", "withdrawals", "withdrawing",
                 "withdraws", "retreat", "retreated", "retreating", "retreats", "pullout", "pullback",
                 "pulled", "pull", "pulling", "leave", "left", "leaving", "exit", "exited", "departure",
                 "drawdown", "abandon", "abandoned", "redeploy", "redeployed", "redeployment", "moved"),
    "NORTH": ("north", "northern", "kyiv", "kiev", "chernihiv", "sumy"),
    "EAST": ("east", "eastern", "donbass", "donbas", "donetsk", "luhansk"),
    "BELARUS": ("belarus", "belarussian", "belarusian", "minsk"),
    "HUMILIATION": ("humiliation", "humiliating", "humiliated", "humiliate", "embarrassment",
                    "embarrassing", "shame", "shameful", "disgrace"),
    "NEGOTIATION": ("negotiation", "negotiations", "negotiate", "negotiating", "talks", "peace",
                    "diplomacy", "diplomatic", "ceasefire", "truce", "deal"),
    "TENSION": ("tension", "tensions", "detente", "deescalate", "deescalation", "escalation", "calm"),
    "GOAL": ("aim", "aims", "aiming", "goal", "goals", "objective", "objectives", "target", "targets",
             "purpose", "plan", "plans", "planning", "intend", "intends", "intention", "intentions",
             "want", "wants", "ambition", "ambitions", "strategy", "focus", "mission"),
    "SPOKESMAN": ("spokesman", "spokesperson", "spokesmen", "spokeswoman", "spokespeople", "secretary",
                  "mouthpiece", "representative", "role", "job", "position", "title"),
    "INTERVIEW": ("interview", "interviews", "interviewed", "interviewer", "reporter", "journalist",
                  "broadcaster", "channel", "tv", "television", "media", "outlet", "network"),
    "SKY": ("sky", "skynews"),
    "SAY": ("say", "said", "says", "saying", "tell", "told", "speak", "spoke", "speaking", "talk", "talked",
            "talking", "mention", "mentioned", "state", "stated", "statement", "announce", "announced",
            "claim", "claimed", "claims", "comment", "comments", "remark", "remarks", "words", "quote",
            "declare", "declared"),
    "WHY": ("why", "whys", "reason", "reasons", "cause", "causes", "caused", "because", "motive", "explain",
            "explanation", "explained", "rationale", "justify", "justification"),
    "WHERE": ("where", "wheres", "whereabouts", "destination", "location", "go", "went", "gone", "headed"),
    "WHO": ("who", "whos", "whom"),
    "WHEN": ("when", "date", "day", "time", "timing"),
    "COUNT": ("many", "number", "numbers", "figure", "figures", "total", "totals", "count", "tally",
              "amount", "statistics", "stats", "data"),
    "CALL": ("call", "called", "calls", "calling", "name", "named", "term", "termed", "describe",
             "described", "describes", "label", "labelled", "labeled", "refer", "portray", "portrayed",
             "present", "presented", "presenting", "frame", "framed", "framing", "spin"),
    "WAR": ("war", "invasion", "invade", "invaded", "conflict", "offensive", "attack", "operation",
            "campaign", "fighting", "hostilities"),
    "SPECIAL": ("special",),
    "NAZI": ("nazi", "nazis", "denazification", "denazify", "fascist", "fascists"),
    "HIDE": ("hide", "hid", "hidden", "hiding", "conceal", "concealed", "disguise", "disguised",
             "disguising", "secret", "secretive", "secrecy", "reticent", "reticence", "silent", "silence",
             "quiet", "reluctant", "downplay", "downplayed", "cover", "covering", "mask", "masking",
             "reveal", "revealed", "disclose", "disclosed", "publish", "published", "release", "released"),
    "NOW": ("today", "now", "currently", "current", "latest", "recent", "recently", "updated", "update",
            "yesterday", "tonight", "week", "month", "year", "2023", "2024", "2025", "2026"),
    "END": ("end", "ends", "ending", "over", "finish", "finished", "win", "wins", "winner", "won",
            "victory", "lose-war", "outcome", "stop", "stops"),
    "DOWNSIZE": ("downsize", "downsized", "downsizing", "scale", "scaled", "reduce", "reduced",
                 "shrink", "shrunk", "narrow", "narrowed", "smaller", "limited", "lower", "lowered"),
    "CONQUER": ("conquer", "conquest", "seize", "seized", "capture-territory", "take", "taking", "occupy",
                "occupation", "control", "annex", "liberate", "liberation", "whole", "entire"),
    "FAIL": ("fail", "failed", "failure", "failing", "unsuccessful", "stalled", "setback", "setbacks",
             "defeat", "defeated", "struggle", "struggled", "struggling"),
    "ARTICLE": ("article", "story", "report", "source", "piece", "news", "coverage", "topic"),
    "TRAGEDY": ("tragedy", "tragic", "tragedies", "catastrophe", "disaster"),
}

# Concepts that exclude each other. When a question names one of a class and a curated question names
# another of the same class but not the asked one, they are about different things.
CONTRAST_CLASSES: tuple[frozenset[str], ...] = (
    frozenset({"RUSSIAN", "UKRAINIAN"}),
    frozenset({"DEATH", "WOUNDED", "PRISONER", "REFUGEE"}),
    frozenset({"SOLDIER", "CIVILIAN", "EQUIPMENT"}),
    frozenset({"OFFICIAL", "WEST"}),
    frozenset({"WHY", "WHERE", "WHO", "WHEN"}),
)

# A place named as the one acting ("did Ukraine lose", "has Ukraine admitted") means its people or army.
ACTOR_AFTER: frozenset[str] = frozenset({"did", "does", "do", "has", "have", "had", "will", "would", "is", "was", "can"})
ACTORS: Mapping[str, str] = {"ukraine": "UKRAINIAN"}

# Concepts that, asked alone, are too vague to answer (a bare "how many?" or "why?").
WEAK_CONCEPTS: frozenset[str] = frozenset({"COUNT", "WHY", "WHERE", "WHO", "WHEN", "CALL", "HEAVY"})


def concept_table() -> dict[str, str]:
    """Word → concept, checking that no word is claimed by two concepts."""
    table: dict[str, str] = {}
    for concept, words in SYNONYMS.items():
        for word in words:
            if word in table:
                raise ValueError(f"{word!r} is in both {table[word]} and {concept}")
            table[word] = concept
    return table
