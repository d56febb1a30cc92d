"""The channel list the office uses: the shipped channels (kinds.Channel) with the office's
renames and hidden ones on top, and the channels it adds. A complaint keeps the channel's code,
so renaming a channel renames it in every list and statistic, and hiding one keeps its
complaints (and their counts) while the intake no longer offers it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nongbon_ita.domain.complaints.kinds import Channel
from nongbon_ita.domain.errors import N_, ValidationError

NAME_MAX = 100
OFFICE_CODE_PREFIX = "office-"  # the codes of channels the office adds: office-1, office-2, …


@dataclass(frozen=True)
class ChannelInfo:
    code: str
    name: str  # Thai, as documents and statistics print it
    referred: bool  # another body passes complaints on with a reference to quote back
    active: bool = True  # offered at intake
    label_id: str = ""  # a shipped channel's message id for screens; "" once renamed


@dataclass(frozen=True)
class ChannelEdit:
    """One row of the office's layer: a shipped channel changed, or a channel of its own."""

    code: str
    name: str
    referred: bool
    active: bool
    position: int


SHIPPED: tuple[ChannelInfo, ...] = tuple(
    ChannelInfo(c.value, c.thai, c.referred, True, c.label_id) for c in Channel
)


def channel_list(edits: Iterable[ChannelEdit]) -> list[ChannelInfo]:
    """The shipped channels in their order (as the office edited them), then the office's own
    in the order it added them."""
    by_code = {e.code: e for e in edits}
    result: list[ChannelInfo] = []
    for shipped in SHIPPED:
        edit = by_code.pop(shipped.code, None)
        if edit is None:
            result.append(shipped)
        else:
            renamed = edit.name != shipped.name
            result.append(ChannelInfo(shipped.code, edit.name, edit.referred, edit.active,
                                      "" if renamed else shipped.label_id))  # fmt: skip
    for edit in sorted(by_code.values(), key=lambda e: (e.position, e.code)):
        result.append(ChannelInfo(edit.code, edit.name, edit.referred, edit.active))
    return result


def unknown_channel(code: str) -> ChannelInfo:
    """A code no list knows (e.g. a database from a newer version): shown as it is."""
    return ChannelInfo(code, code, False, False)


def check_channel_name(name: str, others: Iterable[ChannelInfo]) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError(N_("Name the channel."), field="name")
    if len(cleaned) > NAME_MAX:
        raise ValidationError(N_("The channel's name is too long (at most {n} characters)."),
                              field="name", n=NAME_MAX)  # fmt: skip
    if any(other.name == cleaned for other in others):
        raise ValidationError(N_("There is already a channel named {name}."), field="name",
                              name=cleaned)  # fmt: skip
    return cleaned
