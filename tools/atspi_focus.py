"""Print what the AT-SPI bus says about the focused object of the app (used by tools/orca_session.sh).

Run by the system Python (python3-pyatspi). One line: role, name, description, labelled-by, text,
caret, and the line Orca would read at the caret (getTextAtOffset LINE).
"""

from __future__ import annotations

import sys

import pyatspi


def focused(node, depth=0):
    if node is None or depth > 40:
        return None
    try:
        state = node.getState()
        if state.contains(pyatspi.STATE_FOCUSED):
            return node
        if node.getRole() in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE,
                              pyatspi.ROLE_LIST) and not state.contains(pyatspi.STATE_FOCUSED):
            return None
        for child in node:
            found = focused(child, depth + 1)
            if found is not None:
                return found
    except Exception:  # noqa: BLE001 (objects go away while walking)
        return None
    return None


def main() -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is None or "python" not in (app.name or "") and "ui.app" not in (app.name or "") \
                and "ncident" not in (app.name or ""):
            continue
        node = focused(app)
        if node is None:
            continue
        labels = [target.name for relation in node.getRelationSet()
                  if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY
                  for target in (relation.getTarget(i) for i in range(relation.getNTargets()))]
        out = {"role": node.getRoleName(), "name": node.name, "description": node.description,
               "labelled_by": labels}
        try:
            text = node.queryText()
            out["text"] = text.getText(0, -1)
            out["caret"] = text.caretOffset
            out["line_at_caret"] = text.getTextAtOffset(text.caretOffset, pyatspi.TEXT_BOUNDARY_LINE_START)
            out["selection"] = [text.getSelection(i) for i in range(text.getNSelections())]
        except NotImplementedError:
            pass
        print(out)
        return 0
    print("no focused object found")
    return 1


if __name__ == "__main__":
    sys.exit(main())
