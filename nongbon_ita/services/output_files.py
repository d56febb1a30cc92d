"""Write a printed or exported file whole or not at all, with a reason the user can act on.

The bytes go to `<name>.partial` beside the target, then replace it in one step, so a reader
never sees half a PDF; whatever fails (a folder given as the file, a full disk, a file held open
by Excel — Windows refuses to replace it — or no permission), the `.partial` is removed and the
target is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
from pathlib import Path

from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError


def _refusal(error: OSError, path: Path) -> ValidationError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return ValidationError(
            N_("The disk is full: {path} was not written. Free some space and try again."),
            field="out", path=str(path),
        )  # fmt: skip
    if error.errno == errno.ENAMETOOLONG:
        return ValidationError(N_("The file name is too long for this computer: {path}"),
                               field="out", path=str(path))  # fmt: skip
    if isinstance(error, PermissionError):
        return ValidationError(
            N_("{path} cannot be written: it is open in another program (close it, e.g. in "
               "Excel) or you may not write there."),
            field="out", path=str(path),
        )  # fmt: skip
    return ValidationError(
        N_("{path} cannot be written: {reason}"),
        field="out", path=str(path), reason=error.strerror or type(error).__name__,
    )  # fmt: skip


def check_output_path(out: Path | str) -> Path:
    """The absolute target; refused when its folder is missing or it names a folder."""
    try:
        path = Path(out).expanduser().absolute()
    except (RuntimeError, ValueError):  # "~nobody/x" or a NUL in the name
        raise ValidationError(N_("{path} is not a usable file name."), field="out",
                              path=str(out)) from None  # fmt: skip
    try:
        if not path.parent.is_dir():
            raise NotFoundError(N_("Folder not found: {path}"), path=str(path.parent))
        if path.is_dir():
            raise ValidationError(
                N_("{path} is a folder; give a file name for the output."), field="out",
                path=str(path),
            )  # fmt: skip
    except OSError as error:
        raise _refusal(error, path) from None
    return path


def write_output(out: Path | str, data: bytes) -> Path:
    """Write `data` to `out` atomically; returns the absolute path written."""
    path = check_output_path(out)
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the file name
        with contextlib.suppress(OSError, ValueError):  # the reason below is what matters
            partial.unlink(missing_ok=True)
        if isinstance(error, ValueError):
            raise ValidationError(N_("{path} is not a usable file name."), field="out",
                                  path=str(out)) from None  # fmt: skip
        raise _refusal(error, path) from None
    return path
