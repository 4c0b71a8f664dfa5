"""Evidence packages for lawyers and courts (docs/evidence.md): original files byte for byte,
entries with their hash-chained revisions, the chain of custody, the documenters' signed bundle
manifests, a SHA256SUMS list signed with the coordinator's Ed25519 key, VERIFY.txt (standard
tools only) and a PDF summary; and the check of such a package.
"""

from journal.evidence.builder import (
    EvidenceOptions,
    PackageResult,
    build_package,
    exports,
    record_export,
    select_entries,
)
from journal.evidence.verify import Verdict, verify_package

__all__ = ["EvidenceOptions", "PackageResult", "Verdict", "build_package", "exports", "record_export",
           "select_entries", "verify_package"]
