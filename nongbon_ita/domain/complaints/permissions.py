"""Who may do what with complaints.

Staff receive complaints at the counter; complaint officers handle them, and they alone see a
corruption complainant's identity and print letters to complainants. Admins see complaints but
never identities on the corruption track. Purging identities is retention housekeeping that reveals
nothing: complaint officers and admins may run it. Statistics hold no personal data: everyone.
"""

from __future__ import annotations

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.permissions import Permission
from nongbon_ita.domain.roles import Role

_OFFICER = frozenset({Role.COMPLAINT_OFFICER})


class ComplaintOperation:
    RECEIVE = Permission(
        "complaints.receive",
        N_("receive complaints"),
        frozenset({Role.STAFF, Role.COMPLAINT_OFFICER}),
    )
    VIEW = Permission(
        "complaints.view",
        N_("view complaints"),
        frozenset({Role.STAFF, Role.COMPLAINT_OFFICER, Role.ADMIN}),
    )
    HANDLE = Permission("complaints.handle", N_("handle complaints"), _OFFICER)
    VIEW_CONFIDENTIAL_IDENTITY = Permission(
        "complaints.identity", N_("see the identity of a corruption complainant"), _OFFICER
    )
    # on the general track, whoever receives complaints also sees who complained
    VIEW_GENERAL_IDENTITY = Permission(
        "complaints.identity_general",
        N_("see the identity of a complainant"),
        frozenset({Role.STAFF, Role.COMPLAINT_OFFICER}),
    )
    PRINT_LETTERS = Permission("complaints.letters", N_("print letters to complainants"), _OFFICER)
    STATISTICS = Permission(
        "complaints.statistics", N_("print complaint statistics"), frozenset(Role)
    )
    CONFIGURE = Permission(
        "complaints.configure",
        N_("change complaint deadlines and holidays"),
        frozenset({Role.COMPLAINT_OFFICER, Role.ADMIN}),
    )
    PURGE = Permission(
        "complaints.purge",
        N_("purge old complainant identities"),
        frozenset({Role.COMPLAINT_OFFICER, Role.ADMIN}),
    )
