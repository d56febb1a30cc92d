"""Signing with a key on a USB token (PKCS#11), as the Thai CAs issue them: the token's own
library (the .dll/.so its maker ships), the token's label, and the label of the key and its
certificate on it; the PIN is used for this one session and never kept."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.signing import CertificateInfo


@contextmanager
def token_signer(
    library: Path, token: str, key_label: str, pin: str
) -> Iterator[tuple[Any, CertificateInfo]]:
    """A pyHanko signer for the key `key_label` on the token `token`, and its certificate's
    facts; the token's session is closed when the block ends."""
    from nongbon_ita.reports.pades.lean import defer_http_clients

    defer_http_clients()  # this may be the process's first import of pyHanko
    from pkcs11 import PKCS11Error
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    from nongbon_ita.services.signing.keys import info_of

    if not library.is_file():
        raise NotFoundError(N_("The token library {path} does not exist (the .dll or .so that "
                               "came with the token)."), path=str(library))  # fmt: skip
    try:
        session = open_pkcs11_session(str(library), token_criteria=TokenCriteria(label=token),
                                      user_pin=pin)  # fmt: skip
    except (PKCS11Error, SigningError, OSError, RuntimeError) as error:
        raise ValidationError(
            N_("The token “{token}” could not be opened: is it plugged in, and is the PIN "
               "right? ({reason})"), field="token", token=token, reason=type(error).__name__,
        ) from None  # fmt: skip
    try:
        # raw mechanisms (the digest made here, the token signs it): every token offers them,
        # while which hash-and-sign ones it offers varies (SoftHSM has no CKM_ECDSA_SHA256)
        signer = PKCS11Signer(session, key_label=key_label, use_raw_mechanism=True)
        try:
            cert = signer.signing_cert
        except (PKCS11Error, SigningError) as error:
            raise ValidationError(
                N_("The token “{token}” holds no key and certificate labelled “{label}”. "
                   "({reason})"), field="key_label", token=token, label=key_label,
                reason=type(error).__name__,
            ) from None  # fmt: skip
        yield signer, info_of(cert)
    finally:
        session.close()
