"""Who should act: subjects, aliases, demonyms, pronouns, pairs and context (invented text)."""
from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings, strategies as st

from generator.extraction.actor_mentions import any_form
from generator.extraction.actor_phrases import plural_group
from generator.extraction.actors import PARAGRAPH_TOPIC
from generator.extraction.aliases import load_aliases
from generator.model import Paragraph
from generator.extraction.recommendations import find_recommendations
from generator.reading.sentences import split_sentences
from generator.rules import switched_off

CASES = [
    (["As the auditors reported, Amtrak will need to cut its costs."], "Amtrak"),
    (["Either way, this week's Senate hearings should settle the question."], "Senate"),
    (["A global approach is needed to stop the outbreak."], "international community"),
    (["Recommendations for Executive Action", "The fund should publish its audit."], "fund"),
    (["Each campus newsroom should train its own editors."], "campus newsrooms"),
    (["U.S. officials should press Riyadh to end the blockade."], "United States"),
    (["The Iraqi government must pay public salaries on time."], "Iraq"),
    (["The Pakistani authorities must arrest the organizers."], "Pakistan"),
    (["Washington and Tehran should resume talks in Oman."], "United States and Iran"),
    (["Ankara and Damascus need to agree on the border crossings."], "Turkey and Syria"),
    (["On the Chinese side, it should stop harassing fishing boats."], "China"),
    (["Japan and South Korea met in Seoul last week. Both sides should now publish the agreement."],
     "Japan and South Korea"),
    (["Israel and Egypt signed the accord in 1979. Each must now honor its terms."], "Israel and Egypt"),
    (["Israel and Egypt signed the accord in 1979. Yet each must now honor its terms."], "Israel and Egypt"),
    (["The President should veto the appropriations bill."], "President"),
    (["President Okafor should release the detained journalists."], "Okafor"),
    (["It is an open question, and one the committee should keep asking."], "committee"),
    (["The Environmental Protection Agency (EPA) should tighten the rule."],
     "Environmental Protection Agency"),
    (["Washington\u2014not Brussels\u2014should lead the talks."], "United States"),
    (["States should expand eligibility for the program."], "states"),
    (["Yet, Haddad should engage the opposition before the vote."], "Haddad"),
    (["The Department of Justice ignored the warnings. It must now publish the data."],
     "Department of Justice"),
    (["The Department of Justice ignored the warnings. The department should publish the data."],
     "Department of Justice"),
    (["The Bureau of Land Management leases the tracts. The bureau should raise its fees."],
     "Bureau of Land Management"),
    (["The Environmental Protection Agency reviews permits. The agency must publish a schedule."],
     "Environmental Protection Agency"),
    (["The outdated rule should be repealed by the Senate before June."], "Senate"),
    (["Congress must restore the caps. Spending limits need to be enforced as well."], "Congress"),
    (["Congress has stalled for a year. Lawmakers should act this year. We also need better data on rents."],
     "Congress"),
    (["Lawmakers should act this year. We also need better data on rents."], "lawmakers"),
    (["Washington has neglected its railways. This country needs to invest in them."], "United States"),
    (["Canada buys most of its drones abroad. Our government should build them at home."], "Canada"),
    (["We urge Congress to pass the bill before the recess."], "Congress"),
    (["It is in Japan's interest to keep the channel open."], "Japan"),
    (["Congressional leaders in Washington should forge a compromise."], "Congress"),
    (["The United States, working with its allies, should convene a donor conference."], "United States"),
    (["While Tehran objects, the House needs to pass the sanctions bill."], "House of Representatives"),
    (["A reset of the U.S.-Mexico relationship is necessary."], "United States and Mexico"),
    (["Leaders in Kyiv should publish the reconstruction ledger."], "Ukraine"),
    (["America's allies should raise their defense budgets."], "America's allies"),
    (["Also, if the President meets the Senate leader, he should raise the nominations."], "President"),
    (["Counties have a role as well. They ought to recruit more foster families."], "counties"),
    (["The European Commission published a strategy. The Commission should now invite Japan to join."],
     "European Commission"),
    (["The European Union and Japan signed the deal in 2019.",
      "It is imperative that both partners coordinate with Washington."], "European Union and Japan"),
    (["The City Council should publish the terms of the deal."], "City Council"),
    (["Vote no on Measure C."], "Voters"),
    (["There is an urgent need for a new approach. Regulators should cap the fees."], "regulators"),
    (["We urge the Centers for Medicare and Medicaid Services to simplify the forms."],
     "Centers for Medicare and Medicaid Services"),
    (["Kyiv has work to do. The government must publish the contracts."], "Ukraine"),
    (["The European Central Bank meets in June. In our view, the bank should not wait."],
     "European Central Bank"),
    (["State broadband offices also need to collect better data."], None),
    (["Permission should be granted automatically for compliant plans."], None),
    (["Ministers must make the planning system predictable."], "ministers"),
    (["Whitehall should fund the planning departments."], "United Kingdom"),
    (["What districts should do is invest in mentoring."], "districts"),
    (["To: The Governor From: Office of Policy", "Fund the audit now."],
     "Governor"),
    # a group role noun names its actor in the singular as in the plural
    (["Parents of schoolchildren need to be heard too. The ferry company must offer a family ticket."],
     "ferry company"),
    (["The regional hospital should publish its waiting times."], "regional hospital"),
    # "it" stands for the body the sentence before is about, named by its role
    (["The city council has been silent. It ought to hold a hearing, and the mayor should attend."],
     "city council"),
    # a command after a fronted clause that says "you" is the reader's
    (["The ferry board should publish its fares.", "If you ride the ferry, tell your councillor what you think."],
     "readers"),
    # "we" set beside the group it is
    (["We, the commuters who pay these fares, deserve better. We should write to the council."], "commuters"),
    # a possessive opening a sentence is an owner, not the subject a later "it" stands for
    (["Harbourline’s and Portway’s crews met twice. It should keep minutes."], None),
]


def actor_of_last(texts: list[str], heading: str | None = None) -> str | None:
    """The actor of the last recommendation found in the given paragraphs."""
    paras = [Paragraph(1, heading, heading=True)] if heading else []
    paras += [Paragraph(len(paras) + i + 1, t) for i, t in enumerate(texts)]
    found = find_recommendations(split_sentences(paras), load_aliases())
    assert found, "no recommendation found"
    return found[-1].actor


@pytest.mark.parametrize("texts,actor", CASES)
def test_actor(texts: list[str], actor: str | None) -> None:
    assert actor_of_last(texts) == actor


def test_passive_takes_the_actor_who_instructs_from_context() -> None:
    texts = ["The President should direct the attorney general to drop the case. "
             "The department should be instructed to consult the regulator first."]
    assert actor_of_last(texts) == "President"


def test_heading_gives_the_actor_when_the_sentence_names_none() -> None:
    assert actor_of_last(["Guidance on ambiguous statutes needs to be rewritten."],
                         heading="Department of Justice") == "Department of Justice"


@pytest.mark.parametrize("heading,actor", [
    ("For Congress", "Congress"),
    ("Recommendations for the Department of Energy", "Department of Energy"),
    ("For airports and stadium operators", "airports and stadium operators"),
])
def test_heading_that_addresses_a_group_gives_the_actor(heading: str, actor: str) -> None:
    assert actor_of_last(["Fund the clearinghouse this year."], heading=heading) == actor


def test_no_actor_when_nobody_is_named() -> None:
    assert actor_of_last(["Guidance on ambiguous statutes needs to be rewritten."]) is None


# One table per rule of actors-from-structure (issue 10); every sentence is invented.
SUBJECT_GROUPS = [
    (["Local schools should publish their menus."], "local schools"),
    (["Every new road must have a cycle lane."], None),
    (["Publishers should label sponsored stories clearly."], "publishers"),
    (["Harbour inspectors must report every near miss."], "harbour inspectors"),
    (["Contributors and editors should share the style guide."], "contributors and editors"),
    (["Keeping ferries running should be the first priority."], None),
    (["The price of bread must come down."], None),
]
FIRST_PERSON_FRAMES = [
    (["We believe the Port Authority should publish its tariffs."], "Port Authority"),
    (["I believe that regulators must audit the models."], "regulators"),
    (["In our view, the Senate should hold hearings."], "Senate"),
    (["I think cyclists should wear lights at night."], "cyclists"),
]
PASSIVES = [
    (["The levy should be reviewed by the Senate before June."], "Senate"),
    (["Safety rules should be written by independent engineers, with public input."],
     "independent engineers"),
    (["The permits should be reviewed soon."], None),
    (["Congress must restore the caps. The caps should be indexed to inflation."], "Congress"),
    (["The inspectors must file reports, just as controllers must do."], "inspectors"),
]
WE_RESOLUTION = [
    (["As farmers, we know the soil.", "We must rotate our crops more often."], "farmers"),
    (["We in the shipping industry have grown careless.", "We must cut emissions."],
     "shipping industry"),
    (["Our community has argued for years.", "We should all back the clinic."], "community"),
    (["Landlords should register every flat. Landlords must fix the boilers.",
      "We need to act before winter."], "landlords"),
    (["It was a long winter.", "We must do better."], None),
]
PRONOUNS_AND_FALLBACKS = [
    (["Leaders have power, and they must use it with restraint."], "leaders"),
    (["The bridge is old. It should be done soon."], None),
    (["The European Union asked Japan for more time. It should first publish its own plan."],
     "European Union"),
    # A name that owns the subject is not it, nor the "it" after it.
    (["Mrs Okafor’s budget is dead. It must now be withdrawn."], None),
    (["Senator Hale’s plan failed. The committee should start again."], "committee"),
    # A capitalised modal before the advising verb is a name, not conjecture.
    (["Councillor Tess May should call a recount."], "Tess May"),
    (["Mrs May should call a recount."], "May"),
    # A clause opening with a preposition has no subject there.
    (["With Mayor Ruiz away, the vote slipped. It must be held in March."], None),
]


@pytest.mark.parametrize("texts,actor", SUBJECT_GROUPS + FIRST_PERSON_FRAMES + PASSIVES
                         + WE_RESOLUTION + PRONOUNS_AND_FALLBACKS)
def test_actor_from_structure(texts: list[str], actor: str | None) -> None:
    assert actor_of_last(texts) == actor


def test_we_is_never_the_country_the_article_names_most() -> None:
    texts = ["France, France and France again: the talks in France went nowhere.",
             "We must keep reading the small print."]
    assert actor_of_last(texts) is None


def test_fallback_stays_inside_its_section() -> None:
    paras = [Paragraph(1, "Congress"), Paragraph(2, "Congress must pass the bill."),
             Paragraph(3, "Rail", heading=True), Paragraph(4, "The timetable should be simplified.")]
    found = find_recommendations(split_sentences(paras), load_aliases())
    assert [r.actor for r in found] == ["Congress", None]


def test_section_actor_carries_forward_within_the_section() -> None:
    paras = [Paragraph(1, "Rail", heading=True), Paragraph(2, "Regulators must cap fares."),
             Paragraph(3, "Timetables should be simplified as well.")]
    found = find_recommendations(split_sentences(paras), load_aliases())
    assert [r.actor for r in found] == ["regulators", "regulators"]


WORDS = ["we", "We", "I", "believe", "think", "the", "Congress", "regulators", "publishers",
         "it", "they", "should", "must", "be", "reviewed", "by", "Senate", "as", "our",
         "community", "In", "view,", "and", "schools", "fund", "the", "plan", "States", ",", "."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), min_size=1, max_size=4))
@example([["we", "should", "we", "we", "regulators"]])
@example([["we", "and", "and", "should"]])
@example([["we", "and", "the", "should"]])
def test_an_actor_is_a_name_or_none_never_the_author(words: list[list[str]]) -> None:
    """Whatever the phrasing, an actor is None or a name; never a first-person word."""
    paras = [Paragraph(i, " ".join(w) + ".") for i, w in enumerate(words, 1)]
    for rec in find_recommendations(split_sentences(paras), load_aliases()):
        assert rec.actor is None or (rec.actor.strip() == rec.actor and rec.actor)
        assert rec.actor is None or rec.actor.lower().split()[0] not in ("we", "i", "us", "our")


def test_you_is_the_reader() -> None:
    assert actor_of_last(["You should check the label before you buy."]) == "readers"


def actors_of(texts: list[str]) -> list[str | None]:
    """The actors of every recommendation found in the given paragraphs."""
    paras = [Paragraph(i, t) for i, t in enumerate(texts, 1)]
    return [r.actor for r in find_recommendations(split_sentences(paras), load_aliases())]


def test_actorless_advice_takes_the_actor_its_paragraph_is_about() -> None:
    texts = ["The ferry subsidy must be renewed before winter. "
             "Congress created the office in 1990 to run it."]
    assert actors_of(texts) == ["Congress"]


def test_paragraph_topic_is_switchable() -> None:
    texts = ["The ferry subsidy must be renewed before winter. "
             "Congress created the office in 1990 to run it."]
    with switched_off(PARAGRAPH_TOPIC):
        assert actors_of(texts) == [None]


def test_two_candidate_topics_give_no_actor() -> None:
    texts = ["The ferry subsidy must be renewed before winter. "
             "Congress created the office in 1990. The Senate cut its budget in 2004."]
    assert actors_of(texts) == [None]


def test_two_candidate_topics_fall_back_to_the_advice_before() -> None:
    texts = ["Regulators must publish the audit.",
             "The ferry subsidy must be renewed before winter. "
             "Congress created the office in 1990. The Senate cut its budget in 2004."]
    assert actors_of(texts) == ["regulators", "regulators"]


def test_another_paragraphs_actor_is_never_the_topic() -> None:
    texts = ["The ferry subsidy must be renewed before winter.",
             "Congress created the office in 1990 to run it."]
    assert actors_of(texts) == [None]


def test_the_topic_is_the_subject_of_the_paragraphs_other_advice() -> None:
    texts = ["The ferry subsidy must be renewed before winter. "
             "The Senate cut its budget in 2004. Congress should also fund the harbor office."]
    assert actors_of(texts) == ["Congress", "Congress"]


def test_a_list_item_shares_the_actor_of_the_item_before_it() -> None:
    paras = [Paragraph(1, "Ports", heading=True),
             Paragraph(2, "Regulators must publish the audit.", list_item=True),
             Paragraph(3, "The ferry subsidy must be renewed. Congress created it in 1990.", list_item=True)]
    found = find_recommendations(split_sentences(paras), load_aliases())
    assert [r.actor for r in found] == ["regulators", "regulators"]


@pytest.mark.parametrize("member,group", [("newsroom", "newsrooms"), ("county library", "county libraries"),
                                          ("church", "churches"), ("voters", "voters"), ("NATO", "NATO")])
def test_one_generic_member_names_the_group(member, group) -> None:
    assert plural_group(member) == group


FORM = st.text(alphabet="abcSsKk ſ.-é", min_size=1, max_size=5)


@given(forms=st.lists(FORM, min_size=1, max_size=8, unique=True), text=st.text(alphabet="abcSsKk ſ\u212a.-éAB", max_size=30))
@settings(max_examples=300, deadline=None)
def test_any_form_matches_as_the_plain_alternation(forms, text):
    """The first-letter grouping of a case-blind alternation only skips forms that cannot
    match where they are tried: every match, and which form it took, is the plain one's."""
    grouped = re.compile(rf"(?<!\w)(?:{any_form(forms)})(?!\w)", re.I)
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(f) for f in forms)})(?!\w)", re.I)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
