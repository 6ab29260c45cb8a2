"""Which sentences are the author's advice, and how strong: invented sentences of the genre."""
from __future__ import annotations

import pytest

from generator.extraction.aliases import load_aliases
from generator.model import Paragraph, Sentence
from generator.extraction.advice_layout import is_imperative
from generator.extraction.recommendations import find_recommendations
from generator.reading.sentences import split_sentences

ADVICE = [
    ("Lawmakers should repeal the outdated licensing rule before the next session.", "should"),
    ("The Treasury must not lift sanctions until inspectors regain access.", "must"),
    ("Regulators ought to publish the stress-test results in full.", "should"),
    ("The European Union needs to diversify its gas supply.", "must"),
    ("Ministers have to stop treating the housing shortage as a local problem.", "must"),
    ("A new approach to border security is essential.", "must"),
    ("A pause in arms sales is necessary if talks are to resume.", "must"),
    ("It is critical that the agency keep its inspectors in the field.", "must"),
    ("It is important that the ministry publish the audit.", "should"),
    ("It is vital for donors to fund the clinics through the winter.", "must"),
    ("It is not in Germany's interest to abandon its reactors before renewables can replace them.", "should"),
    ("The best way to deter aggression is to keep allied forces in the region.", "should"),
    ("We urge the city council to reject the proposed fare increase.", "should"),
    ("We recommend that Congress extend the program for two years.", "should"),
    ("We don't want the legislature to weaken the disclosure rules.", "should"),
    ("Countries with plans to expand coal should pay a levy.", "should"),
    ("Owners with claims against the fund should file them by June.", "should"),
    ("Congress must act before the summer, and it should say so.", "must"),
    ("I would urge the commission to reopen the hearing.", "should"),
    ("We need a credible plan to pay for the new bridge.", "must"),
    ("The World Bank can help by guaranteeing the first tranche of loans.", "could"),
    ("Japan could help by hosting the next round of talks.", "could"),
    ("One option is to tie aid to measurable anticorruption benchmarks.", "could"),
    ("Canada should not be too quick to sign the deal.", "should"),
    ("Above all, the board must resist pressure to cut the maintenance budget.", "must"),
    ("A broader coalition is needed now.", "must"),
    ("Policymakers would do well to remember the last default.", "should"),
    ("It is time for the alliance to admit the mission has failed.", "should"),
    ("It is also time for the regulator to let utilities charge for storage.", "should"),
    ("It would be wise for Brussels to delay the vote.", "should"),
    ("One way to pay for it is to close the carried-interest loophole.", "could"),
    ("That is why the EU must act before the summer.", "must"),
    ("It would be a mistake for Ottawa to scrap the rebate.", "should"),
    ("There is an urgent need for a regional water authority.", "must"),
    ("A better approach would be to phase the cuts in over five years.", "should"),
    ("Pass the bill.", "should"),
    ("Vote yes on Proposition 4.", "should"),
    ("The answer is to pay nurses enough that they stay.", "should"),
    ("The solution is not more audits but to publish the data.", "should"),
    ("Now is the time for the assembly to act.", "should"),
    ("The time has come for the alliance to station forces in the east.", "should"),
    ("The board has no reason to delay the audit.", "should"),
    ("The inspectors might ask the ministry for the raw data.", "could"),
    ("The first change needed is to publish the contracts.", "must"),
    ("Before you sign the lease, review the heating bills.", "should"),
    ("The transit agency will need to replace its oldest buses.", "must"),
    ("The county has a duty to warn residents before a flood.", "must"),
    ("We shouldn't be building stations that last a century.", "should"),
    ("Keeping the night trains will be essential.", "must"),
    ("Requiring a second signature would help the bank catch fraud.", "could"),
    ("That is exactly what the council should do.", "should"),
    ("Closing the only maternity ward would be senseless.", "should"),
    ("The vote should take place in public.", "should"),
    ("Raising the levy on empty homes is no less vital.", "must"),
    ("Steady funding for the rural clinics is crucial.", "must"),
    ("The council will weigh several plans, including a badly needed cap on short lets.", "must"),
    ("Instead, we can tax vacant land at a higher rate.", "could"),
    ("Because the data already exist, we can publish them every month.", "could"),
    ("Instead, she must propose a few clear cuts that voters can follow.", "must"),
    ("Landlords who ignore the code are the ones who need to be fined, not tenants.", "must"),
    ("A short waiting period before each sale just makes common sense.", "should"),
    ("It makes sense for the city to buy the land now.", "should"),
    ("Finally, the governor could order the water board to publish its test results.", "could"),
    ("It makes little sense to close the clinic to save a few thousand dollars.", "should"),
    ("Perhaps the county could also try a pilot of night minibuses.", "could"),
    ("If you ride the ferry, tell your councillor what you think.", "should"),
]

NOT_ADVICE = [
    "The vote should take place within days.",
    "Imagine your street without a single bus stop.",
    "Opinion: Why Cities Should Ban Cars",
    "The course teaches drivers what they should check before a long trip.",
    "It is disappointing that small firms will have to file twice.",
    "As should be obvious, the figures are provisional.",
    "Join us on Example/NewsDesk.",
    "The report will also say that councils should publish their budgets.",
    "Cheaper loans should lead to more building.",
    "Rising interest rates would help savers.",
    "Analysts say the central bank should raise rates.",
    "The protesters demanded that the minister resign.",
    "Opposition leaders believe the court should annul the vote.",
    "The ceasefire is unlikely to hold through the winter.",
    "A carbon tax would cut emissions by a fifth.",
    "That should worry investors.",
    "Should the government intervene?",
    "We make the following recommendations:",
    "The minister said, “Everyone must pay their fair share.”",
    "Both countries have an opportunity to reset relations.",
    "The new government could launch a reset with its neighbors.",
    "The plan must have been drafted in a hurry.",
    "Oil revenues are essential to the economy of the region.",
    "The talks focused on the protocols necessary to lay the groundwork.",
    "The factions hoped for a quick withdrawal of foreign troops.",
    "No legislation would be needed to accomplish this.",
    "The agency has yet to publish its findings.",
    "Support for the treaty has grown since the spring.",
    "The American people want to end the war.",
    "Under the treaty, members must notify the council within 30 days.",
    "A central bank that must defend a peg has little room to cut rates.",
    "Europe would need to double its output to replace the imports.",
    "If the bill passes, insurers will have to cover the new drugs.",
    "Fares may need to rise as well.",
    "Officials cited the need to protect their sources.",
    "The debate is over whether the city should raise fares.",
    "Nobody should be surprised that the talks failed.",
    "Prices should fall next year as supply recovers.",
    "This could help explain why turnout fell.",
    "Falling oil prices could help the importers.",
    "One way or another, the bill is going to pass.",
    "Let us be clear about what the deal does.",
    "As the report notes, donors must do more.",
    "It should be noted that the figures are provisional.",
    "It is important to note that the figures are provisional.",
    "It is crucial to understand how the last reform failed.",
    "It is necessary to recall how the treaty came about.",
    "Congress must act before the summer, Senator Reyes said.",
    "The agency should slow down, the union's lawyers argued in court.",
    "Schools must hire more counselors, according to the report.",
    "The report concludes that regulators should cap fees.",
    "The government has to date ignored the audit.",
    "Tehran must be feeling the pressure of the sanctions.",
    "Congress should not have taken the recess.",
    "The council should have acted sooner.",
    "We need not look far for examples of failed reforms.",
    "It has to be said that the figures are provisional.",
    "Regulators have known for years what needs to change.",
    "Some economists argue that the target is too low, and that the bank should raise it.",
    "The central bank should hold rates steady, most analysts expect.",
    "The bank should cut rates in March, most economists expect, which would help exporters.",
    "NATO leaders agreed that the target should be a floor.",
    "What ministers should do:",
    "Consider the numbers.",
    "It would be a mistake to think the crisis is over.",
    "There is no shortage of ideas.",
    "The answer is complicated.",
    "The key question is what the court will do.",
    "MUST WATCH Flood waters reach the old bridge 02:31",
    "Must read: the mayor's letter to the ferry operators",
    "We can see the damage from the harbour wall.",
    "If we can agree on the map, the rest is easy.",
    "The town is critical of the plan.",
    "The repairs, urgently needed to reopen the pier, began in May.",
    "The ministry must be seen doing something about the floods.",
    "It makes sense that prices rose after the storm.",
    "The new rules could require a permit from May to the end of the year.",
    "Now, we can report that the dam held through the night.",
    "Here is what should change.",
    "What the county should do",
    "Scientists could try a new method next year, one study suggests.",
]


def recs(*texts: str, heading: str | None = None, items: tuple[str, ...] = ()):
    """Recommendations found in paragraphs made of the given texts."""
    paras = [Paragraph(1, heading, heading=True)] if heading else []
    for text in texts:
        paras.append(Paragraph(len(paras) + 1, text))
    for text in items:
        paras.append(Paragraph(len(paras) + 1, text, list_item=True))
    return find_recommendations(split_sentences(paras), load_aliases())


@pytest.mark.parametrize("text,strength", ADVICE)
def test_advice_is_found_with_its_strength(text: str, strength: str) -> None:
    found = recs(text)
    assert [(r.text, r.strength) for r in found] == [(text, strength)]


@pytest.mark.parametrize("text", NOT_ADVICE)
def test_not_advice(text: str) -> None:
    assert recs(text) == ()


def test_one_entry_per_sentence_even_with_two_modals() -> None:
    found = recs("The ministry must act, and parliament should follow within a month.")
    assert len(found) == 1 and found[0].strength == "must"


@pytest.mark.parametrize("items,count", [
    (("Repeal the tax on imported grain.", "Expand the school meals program.", "Stop the raids."), 3),
    (("**Index the thresholds to inflation.** The current ones date from 1974.",), 1),
    (("Shana Example (D)—April 30, 2023", "Sam Sample (R)—April 30, 2021"), 0),
])
def test_list_items(items: tuple[str, ...], count: int) -> None:
    assert len(recs(items=items)) == count


def test_items_after_a_recommendations_lead_in() -> None:
    found = recs("We make the following recommendations:",
                 items=("A ban on bulk data purchases.", "Higher fines for repeat offenders."))
    assert [r.text for r in found] == ["A ban on bulk data purchases.", "Higher fines for repeat offenders."]


def test_inline_enumeration_after_advice_lead_in() -> None:
    text = ("The priorities of the new envoy should be to: i. Restore the embassy. "
            "ii. Reopen the consulates. iii. Expand visa processing.")
    found = recs(text)
    assert [r.text[:4] for r in found] == ["The ", "ii. ", "iii."]
    assert {r.strength for r in found} == {"should"}


@pytest.mark.parametrize("text,expected", [
    ("Increase the subsidy for rural clinics.", True),
    ("ii. Stop destabilizing interventions.", True),
    ("Do not cut the research budget.", True),
    ("Support for the plan is fading.", False),
    ("Reform efforts stalled last year.", False),
    ("increase the subsidy.", False),
])
def test_imperative(text: str, expected: bool) -> None:
    assert is_imperative(text) is expected


def test_imperative_in_running_text_needs_advice_before_it() -> None:
    advised = recs("Congress should fix the formula. Expand the credit to part-time workers.")
    alone = recs("The credit dates from 1997. Expand the credit to part-time workers.")
    assert len(advised) == 2 and alone == ()


def test_lead_in_names_the_actor_of_its_items() -> None:
    found = recs("What mayors should do:", items=("Fund the outreach programs.", "Publish the data monthly."))
    assert [(r.text, r.actor) for r in found] == [("Fund the outreach programs.", "mayors"),
                                                   ("Publish the data monthly.", "mayors")]


def test_item_headline_takes_the_actor_its_elaboration_names() -> None:
    found = recs(items=("**Shorten permit reviews.** Congress should set a two-year deadline.",
                        "**Fund the pilots.** The Department of Energy should pay for ten."))
    assert [r.actor for r in found] == ["Congress", "Congress", "Department of Energy", "Department of Energy"]


@pytest.mark.parametrize("headings,count", [
    (("1. Raise the gas tax", "2. Charge electric vehicles a fee", "3. Pilot a mileage fee"), 3),
    (("1. Background", "2. Charge density in batteries", "3. Pilot results"), 0),
])
def test_numbered_headings_after_advice_are_steps_of_one_plan(headings: tuple[str, ...], count: int) -> None:
    paras = []
    for heading in headings:
        paras.append(Paragraph(len(paras) + 1, heading, heading=True))
        paras.append(Paragraph(len(paras) + 1, "The fund has not grown since 1993."))
    assert len(find_recommendations(split_sentences(paras), load_aliases())) == count


def test_heading_that_states_advice() -> None:
    found = recs("The agency ignored the warnings.", heading="The President Should Replace the Board")
    assert [(r.text, r.actor) for r in found] == [("The President Should Replace the Board", "President")]


def test_fields_point_at_the_sentence() -> None:
    sentences = (Sentence(4, 2, "Ottawa [must act](https://x.org).", "Ottawa must act."),)
    (rec,) = find_recommendations(sentences, load_aliases())
    assert (rec.paragraph, rec.sentence, rec.text, rec.actor, rec.id) == (4, 2, sentences[0].text, "Canada", "")


def test_items_under_an_advice_heading_are_advice() -> None:
    items = ("A levy on empty second homes.", "Longer opening hours for the permit office.")
    assert [r.text for r in recs(heading="Our Recommendations", items=items)] == list(items)
    assert recs(heading="Background", items=items) == ()


def test_item_title_whose_body_advises_is_advice() -> None:
    found = recs(items=("1. Safer storage of fuel. Owners should lock their tanks at night.",))
    assert [r.text for r in found] == ["1. Safer storage of fuel.", "Owners should lock their tanks at night."]
    assert recs(items=("2. Longer ferry hours. The timetable dates from 1990.",)) == ()


def test_a_run_of_commands_to_the_reader_is_advice() -> None:
    found = recs("Step back from the quarrel for a moment. Stop shouting at your neighbours.")
    assert len(found) == 2
    assert recs("Consider the numbers. Take the harbour, for example.") == ()


def test_an_imperative_after_a_linking_word() -> None:
    assert is_imperative("And start by asking your neighbours what they pay.")
    assert is_imperative("Start with the two oldest bridges.")
    assert not is_imperative("And the start was slow.")


def test_a_command_opening_running_text_is_for_the_reader() -> None:
    found = recs("The council should publish its tariffs.",
                 "Step back from the quarrel for a moment. Stop shouting at your neighbours.")
    assert [r.actor for r in found] == ["council", "readers", "readers"]
    continued = recs("The council should publish its tariffs. Publish the fees for berths as well, in full.")
    assert continued[-1].actor != "readers"


def test_the_object_of_we_is_not_the_group_we_speak_for() -> None:
    (rec,) = recs("Just as we ask lenders to check incomes, we should check buyers of cranes too.")
    assert "ask" not in (rec.actor or "")


@pytest.mark.parametrize("texts,kept", [
    (("The panel proposed a levy on empty homes. Part of it should fund repairs.",), 0),
    (("The panel proposed a levy on empty homes.", "The rest of the money should go to the housing fund."), 0),
    (("The panel proposed a levy on empty homes. The council should adopt it.",), 1),  # names who acts
    (("The panel proposed a levy on empty homes. But the money should go to schools.",), 1),  # the author turns
    (("The panel proposed a levy on empty homes. We think the rate should be lower.",), 1),
    (("Studies suggest the levy is too low. The rate should be doubled.",), 1),  # evidence, not a proposal
])
def test_advice_continuing_a_reported_proposal(texts: tuple[str, ...], kept: int) -> None:
    assert len(recs(*texts)) == kept
