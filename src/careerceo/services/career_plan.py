"""The whole career plan as one document: profile, vision and goals, inventory, positions,
accomplishments. Rendered with the résumé's PDF writer so it prints the same clean way."""

from __future__ import annotations

from datetime import date

from careerceo.analysis.accomplishments import to_bullet
from careerceo.documents.resume_layout import Block
from careerceo.documents.resume_pdf import render_blocks
from careerceo.services.accomplishments import win_of
from careerceo.services.context import AppContext
from careerceo.store.accomplishments import AccomplishmentRepository
from careerceo.store.direction import GoalRepository, MilestoneRepository, VisionRepository
from careerceo.store.repositories import InventoryRepository, PersonRepository, PositionRepository
from careerceo.text.dates import from_date, human


def plan_blocks(ctx: AppContext, *, today: date | None = None) -> list[Block]:
    today = today or date.today()
    pid = ctx.person_id
    with ctx.db.transaction() as s:
        person = PersonRepository(s, pid).get()
        name = (person.full_name or "").strip()
        blocks = [Block("name", f"Career plan: {name}" if name else "Career plan")]
        blocks.append(Block("meta", f"As of {today.isoformat()}"))
        if person.headline:
            blocks.append(Block("headline", person.headline))
        if person.summary:
            blocks += [Block("section", "Profile"), Block("para", person.summary)]
        vision = next(iter(VisionRepository(s, pid).list()), None)
        if vision is not None:
            blocks += [Block("section", "Vision"), Block("para", vision.text)]
        goals = GoalRepository(s, pid).list()
        if goals:
            blocks.append(Block("section", "Goals"))
            for g in goals:
                blocks.append(Block("entry", f"{g.title} ({g.horizon}, {g.status})"))
                if g.target_role:
                    blocks.append(Block("meta", f"Target role: {g.target_role}"))
                if g.why:
                    blocks.append(Block("para", f"Why: {g.why}"))
                for m in MilestoneRepository(s, pid).of_goal(g.id):
                    due = f", due {m.due_date.isoformat()}" if m.due_date else ""
                    blocks.append(Block("bullet", f"{m.title} [{m.status}{due}]"))
        inventory = InventoryRepository(s, pid).list()
        if inventory:
            blocks.append(Block("section", "Inventory"))
            for intent, label in (("keep", "Keep and use"), ("add", "To add"), ("drop", "To drop")):
                names = [f"{i.name} ({i.level}/5)" for i in inventory if i.intent == intent]
                if names:
                    blocks.append(Block("para", f"{label}: {', '.join(names)}"))
        positions = PositionRepository(s, pid).by_start()
        if positions:
            blocks.append(Block("section", "Positions"))
            for p in positions:
                blocks.append(Block("entry", f"{p.title}, {p.employer}"))
                start = human(from_date(p.start_date, "month")) or "?"
                end = human(from_date(p.end_date, "month")) or "Present"
                span = f"{start} - {end}"
                blocks.append(Block("meta", span))
        wins = AccomplishmentRepository(s, pid).list()
        if wins:
            blocks.append(Block("section", "Accomplishments"))
            for w in wins:
                bullet = to_bullet(win_of(w))
                when = f" ({w.happened_on.isoformat()})" if w.happened_on else ""
                blocks.append(Block("bullet", bullet + when))
    return blocks


def plan_pdf(ctx: AppContext) -> bytes:
    return render_blocks(plan_blocks(ctx), title="Career plan")
