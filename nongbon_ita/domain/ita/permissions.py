"""Who may do what in the ITA area.

Recording a measure's results is open to the coordinator and to the measure's responsible user:
the role part is declared here, the "responsible user" part is checked by the service, which
knows the measure.
"""

from __future__ import annotations

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.permissions import Permission
from nongbon_ita.domain.roles import Role

_COORDINATOR = frozenset({Role.ITA_COORDINATOR})


class ItaOperation:
    EDIT_CATALOGUE = Permission("ita.catalogue", N_("edit the ITA catalogue"), _COORDINATOR)
    EDIT_SCORES = Permission("ita.scores", N_("enter ITA scores"), _COORDINATOR)
    KEEP_OIT = Permission("ita.oit", N_("keep the OIT evidence for ITAS"), _COORDINATOR)
    EDIT_MEASURES = Permission("ita.measures", N_("plan ITA measures"), _COORDINATOR)
    RECORD_RESULTS = Permission(
        "ita.results", N_("record the results of this measure"), _COORDINATOR
    )
