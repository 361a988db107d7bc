"""The person's words count through each occupation's neighbourhood of related occupations:
a field the words describe as a whole ranks, a stray match of one occupation does not."""

from __future__ import annotations

import numpy as np

from careerceo.analysis.pivot_blend import NEIGHBOURHOOD, neighbourhood
from careerceo.services.pivot_space import neighbour_table, occupation_space


def test_an_occupation_whose_neighbours_match_ranks_first() -> None:
    space = occupation_space()
    nb = neighbour_table()
    dev = space.row_of["15-1252.00"]  # Software Developers
    values = np.zeros(nb.n)
    values[nb.index[dev, :NEIGHBOURHOOD]] = 1.0  # its ten nearest related occupations match
    z = neighbourhood(values, nb)
    assert z[dev] == z.max()
    assert abs(float(z.mean())) < 1e-6 and abs(float(z.std()) - 1.0) < 1e-6


def test_a_single_stray_match_does_not_rank_its_occupation() -> None:
    space = occupation_space()
    nb = neighbour_table()
    teacher = space.row_of["25-1199.00"]  # Postsecondary Teachers, All Other
    values = np.zeros(nb.n)
    values[teacher] = 10.0  # one occupation's words match ("university", "students")
    z = neighbourhood(values, nb)
    assert z[teacher] <= float(np.median(z)) < z.max()  # not ranked on its own match
