"""Bundles: identities, contact cards, and the encrypted signed bundle format.

This layer knows nothing about the database: the export side hands ``write_bundle`` a list
of members, the import side gives ``read_bundle`` a sink that stages what it receives.
See docs/bundle-format.md.
"""

from journal.exchange.bundle.card import Card, card_qr_png, decode_card, encode_card, fingerprint
from journal.exchange.bundle.errors import (
    BundleRejected,
    BundleWriteError,
    CardError,
    IdentityError,
)
from journal.exchange.bundle.identity import Identity
from journal.exchange.bundle.manifest import Manifest, MemberDigest, Sender
from journal.exchange.bundle.reader import (
    BundleSink,
    DiscardSink,
    Limits,
    VerifiedManifest,
    read_bundle,
)
from journal.exchange.bundle.writer import BundleInfo, Member, write_bundle, write_bundle_file

__all__ = [
    "BundleInfo",
    "BundleRejected",
    "BundleSink",
    "BundleWriteError",
    "Card",
    "CardError",
    "DiscardSink",
    "Identity",
    "IdentityError",
    "Limits",
    "Manifest",
    "Member",
    "MemberDigest",
    "Sender",
    "VerifiedManifest",
    "card_qr_png",
    "decode_card",
    "encode_card",
    "fingerprint",
    "read_bundle",
    "write_bundle",
    "write_bundle_file",
]
