"""What `check` finds about the files the app keeps beside the database (ITA evidence, complaint
attachments): each is compared with the SHA-256 it had when it was added."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from nongbon_ita.domain.errors import N_


class FileProblem(StrEnum):
    MISSING = "missing"
    CHANGED = "changed"

    @property
    def label_id(self) -> str:
        return _PROBLEM_LABELS[self]


_PROBLEM_LABELS = {
    FileProblem.MISSING: N_("missing from the data folder"),
    FileProblem.CHANGED: N_("changed after it was added"),
}


class KeptKind(StrEnum):
    EVIDENCE = "evidence"
    ATTACHMENT = "attachment"


@dataclass(frozen=True)
class KeptFileIssue:
    kind: KeptKind
    record_id: int
    name: str  # the evidence file's name, or the complaint's register number ("5/2567")
    problem: FileProblem


@dataclass(frozen=True)
class KeptFilesCheck:
    checked: int
    issues: tuple[KeptFileIssue, ...]

    @property
    def ok(self) -> bool:
        return not self.issues
