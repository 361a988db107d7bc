"""Compile the skill lexicon the extractor ships with, from the official O*NET and ESCO files.

    python scripts/build_skill_lexicon.py --onet ../shared/data/onet/29.0 \
        --esco ../shared/data/esco/1.1.1 --out src/careerceo/skills/data

Writes ``lexicon.json.gz`` (gzip with mtime 0, sorted keys and rows, so a rebuild from the same
inputs is byte-identical) and ``manifest.json`` (source versions and the sha256 of every input
and output), then ``label-roots.json.gz``, the linker's same-words table made from that lexicon
(``careerceo.skills.labelroots``: made here so a cold start does not spend a second on it).
The application reads only these files; it never touches the raw releases.

Concept ids are the ones the knowledge base uses: ESCO concept URIs, O*NET element ids
("2.B.3.e"), ``onet-tech:<UNSPSC commodity code>`` for technology and tools (one row per example
product, so the label is the product and the category is the commodity title), and ``cert:<slug>``
for the curated certifications below.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from careerceo.skills import labelroots
from careerceo.skills.lexicon import label_forms
from careerceo.skills.normalize import NORMALISER_VERSION, stem

LEXICON_VERSION = "1"
# Which one-word label kinds the ordinary-word filter applies to (chosen on SkillSpan train).
LOOSE_KINDS = frozenset({"a"})

# Label kinds: p = preferred label, a = alternative label, v = derived variant,
# x = acronym (must be upper case in the text), c = case-sensitive variant (vendor stripped).
VENDORS = (
    "Microsoft",
    "Oracle",
    "Adobe",
    "Google",
    "IBM",
    "Apache",
    "Amazon",
    "Autodesk",
    "Atlassian",
    "SAP",
    "Salesforce.com",
    "Intuit",
    "Corel",
    "Apple",
    "Cisco",
    "VMware",
    "Red Hat",
    "The MathWorks",
    "Tableau Software",
)
# Words that are products only when the vendor is named ("Microsoft Word", "Google Analytics").
GENERIC_AFTER_VENDOR = {
    "access",
    "analytics",
    "cloud",
    "database",
    "designer",
    "clinical",
    "data",
    "docs",
    "drive",
    "forms",
    "groups",
    "office",
    "outlook",
    "paint",
    "project",
    "publisher",
    "server",
    "sheets",
    "suite",
    "teams",
    "word",
    "works",
    "money",
    "photos",
    "maps",
    "mail",
    "calendar",
    "notes",
    "connect",
    "dynamics",
    "visio",
    "windows",
    "search",
    "translate",
    "chat",
    "meet",
    "sites",
    "keep",
    "earth",
}
TRAILING_GENERIC = (" software", " systems", " system", " programs", " program")

# Widely known certifications and licences, described in our own words.
CERTIFICATIONS: list[tuple[str, str, list[str]]] = [
    (
        "cert:pmp",
        "Project Management Professional (PMP)",
        ["PMP", "Project Management Professional"],
    ),
    ("cert:capm", "Certified Associate in Project Management (CAPM)", ["CAPM"]),
    ("cert:prince2", "PRINCE2 certification", ["PRINCE2"]),
    (
        "cert:csm",
        "Certified ScrumMaster (CSM)",
        ["Certified ScrumMaster", "Certified Scrum Master"],
    ),
    ("cert:psm", "Professional Scrum Master (PSM)", ["Professional Scrum Master"]),
    ("cert:cpa", "Certified Public Accountant (CPA)", ["CPA", "Certified Public Accountant"]),
    ("cert:cfa", "Chartered Financial Analyst (CFA)", ["CFA", "Chartered Financial Analyst"]),
    ("cert:acca", "ACCA qualification", ["ACCA"]),
    ("cert:cma", "Certified Management Accountant (CMA)", ["Certified Management Accountant"]),
    ("cert:cia", "Certified Internal Auditor (CIA)", ["Certified Internal Auditor"]),
    ("cert:frm", "Financial Risk Manager (FRM)", ["Financial Risk Manager"]),
    ("cert:cfp", "Certified Financial Planner (CFP)", ["Certified Financial Planner"]),
    ("cert:cisa", "Certified Information Systems Auditor (CISA)", ["CISA"]),
    ("cert:cissp", "CISSP", ["CISSP", "Certified Information Systems Security Professional"]),
    ("cert:cism", "Certified Information Security Manager (CISM)", ["CISM"]),
    ("cert:ceh", "Certified Ethical Hacker (CEH)", ["Certified Ethical Hacker"]),
    ("cert:oscp", "Offensive Security Certified Professional (OSCP)", ["OSCP"]),
    ("cert:comptia-security", "CompTIA Security+", ["CompTIA Security+", "Security+"]),
    ("cert:comptia-network", "CompTIA Network+", ["CompTIA Network+", "Network+"]),
    ("cert:comptia-a", "CompTIA A+", ["CompTIA A+"]),
    ("cert:ccna", "Cisco Certified Network Associate (CCNA)", ["CCNA"]),
    ("cert:ccnp", "Cisco Certified Network Professional (CCNP)", ["CCNP"]),
    ("cert:ccie", "Cisco Certified Internetwork Expert (CCIE)", ["CCIE"]),
    ("cert:aws-saa", "AWS Certified Solutions Architect", ["AWS Certified Solutions Architect"]),
    ("cert:aws-dev", "AWS Certified Developer", ["AWS Certified Developer"]),
    ("cert:aws-ccp", "AWS Certified Cloud Practitioner", ["AWS Certified Cloud Practitioner"]),
    ("cert:aws", "AWS Certified (any AWS certification)", ["AWS Certified", "AWS certification"]),
    (
        "cert:azure",
        "Microsoft Certified: Azure",
        ["Azure certification", "Microsoft Certified Azure"],
    ),
    ("cert:gcp-pca", "Google Cloud Professional Cloud Architect", ["Professional Cloud Architect"]),
    (
        "cert:cka",
        "Certified Kubernetes Administrator (CKA)",
        ["Certified Kubernetes Administrator"],
    ),
    (
        "cert:itil",
        "ITIL certification",
        ["ITIL", "ITIL Foundation", "ITIL certification", "ITIL certified"],
    ),
    (
        "cert:six-sigma-gb",
        "Six Sigma Green Belt",
        ["Six Sigma Green Belt", "Lean Six Sigma Green Belt"],
    ),
    (
        "cert:six-sigma-bb",
        "Six Sigma Black Belt",
        ["Six Sigma Black Belt", "Lean Six Sigma Black Belt"],
    ),
    ("cert:shrm-cp", "SHRM Certified Professional (SHRM-CP)", ["SHRM-CP", "SHRM-SCP"]),
    ("cert:phr", "Professional in Human Resources (PHR)", ["Professional in Human Resources"]),
    ("cert:rn", "Registered Nurse licence (RN)", ["Registered Nurse", "RN license", "RN licence"]),
    ("cert:lpn", "Licensed Practical Nurse (LPN)", ["Licensed Practical Nurse", "LPN"]),
    ("cert:bls", "Basic Life Support (BLS) certification", ["BLS certification", "BLS certified"]),
    (
        "cert:acls",
        "Advanced Cardiac Life Support (ACLS)",
        ["ACLS", "Advanced Cardiac Life Support"],
    ),
    ("cert:cdl", "Commercial Driver's License (CDL)", ["CDL", "Commercial Driver's License"]),
    ("cert:pe", "Professional Engineer licence (PE)", ["Professional Engineer", "PE license"]),
    ("cert:bar", "Bar admission (licensed attorney)", ["bar admission", "admitted to the bar"]),
    ("cert:series-7", "FINRA Series 7", ["Series 7"]),
    ("cert:series-63", "FINRA Series 63", ["Series 63"]),
    ("cert:cfe", "Certified Fraud Examiner (CFE)", ["Certified Fraud Examiner"]),
    ("cert:leed-ap", "LEED Accredited Professional", ["LEED AP", "LEED Accredited Professional"]),
    ("cert:osha-30", "OSHA 30-hour certification", ["OSHA 30", "OSHA 10"]),
    ("cert:ccrn", "Critical Care Registered Nurse (CCRN)", ["CCRN"]),
    ("cert:tefl", "TEFL / TESOL certificate", ["TEFL", "TESOL", "CELTA"]),
    ("cert:cpr", "CPR certification", ["CPR certification", "CPR certified"]),
    (
        "cert:first-aid",
        "First aid certificate",
        ["first aid certificate", "first aid certification"],
    ),
    ("cert:google-analytics", "Google Analytics certification", ["Google Analytics certified"]),
    (
        "cert:salesforce-admin",
        "Salesforce Certified Administrator",
        ["Salesforce Certified Administrator"],
    ),
    ("cert:ocp-java", "Oracle Certified Professional, Java", ["Oracle Certified Professional"]),
]

# Common acronyms in postings and résumés, mapped to a label that exists in the lexicon. The
# expansion decides the concept; the acronym only counts with context (see the matcher).
ACRONYMS: dict[str, str] = {
    "PM": "project management",
    "CRM": "Customer relationship management CRM software",
    "ERP": "Enterprise resource planning ERP software",
    "P&L": "financial statements",
    "KPI": "track key performance indicators",
    "KPIs": "track key performance indicators",
    "SEO": "search engine optimisation",
    "SEM": "search engine marketing",
    "UI": "user interface design",
    "QA": "quality assurance methodologies",
    "BI": "Business intelligence and data analysis software",
    "ETL": "data extraction, transformation and loading tools",
    "NLP": "natural language processing",
    "ML": "machine learning",
    "AI": "artificial intelligence",
    "HR": "human resource management",
    "GAAP": "national generally accepted accounting principles",
    "IFRS": "international financial reporting standards",
    "OOP": "object-oriented modelling",
    "CI/CD": "continuous integration",
}

# Everyday names for products and skills the sources spell out in full; each maps to a label
# that exists in the lexicon and takes that label's concept.
ALIASES: dict[str, str] = {
    ".NET": ".NET Framework",
    "GCP": "Google Cloud",
    "Looker": "Google Looker Analytics",
    "Marketo": "Marketo Marketing Automation",
    "MS Office": "Microsoft Office",
    "MS Excel": "Microsoft Excel",
    "MS Word": "Microsoft Word",
    "MS PowerPoint": "Microsoft PowerPoint",
    "MS Outlook": "Microsoft Outlook",
    "MS Project": "Microsoft Project",
    "MS Access": "Microsoft Access",
    "MS SQL Server": "Microsoft SQL Server",
    "REST API": "RESTful API",
    "REST APIs": "RESTful API",
    "leadership": "leadership principles",
    "leadership skills": "leadership principles",
    "Postgres": "PostgreSQL",
    "K8s": "Kubernetes",
    "JS": "JavaScript",
    "Golang": "Go",
}

# O*NET element aliases: shorter phrasings people write for the same element.
ELEMENT_ALIASES: dict[str, list[str]] = {
    "2.A.2.a": ["analytical thinking", "critical-thinking skills"],
    "2.B.1.a": ["social awareness"],
    "2.B.4.e": ["decision making", "decision-making skills"],
    "2.B.2.i": ["problem solving", "problem-solving skills", "solve complex problems"],
    "2.B.5.a": ["time management", "manage time effectively"],
    "2.A.1.c": ["written communication", "writing skills"],
    "2.A.1.d": ["verbal communication", "oral communication", "public speaking"],
    "2.B.1.b": ["teamwork", "team player"],
    "2.C.1.a": ["business administration"],
    "2.C.4.a": ["mathematics"],
    "2.C.3.a": ["computer science", "computers and electronics"],
    "2.C.1.c": ["economics", "accounting"],
    "2.C.1.d": ["sales", "marketing"],
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clean(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip()


def initials(label: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", label)).upper()


def abbreviates(acronym: str, expansion: str) -> bool:
    """True when the acronym's first letter is in the expansion's first word and all its letters
    appear in order ("HTML" for "Hypertext markup language", not "SQL" for "SoftRisk
    Technologies")."""
    letters = re.sub(r"[^A-Z0-9]", "", expansion.upper())
    first_word = re.sub(r"[^A-Z0-9]", "", (expansion.split() or [""])[0].upper())
    if not acronym or not letters or acronym[0] not in first_word:
        return False  # the first letter may sit inside the first word: "eXtensible" for XML
    pos = 0
    for char in acronym:
        pos = letters.find(char, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def is_acronym(label: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&+/#]{1,6}s?", label))


def esco_concepts(esco: Path) -> tuple[list[list[object]], list[list[object]]]:
    """ESCO skills and knowledge with their labels; acronym alt labels must fit the concept.

    A concept's weight is how many occupations list it: when one label names several
    concepts, the more widely used one wins.
    """
    concepts: list[list[object]] = []
    labels: list[list[object]] = []
    weight: Counter[str] = Counter()
    with (esco / "occupationSkillRelations.csv").open(encoding="utf-8", newline="") as handle:
        for rel in csv.DictReader(handle):
            weight[rel["skillUri"]] += 1
    with (esco / "skills_en.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            uri = row["conceptUri"]
            preferred = clean(row["preferredLabel"])
            kind = "knowledge" if row["skillType"] == "knowledge" else "skill"
            concepts.append([uri, "esco", preferred, kind, "", weight[uri]])
            alts = [clean(a) for a in row["altLabels"].split("\n") if a.strip()]
            known_initials = {initials(x) for x in [preferred, *alts] if not is_acronym(x)}
            labels.append([preferred, uri, "x" if is_acronym(preferred) else "p"])
            for alt in alts:
                if is_acronym(alt):
                    if alt.upper() == preferred.upper() or alt.rstrip("s") in known_initials:
                        labels.append([alt, uri, "x"])
                    continue
                labels.append([alt, uri, "a"])
            for text in [preferred, *alts]:
                bare = clean(re.sub(r"\([^)]*\)", " ", text))
                if bare and bare != text and len(bare) > 2:
                    labels.append([bare, uri, "v"])
    return concepts, labels


def onet_elements(onet: Path) -> tuple[list[list[object]], list[list[object]]]:
    concepts: list[list[object]] = []
    labels: list[list[object]] = []
    seen: set[str] = set()
    for name in ("Skills.txt", "Knowledge.txt"):
        with (onet / "derived" / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                element, label = row["Element ID"], clean(row["Element Name"])
                if element in seen:
                    continue
                seen.add(element)
                kind = "knowledge" if element.startswith("2.C") else "skill"
                concepts.append([element, "onet-element", label, kind, "", 1000])
                labels.append([label, element, "p"])
                for alias in ELEMENT_ALIASES.get(element, []):
                    labels.append([alias, element, "v"])
    return concepts, labels


def product_variants(example: str, strip_generic: bool = True) -> list[tuple[str, str]]:
    """Ways people write an O*NET example product: without 'software', vendor or acronym.

    Commodity titles keep their 'software': "Project management" alone is a skill, not a tool.
    """
    out: list[tuple[str, str]] = [(example, "p")]
    base = example
    for suffix in TRAILING_GENERIC if strip_generic else ():
        if base.lower().endswith(suffix) and len(base) > len(suffix) + 2:
            base = base[: -len(suffix)]
            out.append((base, "v"))
            break
    words = base.split()
    if len(words) >= 2 and is_acronym(words[-1]):
        acronym, expansion = words[-1], " ".join(words[:-1])
        bare = " ".join(words[1:-1])  # without a vendor: "SQL Server Reporting Services"
        if abbreviates(acronym.rstrip("s"), expansion) or abbreviates(acronym.rstrip("s"), bare):
            out.append((expansion, "v"))
            out.append((acronym, "x"))
    for vendor in VENDORS:
        if base.startswith(vendor + " "):
            rest = base[len(vendor) + 1 :]
            rest_words = rest.split()
            if rest_words and not (len(rest_words) == 1 and rest.lower() in GENERIC_AFTER_VENDOR):
                out.append((rest, "c"))
            break
    return out


def onet_products(onet: Path) -> tuple[list[list[object]], list[list[object]]]:
    """One concept per example product; a product listed under several commodities keeps the
    commodity it is listed with most often (ties: the lowest code), so ids are deterministic."""
    concepts: list[list[object]] = []
    labels: list[list[object]] = []
    listed: Counter[str] = Counter()
    commodity_titles: dict[str, str] = {}
    for name, taxonomy in (("Technology Skills.txt", "onet-tech"), ("Tools Used.txt", "onet-tool")):
        counts: Counter[tuple[str, str]] = Counter()
        with (onet / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                example, code = clean(row["Example"]), row["Commodity Code"]
                commodity_titles[code] = clean(row["Commodity Title"])
                counts[(example, code)] += 1
                listed[example] += 1
                listed[code] += 1
        best: dict[str, tuple[int, str]] = {}
        for (example, code), count in counts.items():
            current = best.get(example)
            if current is None or (-count, code) < (-current[0], current[1]):
                best[example] = (count, code)
        kind = "knowledge"
        for example, (_, code) in sorted(best.items()):
            cid = f"onet-tech:{code}"
            concepts.append([cid, taxonomy, example, kind, commodity_titles[code], listed[example]])
            for variant, flag in product_variants(example):
                labels.append([variant, f"{cid}|{example}", flag])
    # Commodity titles themselves ("Customer relationship management CRM software").
    for code, title in sorted(commodity_titles.items()):
        cid = f"onet-tech:{code}"
        concepts.append([cid, "onet-tech", title, "knowledge", title, listed[code]])
        for variant, flag in product_variants(title, strip_generic=False):
            labels.append([variant, f"{cid}|{title}", flag])
    return concepts, labels


def certifications() -> tuple[list[list[object]], list[list[object]]]:
    concepts: list[list[object]] = []
    labels: list[list[object]] = []
    for cid, label, aliases in CERTIFICATIONS:
        concepts.append([cid, "cert", label, "knowledge", "", 1000])
        labels.append([label, cid, "p"])
        for alias in aliases:
            labels.append([alias, cid, "x" if is_acronym(alias) else "a"])
    return concepts, labels


def common_words(esco: Path, min_count: int = 3) -> set[str]:
    """Stems that ESCO's own descriptions use as ordinary lower-case words.

    A one-word alternative label or derived variant that is an ordinary word ("data", "lead",
    "medical", "workflow") names its concept only loosely and mostly matches prose; brand
    names ("Python", "Salesforce", "Jira") never appear in lower case there.
    """
    counts: Counter[str] = Counter()
    with (esco / "skills_en.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for word in re.findall(r"[A-Za-z]+", row["description"]):
                if word.islower():
                    counts[stem(word)] += 1
    return {w for w, n in counts.items() if n >= min_count}


def drop_loose_single_words(
    labels: list[list[object]],
    concepts: dict[str, list[object]],
    common: set[str],
    kinds: frozenset[str] = frozenset({"a"}),
) -> list[list[object]]:
    """Remove one-word alternative labels that are ordinary words and are not part of the
    concept's own name ("data" for "statistics", "standard" for "scaffolding components")."""
    kept: list[list[object]] = []
    for text, owner, flag in labels:
        words = str(text).split()
        if len(words) == 1 and flag in kinds and stem(words[0]) in common:
            concept = concepts.get(str(owner))
            if concept is not None and concept[1] not in {"onet-element", "cert"}:
                own = {stem(w) for w in re.findall(r"[A-Za-z]+", str(concept[2]))}
                if flag != "a" or stem(words[0]) not in own:
                    continue
        kept.append([text, owner, flag])
    return kept


def build(onet: Path, esco: Path) -> dict[str, object]:
    parts = [esco_concepts(esco), onet_elements(onet), onet_products(onet), certifications()]
    concept_rows: list[list[object]] = []
    raw_labels: list[list[object]] = []
    for concepts, labels in parts:
        concept_rows.extend(concepts)
        raw_labels.extend(labels)
    # Concepts are keyed by id, or id|label for O*NET products (one id, many products).
    keys: list[str] = []
    for cid, taxonomy, label, *_rest in concept_rows:
        keys.append(f"{cid}|{label}" if taxonomy in {"onet-tech", "onet-tool"} else cid)
    order = sorted(range(len(concept_rows)), key=lambda i: keys[i])
    unique: dict[str, int] = {}
    final_concepts: list[list[object]] = []
    for i in order:
        if keys[i] in unique:
            continue
        unique[keys[i]] = len(final_concepts)
        final_concepts.append(concept_rows[i])
    by_owner = {key: final_concepts[idx] for key, idx in unique.items()}
    raw_labels = drop_loose_single_words(raw_labels, by_owner, common_words(esco), LOOSE_KINDS)
    # Resolve acronym and alias tables through the labels that already exist.
    label_owner: dict[str, str] = {}
    for text, key, _flag in raw_labels:
        label_owner.setdefault(str(text).lower(), str(key))
    curated = [(a, e, "x") for a, e in ACRONYMS.items()]
    curated += [(a, e, "x" if is_acronym(a) else "a") for a, e in ALIASES.items()]
    for alias, expansion, flag in sorted(curated):
        owner = label_owner.get(expansion.lower())
        if owner is None:
            print(f"warning: alias {alias}: no label {expansion!r}", file=sys.stderr)
            continue
        raw_labels.append([alias, owner, flag])
    label_rows: set[tuple[str, int, str]] = set()
    for text, key, flag in raw_labels:
        text = str(text)
        if len(text) < 1 or len(text) > 120:
            continue
        label_rows.add((text, unique[str(key)], str(flag)))
    by_key: defaultdict[tuple[str, int], set[str]] = defaultdict(set)
    for text, idx, flag in label_rows:
        by_key[(text, idx)].add(flag)
    rank = {"x": 0, "p": 1, "a": 2, "c": 3, "v": 4}
    labels_out = sorted(
        [text, idx, min(flags, key=rank.__getitem__)] for (text, idx), flags in by_key.items()
    )
    keyed = sorted(
        {
            (k, idx, form_kind, form)
            for text, idx, kind in labels_out
            for k, form_kind, form in label_forms(str(text), str(kind))
        }
    )
    return {
        "normaliser": NORMALISER_VERSION,
        "keys": [list(row) for row in keyed],
        "format": "careerceo-skill-lexicon",
        "version": LEXICON_VERSION,
        "columns": {
            "concepts": ["concept_id", "taxonomy", "label", "skill_type", "category", "weight"],
            "keys": ["key", "concept_index", "kind", "surface"],
        },
        "concepts": final_concepts,
    }


def write(
    out: Path, lexicon: dict[str, object], inputs: list[Path], onet: Path, esco: Path
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(lexicon, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(payload.encode("utf-8"))
    lexicon_path = out / "lexicon.json.gz"
    lexicon_path.write_bytes(buffer.getvalue())
    # The linker's same-words table, so a cold start does not make it (labelroots.py).
    (out / labelroots.FILE).write_bytes(labelroots.build(buffer.getvalue()))
    concepts = lexicon["concepts"]
    labels = lexicon["keys"]
    assert isinstance(concepts, list) and isinstance(labels, list)
    manifest = {
        "artifact": "lexicon.json.gz",
        "lexicon_version": LEXICON_VERSION,
        "normaliser_version": NORMALISER_VERSION,
        "sha256": sha256(lexicon_path),
        "concepts": len(concepts),
        "keys": len(labels),
        "sources": {
            "onet": {
                "name": "O*NET",
                "version": "29.0",
                "licence": "CC BY 4.0",
                "files": {p.name: sha256(p) for p in inputs if p.is_relative_to(onet)},
            },
            "esco": {
                "name": "ESCO",
                "version": "1.1.1",
                "licence": "European Commission, reuse with attribution",
                "files": {p.name: sha256(p) for p in inputs if p.is_relative_to(esco)},
            },
            "curated": {
                "certifications": len(CERTIFICATIONS),
                "acronyms": len(ACRONYMS),
                "aliases": len(ALIASES),
            },
        },
        "build": "scripts/build_skill_lexicon.py --onet <O*NET 29.0> --esco <ESCO 1.1.1> "
        "--out <dir>",
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onet", type=Path, required=True, help="O*NET 29.0 text release folder")
    parser.add_argument("--esco", type=Path, required=True, help="ESCO 1.1.1 English CSV folder")
    parser.add_argument("--out", type=Path, required=True, help="where to write the artifact")
    args = parser.parse_args(argv)
    inputs = [
        args.esco / "skills_en.csv",
        args.esco / "occupationSkillRelations.csv",
        args.onet / "derived" / "Skills.txt",
        args.onet / "derived" / "Knowledge.txt",
        args.onet / "Technology Skills.txt",
        args.onet / "Tools Used.txt",
    ]
    missing = [str(p) for p in inputs if not p.is_file()]
    if missing:
        print(f"error: missing input files: {', '.join(missing)}", file=sys.stderr)
        return 2
    lexicon = build(args.onet, args.esco)
    write(args.out, lexicon, inputs, args.onet, args.esco)
    concepts, labels = lexicon["concepts"], lexicon["keys"]
    assert isinstance(concepts, list) and isinstance(labels, list)
    print(f"wrote {args.out / 'lexicon.json.gz'}: {len(concepts)} concepts, {len(labels)} keys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
