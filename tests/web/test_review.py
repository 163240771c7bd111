"""The organisers' review queue: decisions saved, audited, mirrored to curation.yaml, scoped to organisers."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.orm import Session

from synthesis.curation import load_curation
from synthesis.models import SummitSynthesis
from tests.web.conftest import SAMPLE_SYNTHESIS, SUMMIT_ID, WebSetup, bearer
from tests.web.test_pages import csrf_of, sign_in
from web.audit import events

SAMPLE = SummitSynthesis.model_validate_json(SAMPLE_SYNTHESIS.read_text(encoding="utf-8"))
FIRST = SAMPLE.workshops[0].commitments[0]
QUOTE = SAMPLE.workshops[0].quotes[0]


def test_the_queue_shows_each_item_in_its_paragraph_with_its_note(web: WebSetup, published: Path) -> None:
    sign_in(web, web.make_token("organiser", ()))
    page = web.client.get(f"/summits/{SUMMIT_ID}/review?workshop=communicative")
    assert page.status_code == 200
    assert f'id="item-{FIRST.id}"' in page.text
    assert f"<mark>{FIRST.source.quote}</mark>" in page.text
    note = next(n for n in SAMPLE.notes if n.id == FIRST.source.note_id)
    assert note.meta.title in page.text and note.meta.rapporteur in page.text
    workshop = SAMPLE.workshops[0]
    assert page.text.count('class="card review-item"') == (
        len(workshop.commitments) + len(workshop.best_practices) + len(workshop.quotes)
    )


def test_a_decision_is_stored_audited_and_written_to_curation_yaml(web: WebSetup, published: Path) -> None:
    sign_in(web, web.make_token("organiser", (), name="Ada"))
    page = web.client.get(f"/summits/{SUMMIT_ID}/review?workshop=communicative")
    answer = web.client.post(
        f"/summits/{SUMMIT_ID}/review/commitment/{FIRST.id}",
        data={
            "csrf_token": csrf_of(page.text),
            "review": "approved",
            "wording": "Tables in the east end by 2020.",
            "deadline": "2020-12",
            "from_workshop": "communicative",
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303 and f"#item-{FIRST.id}" in answer.headers["location"]
    (decision,) = load_curation(web.summit_dir).decisions
    assert (decision.item_id, decision.review, decision.by) == (FIRST.id, "approved", "Ada")
    assert (
        decision.edits.wording == "Tables in the east end by 2020." and decision.edits.deadline == "2020-12"
    )
    assert decision.anchor.sentence == FIRST.source.quote
    with Session(web.client.app.state.summit.engine) as db:  # type: ignore[attr-defined]
        curated = [e for e in events(db, SUMMIT_ID) if e.action == "curate"]
    assert curated and curated[0].target == f"commitment/{FIRST.id}" and "approved" in curated[0].detail
    again = web.client.get(answer.headers["location"])
    assert "Decision saved." in again.text and "Tables in the east end by 2020." in again.text


def test_a_bad_deadline_is_refused_and_nothing_is_stored(web: WebSetup, published: Path) -> None:
    sign_in(web, web.make_token("organiser", ()))
    page = web.client.get(f"/summits/{SUMMIT_ID}/review")
    answer = web.client.post(
        f"/summits/{SUMMIT_ID}/review/commitment/{FIRST.id}",
        data={"csrf_token": csrf_of(page.text), "review": "approved", "deadline": "next spring"},
    )
    assert answer.status_code == 422 and "YYYY" in answer.text
    assert not (web.summit_dir / "curation.yaml").exists()


def test_quotes_can_be_pinned_through_the_api(web: WebSetup, published: Path) -> None:
    token = web.make_token("organiser", ())
    answer = web.client.post(
        f"/api/summits/{SUMMIT_ID}/review/quote/{QUOTE.id}",
        json={"review": "approved", "poster": "always"},
        headers=bearer(token),
    )
    assert answer.status_code == 201 and answer.json()["poster"] is True
    listed = web.client.get(f"/api/summits/{SUMMIT_ID}/review", headers=bearer(token)).json()
    assert [d["item_id"] for d in listed["decisions"]] == [QUOTE.id] and listed["orphans"] == []


def test_an_unknown_item_is_a_404_and_an_unknown_workshop_a_422(web: WebSetup, published: Path) -> None:
    token = web.make_token("organiser", ())
    missing = web.client.post(
        f"/api/summits/{SUMMIT_ID}/review/commitment/0000000000000000",
        json={"review": "rejected"},
        headers=bearer(token),
    )
    moved = web.client.post(
        f"/api/summits/{SUMMIT_ID}/review/commitment/{FIRST.id}",
        json={"review": "approved", "workshop": "nowhere"},
        headers=bearer(token),
    )
    assert (missing.status_code, moved.status_code) == (404, 422)


def test_only_organisers_review(web: WebSetup, published: Path) -> None:
    for role in ("rapporteur", "translator"):
        token = web.make_token(role)
        assert (
            web.client.post(
                f"/api/summits/{SUMMIT_ID}/review/commitment/{FIRST.id}",
                json={"review": "rejected"},
                headers=bearer(token),
            ).status_code
            == 403
        )
        assert web.client.get(f"/api/summits/{SUMMIT_ID}/review", headers=bearer(token)).status_code == 403
        web.client.cookies.clear()
        sign_in(web, token)
        assert web.client.get(f"/summits/{SUMMIT_ID}/review").status_code == 403
        page = web.client.get(f"/summits/{SUMMIT_ID}/notes")
        forged = web.client.post(f"/summits/{SUMMIT_ID}/publish", data={"csrf_token": csrf_of(page.text)})
        assert forged.status_code == 403
    assert not (web.summit_dir / "curation.yaml").exists()


def test_an_orphaned_decision_is_shown_not_lost(web: WebSetup, published: Path) -> None:
    token = web.make_token("organiser", ())
    web.client.post(
        f"/api/summits/{SUMMIT_ID}/review/commitment/{FIRST.id}",
        json={"review": "rejected"},
        headers=bearer(token),
    )
    # The next run no longer has the sentence: the note was rewritten.
    text = SAMPLE_SYNTHESIS.read_text(encoding="utf-8").replace(FIRST.id, "0123456789abcdef")
    text = text.replace(FIRST.source.quote, "A sentence about something else entirely, budgets.")
    rerun = published.parent / "rerun.json"
    rerun.write_text(text, encoding="utf-8")
    from tests.web.conftest import RUN_AT, publish_sample

    publish_sample(web.config.outputs_dir, rerun, RUN_AT.replace(day=2))
    listed = web.client.get(f"/api/summits/{SUMMIT_ID}/review", headers=bearer(token)).json()
    assert listed["orphans"] == [f"commitment/{FIRST.id}"]
    sign_in(web, token)
    page = web.client.get(f"/summits/{SUMMIT_ID}/review")
    assert "no longer find their item" in page.text and re.search(
        re.escape(FIRST.source.quote[:40]), page.text
    )
    assert len(load_curation(web.summit_dir).decisions) == 1


def test_the_dashboard_counts_what_waits_for_review(web: WebSetup, published: Path) -> None:
    token = web.make_token("organiser", ())
    web.client.post(
        f"/api/summits/{SUMMIT_ID}/review/commitment/{FIRST.id}",
        json={"review": "approved"},
        headers=bearer(token),
    )
    sign_in(web, token)
    page = web.client.get(f"/summits/{SUMMIT_ID}/dashboard")
    total = sum(len(w.commitments) + len(w.best_practices) + len(w.quotes) for w in SAMPLE.workshops)
    assert f"{total - 1} items of {total} wait for a decision." in page.text
    assert "Publish documents now" in page.text
