"""The named rules: each recommendation and question rule changes what is found on an
invented example of its class when it is switched off, and the registry behaves."""
from __future__ import annotations

import pytest

from generator.extraction.aliases import load_aliases
from generator.extraction.lexicon import lexicon
from generator.extraction.questions import find_open_questions
from generator.extraction.recommendations import find_recommendations
from generator.model import Paragraph
from generator.reading.sentences import split_sentences
from generator.rules import active, registered, rule, switched_off

# rule -> (paragraphs: "# " a heading, "- " a list item; the target sentence; found with the rule on?)
RECOMMENDATION_RULES = {
    "modal-must": (["The council must publish its budget."], None, True),
    "need-to": (["The province needs to hire more inspectors."], None, True),
    "is-needed": (["A new ferry terminal is needed now."], None, True),
    "necessary-essential": (["A freeze on new permits is essential."], None, True),
    "will-be-critical": (["Keeping the clinics open will be critical."], None, True),
    "it-is-critical": (["It is vital that the harbour authority dredge the channel."], None, True),
    "need-for": (["There is an urgent need for a regional water board."], None, True),
    "we-need": (["We need a faster way to settle insurance claims."], None, True),
    "duty-to": (["The regulator has a duty to protect small depositors."], None, True),
    "modal-should": (["The mayor should veto the fare rise."], None, True),
    "best-way": (["The best way to cut court delays is to hire more judges."], None, True),
    "mistake-to": (["It would be a mistake for the board to sell the land."], None, True),
    "in-interest": (["It is in Norway's interest to keep the fund independent."], None, True),
    "we-recommend": (["We urge the assembly to reject the levy."], None, True),
    "our-recommendation": (["Our recommendation is to delay the merger."], None, True),
    "we-want": (["We want the county to publish every contract."], None, True),
    "lets": (["Let's fix the pension rules this year."], None, True),
    "it-is-important": (["It is important that the agency publish the audit."], None, True),
    "would-do-well": (["The ministry would do well to listen to nurses."], None, True),
    "it-is-wise": (["It would be prudent for the bank to wait."], None, True),
    "time-to": (["It is time for the league to change its rules."], None, True),
    "the-answer-is": (["The answer is to pay teachers more."], None, True),
    "no-need-to": (["There is no need for the city to borrow."], None, True),
    "can-help-by": (["The port can help by opening a second berth."], None, True),
    "one-option": (["One option would be to rent the empty offices."], None, True),
    "might-consider": (["The trustees might consider a smaller expansion."], None, True),
    "gerund-would-help": (["Publishing the inspection reports would help tenants choose safer flats."], None, True),
    "reaction-not-advice": (["The new figures should worry every commuter."], None, False),
    "discourse-modal": (["It must be said that the plan is late."], None, False),
    "should-forecast": (["The new law should lead to lower rents."], None, False),
    "help-explain": (["Cheap credit can help explain the boom, as lending grew through the decade."], None, False),
    "non-deontic-have-to": (["The delay has to do with the weather."], None, False),
    "modal-compound": (["The museum's must-see exhibits draw long queues."], None, False),
    "inverted-modal": (["Readers kept asking the same thing, which route should they take, and the map says little."],
                       None, False),
    "relative-clause": (["A bank that must defend a currency peg loses reserves."], None, False),
    "conditional-modal": (["Without the grant the city would need to borrow heavily."], None, False),
    "indirect-question": (["Nobody knows whether the council should sell the land."], None, False),
    "noun-need": (["The need to borrow has shrunk since the spring."], None, False),
    "as-x-notes": (["As the auditor notes, the agency must cut its costs."], None, False),
    "rule-described": (["Under the treaty, members must report their stockpiles."], None, False),
    "quoted-words": (['The minister was blunt: "Everyone must pay their share."'], None, False),
    "reported-clause": (["Analysts believe the central bank should raise rates."], None, False),
    "attributed-sentence": (["The council must act now, the mayor said."], None, False),
    "question-not-advice": (["Should the council sell the land?"], None, False),
    "list-lead-in": (["The ministry should adopt the following five recommendations on water pricing and metering:"],
                     None, False),
    "lead-in-ends-at-colon": (["To cut delays, the agency should:"], None, False),
    "reported-list": (["The committee's report will suggest:", "- Landlords should register every flat."],
                      "- Landlords should register every flat.", False),
    "item-after-advice": (["The county should do three things:", "- A levy on empty homes."],
                          "- A levy on empty homes.", True),
    "labelled-block-needs-trigger": (["The board should act on these findings:", "- FINDING 2: Costs rose by a third."],
                                     "- FINDING 2: Costs rose by a third.", False),
    "numbered-heading-steps": (["# 1. The council should cap rents", "Rents rose fast.", "# 2. A register of landlords"],
                               "# 2. A register of landlords", True),
    "imperative-item-or-heading": (["Three changes:", "- Repeal the levy on small shops in the old town."],
                                   "- Repeal the levy on small shops in the old town.", True),
    "imperative-after-advice": (["The council should cut fares. Extend the night buses to every suburb by next spring."],
                                "Extend the night buses to every suburb by next spring.", True),
    "short-command": (["Vote no."], None, True),
    "reported-crosshead": (["Landlords should be licensed", "The inquiry will recommend a national register of landlords."],
                           "Landlords should be licensed", False),
    "reported-continuation": (["The inquiry will recommend a levy on empty homes. Half of the money should "
                               "go to the housing fund."], "Half of the money should go to the housing fund.", False),
    "imperative-to-reader": (["Ask your landlord for the energy certificate before you sign."], None, True),
    "related-link-headline": (["The port reopened in May.", "Why Harbour Cities Should Ban Cruise Ships",
                               "[Ten Ferries That Changed Coastal Towns](https://example.org/ferries)"],
                              "Why Harbour Cities Should Ban Cruise Ships", False),
    "imperative-after-fronted-clause": (["Instead of closing the library, open it on Sundays."], None, True),
    "could-direct": (["The governor could order the water board to publish its test results."], None, True),
    "makes-sense": (["It makes sense for the city to buy the land now."], None, True),
    "seen-doing": (["The ministry must be seen doing something about the floods."], None, False),
    "media-label": (["MUST WATCH Flood waters reach the old bridge 02:31"], None, False),
    "attributive-need": (["The council will weigh several plans, including a badly needed cap on short lets."], None, True),
    "we-can": (["Instead, we can tax vacant land at a higher rate."], None, True),
    "item-title-before-advice": (["- 1. Safer storage of fuel. Owners should lock their tanks at night."],
                                 "1. Safer storage of fuel.", True),
    "imperative-run": (["Step back from the quarrel for a moment. Stop shouting at the neighbours."],
                       "Step back from the quarrel for a moment.", True),
}

# rules that decide who acts rather than what is advice: rule -> (paragraphs, actor on, actor off)
ACTOR_RULES = {
    "command-to-reader": (["The harbour board should publish its accounts.",
                           "Step back from the quarrel for a moment. Stop shouting at the neighbours."],
                          "readers", "harbour board"),
    "paragraph-topic-actor": (["The ferry subsidy must be renewed before winter. "
                               "The Senate set it up in 1990 to run the crossing."],
                              "Senate", None),
    "run-in-label-not-subject": (["- **Harbour Fees** Port authorities should publish their tariffs."],
                                 "port authorities", "Harbour Fees Port authorities"),
    "stative-passive-subject": (["The ferry plan is late. Harbour engineers must be involved in the redesign."],
                                "harbour engineers", None),
    "action-noun-subject": (["Regulators must publish the audit.",
                             "Further congressional action is needed to fix the pension fund."],
                            "Congress", "regulators"),
    "lead-in-names-the-actor": (["To win back trust, the harbour board should:",
                                 "- Publish its accounts every spring. Specifically, the audit committee "
                                 "needs to check them first.",
                                 "- Open its meetings to the public."],
                                "harbour board", "audit committee"),
    "beneficiary-subject": (["Regulators must publish the audit.",
                             "Regulators must publish the audit. Farmers should receive the drought payments by May."],
                            "regulators", "farmers"),
    "every-member-is-the-group": (["Every regional newspaper should print the tide tables."],
                                  "regional newspapers", "regional newspaper"),
    "common-noun-alias-needs-its-name": (["Britain needs a new water law. Lawmakers must act before summer."],
                                         "lawmakers", "Congress"),
    "named-subject-antecedent": (["The Harbourline Ferry Company raised its fares twice. It should publish its accounts."],
                                 "Harbourline Ferry Company", None),
}

QUESTION_RULES = {
    "author-question": (["Who will pay for the new bridge?"], None, True),
    "quoted-question": (['The mayor asked, "Who will pay for it?"'], None, False),
    "labelled-headline-question": (["Opinion: Who pays for the bridge?"], None, False),
    "dialogue-question": (["The hearing ran late. “Who signed the ferry contract?” Marlow asked."],
                          "“Who signed the ferry contract?”", False),
    "remains-to-be-seen": (["It remains to be seen whether the truce holds."], None, True),
    "it-is-unclear": (["It is not even clear who will run the port."], None, True),
    "open-question-named": (["The question is whether voters will accept tolls."], None, True),
    "nobody-knows": (["No one knows how long the drought will last."], None, True),
}


def _sentences(paragraphs: list[str]):
    """Sentences of invented paragraphs ("# " marks a heading, "- " a list item)."""
    paras = []
    for n, text in enumerate(paragraphs, 1):
        if text.startswith("# "):
            paras.append(Paragraph(n, text[2:], heading=True))
        elif text.startswith("- "):
            paras.append(Paragraph(n, text[2:], list_item=True))
        else:
            paras.append(Paragraph(n, text))
    return split_sentences(paras)


def _found(stage: str, paragraphs: list[str], target: str) -> bool:
    """Whether the target sentence is extracted as advice (or as an open question)."""
    sentences = _sentences(paragraphs)
    items = (find_recommendations(sentences, load_aliases()) if stage == "recommendation"
             else find_open_questions(sentences))
    return any(item.text == target for item in items)


def _cases():
    for stage, table in (("recommendation", RECOMMENDATION_RULES), ("question", QUESTION_RULES)):
        for name, (paragraphs, target, on) in table.items():
            yield pytest.param(stage, name, paragraphs, (target or paragraphs[-1]).lstrip("#- "), on, id=name)


@pytest.mark.parametrize("stage,name,paragraphs,target,on", list(_cases()))
def test_rule_decides_its_example(stage, name, paragraphs, target, on):
    assert _found(stage, paragraphs, target) is on
    with switched_off(name):
        assert _found(stage, paragraphs, target) is not on


def test_every_recommendation_and_question_rule_has_an_example():
    lexicon()
    for stage, table in (("recommendation", RECOMMENDATION_RULES), ("question", QUESTION_RULES)):
        extra = set(ACTOR_RULES) if stage == "recommendation" else set()
        assert {r.name for r in registered(stage)} == set(table) | extra


def _last_actor(paragraphs: list[str]) -> str | None:
    """The actor of the last recommendation found in invented paragraphs."""
    return find_recommendations(_sentences(paragraphs), load_aliases())[-1].actor


@pytest.mark.parametrize("name", list(ACTOR_RULES))
def test_actor_rule_decides_its_example(name):
    paragraphs, on, off = ACTOR_RULES[name]
    assert _last_actor(paragraphs) == on
    with switched_off(name):
        assert _last_actor(paragraphs) == off


def test_rules_have_one_line_reasons():
    lexicon()
    for r in registered():
        assert r.reason and "\n" not in r.reason and len(r.reason) <= 120, r.name


def test_removed_single_document_pattern_stays_removed():
    """'that is needed' once fired on descriptions of approved money."""
    assert not _found("recommendation", ["The funding that is needed for enforcement was approved last spring."],
                      "The funding that is needed for enforcement was approved last spring.")


def test_switched_off_is_scoped_and_checks_names():
    lexicon()
    with switched_off("modal-should"):
        assert not active("modal-should") and active("modal-must")
    assert active("modal-should")
    with pytest.raises(KeyError):
        with switched_off("no-such-rule"):
            pass


def test_a_rule_cannot_be_declared_twice_with_another_meaning():
    rule("test-only-rule", "test", "A rule declared by this test.")
    assert rule("test-only-rule", "test", "A rule declared by this test.") == "test-only-rule"
    with pytest.raises(ValueError):
        rule("test-only-rule", "question", "Another meaning.")
