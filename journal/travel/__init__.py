"""Travel mode: seal the whole journal into one package, erase the laptop's copy, restore it later.

See journal/travel/package.py (the package: prepare, verify, restore) and journal/travel/drop.py
(the coordinator's drop folder as the package's destination). docs/formats.md "Travel package".
"""

from journal.travel.package import (
    TRAVEL_SUFFIX,
    PrepareReport,
    RestoreReport,
    TravelError,
    code_passphrase,
    check_recovery_code,
    erase_after_travel,
    prepare_to_file,
    restore_from_file,
    seal_package,
    verify_package,
)

__all__ = [
    "TRAVEL_SUFFIX",
    "PrepareReport",
    "RestoreReport",
    "TravelError",
    "check_recovery_code",
    "code_passphrase",
    "erase_after_travel",
    "prepare_to_file",
    "restore_from_file",
    "seal_package",
    "verify_package",
]
