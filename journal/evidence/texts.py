"""VERIFY.txt: how to check a package with standard tools only, in the coordinator's language
(and VERIFY.en.txt in English beside it, for a court abroad, when that language is not English).

The commands are the same in every language; they are the ones tests/test_evidence.py runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from journal.evidence import layout
from journal.i18n import _ as translate


def english(text: str) -> str:
    return text


def verify_text(manifest: dict[str, Any], documenter_keys: list[str],
                _: Callable[[str], str] = translate, carried: Sequence[tuple[str, str, str]] = ()) -> str:
    """VERIFY.txt in the user's language, or in English with ``_=english`` (VERIFY.en.txt).
    ``carried``: (original's path, its SHA-256, the signed bundle that carried it) for each received
    file, which step 3 names in one `grep -c` line each."""
    coordinator = manifest["coordinator"]
    lines = [
        _("How to check this evidence package with standard tools"),
        "=" * 72,
        "",
        _("Package {package_id}, made {created_at} by {name} (fingerprint {fingerprint}).").format(
            package_id=manifest["package_id"], created_at=manifest["created_at"], name=coordinator["name"],
            fingerprint=coordinator["fingerprint"]),
        _("Unpack the ZIP file first (if it is one) and run every command inside the package's folder."),
        "",
        _("1. No file was changed, added or removed since the package was made"),
        "",
        f"    sha256sum -c {layout.SUMS}",
        "",
        _("Every line must end in “OK”. On macOS: shasum -a 256 -c {sums}.").format(sums=layout.SUMS),
        _("Files the list does not name (other than {sums} and {sig}) were added later.").format(
            sums=layout.SUMS, sig=layout.SUMS_SIG),
        "",
        _("2. The coordinator signed the list of files (Ed25519, OpenSSL 3.0 or later)"),
        "",
        f"    openssl pkeyutl -verify -pubin -inkey {layout.COORDINATOR_KEY} -rawin "
        f"-in {layout.SUMS} -sigfile {layout.SUMS_SIG}",
        "",
        _("It must print “Signature Verified Successfully”. The key is inside the package, so also check "
          "that it is the coordinator's: this command"),
        "",
        f"    openssl pkey -pubin -in {layout.COORDINATOR_KEY} -outform DER | sha256sum",
        "",
        _("must print {key_sha256}, and the coordinator should confirm that value (or the fingerprint "
          "{fingerprint}) to you by a separate channel: by phone or in person.").format(
            key_sha256=coordinator["public_key_sha256"], fingerprint=coordinator["fingerprint"]),
        "",
        _("3. The documenter signed each bundle the entries and files came in"),
        "",
    ]
    bundles = manifest.get("bundles") or []
    if not bundles:
        lines.append(_("These entries were recorded in the coordinator's own journal: no bundle is involved."))
    unsigned = set(manifest.get("unsigned_bundles") or [])
    for bundle_id in bundles:
        base = f"{layout.BUNDLES}/{bundle_id}"
        if bundle_id in unsigned:
            lines.append("    " + _("{bundle}: imported before this app kept signatures; only its manifest is "
                                      "here.").format(bundle=base))
            continue
        key = manifest.get("bundle_keys", {}).get(bundle_id, "keys/documenter-….pem")
        lines.append(f"    openssl pkeyutl -verify -pubin -inkey {key} -rawin -in {base}/manifest.json "
                     f"-sigfile {base}/manifest.sig")
    if bundles:
        lines += [
            "",
            _("Each must print “Signature Verified Successfully”. A bundle's manifest.json lists the SHA-256 "
              "of every file it carried (“attachments/<SHA-256>”): the SHA-256 of an original, from {sums}, "
              "must appear in the manifest of the bundle its custody.txt names, for example:").format(
                sums=layout.SUMS),
            "",
        ]
        if carried:
            # One line per received original, filled in: the commands a lawyer runs as they are.
            lines += [f"    grep -c {sha256} {layout.BUNDLES}/{bundle_id}/manifest.json    # {path}"
                      for path, sha256, bundle_id in carried]
            lines += ["", _("Each of these must print 1 (or more): the file's SHA-256 is in the manifest the "
                            "documenter signed.")]
        else:
            lines.append(f"    grep -c <SHA-256> {layout.BUNDLES}/<bundle>/manifest.json")
        lines += [
            "",
            _("The documenter's key is also named inside manifest.json (“ed25519_public_key”, base64)."),
        ]
    lines += [
        "",
        _("4. The texts of the entries and their history"),
        "",
        _("entries/*/entry.json holds every saved revision of an entry with its hash: "
          "hash_n = SHA-256(hash_(n-1) + newline + revision n as canonical JSON), revision 1 chained to 64 "
          "zeros (sorted keys, no spaces, UTF-8). A revision removed or changed breaks the chain. "
          "entry.txt and custody.txt are readable renderings of entry.json."),
        _("Incident Journal checks all of the above at once: journal evidence verify PACKAGE"),
        "",
        _("What this proves: that the files and texts are the ones recorded and signed, unchanged since. "
          "What it does not prove: that what was recorded is true, or when it really happened; "
          "a recording is only as trustworthy as the person who made it."),
    ]
    return "\n".join(lines) + "\n"
