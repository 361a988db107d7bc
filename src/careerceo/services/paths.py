"""Reference collections: gather other people's histories, then mine the path to a target.

The shells (CLI, web, API) call this module; each job lives in its own module:
``path_import`` (reading files into profiles and writing them), ``path_collections`` (the
collections and their profiles, corrections, contacts), ``path_frames`` (the columnar copy the
engine reads), ``path_analysis`` (the analysis of a target), ``path_plan`` (where the person
stands, and a plan saved as a goal), ``path_titles`` (titles to occupations).
"""

from __future__ import annotations

from careerceo.services.path_analysis import ResolvedTarget, analyze, resolve_target
from careerceo.services.path_collections import (
    correct_occupation,
    get_collection,
    link_contact,
    list_collections,
    list_profiles,
    new_collection,
    profile_contact,
    remove_collection,
    set_sharing,
)
from careerceo.services.path_frames import load_frame
from careerceo.services.path_import import (
    Draft,
    DraftPosition,
    Progress,
    add_drafts,
    add_file,
    add_paths,
    order_positions,
    partial_month,
    read_drafts,
)
from careerceo.services.path_plan import plan, save_plan
from careerceo.services.path_titles import (
    is_internship,
    match_titles,
    occupation_titles,
    title_key,
    zones,
)

__all__ = [
    "Draft",
    "DraftPosition",
    "Progress",
    "ResolvedTarget",
    "add_drafts",
    "add_file",
    "add_paths",
    "analyze",
    "correct_occupation",
    "get_collection",
    "is_internship",
    "link_contact",
    "list_collections",
    "list_profiles",
    "load_frame",
    "match_titles",
    "new_collection",
    "occupation_titles",
    "order_positions",
    "partial_month",
    "plan",
    "profile_contact",
    "read_drafts",
    "remove_collection",
    "resolve_target",
    "save_plan",
    "set_sharing",
    "title_key",
    "zones",
]
