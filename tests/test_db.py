"""journal/storage/db.py: transactions and the work that follows their fate (before/after commit,
on rollback). The database layer knows nothing of attachment files; the journal hooks them in."""

import os

import pytest

from journal.storage.db import Database, apply_pragmas, connect


@pytest.fixture
def db(tmp_path):
    conn = connect(tmp_path / "t.db", os.urandom(32), create=True)
    apply_pragmas(conn)
    conn.execute("CREATE TABLE t (x INTEGER)")
    database = Database(conn)
    yield database
    database.close()


def test_after_commit_hooks_run_after_each_commit_not_after_a_rollback(db):
    seen = []
    db.after_commit(lambda d: seen.append(d.query_one("SELECT count(*) FROM t")[0]))
    with db.transaction() as tx:
        tx.execute("INSERT INTO t VALUES (1)")
        with db.transaction() as inner:  # a savepoint is not a commit
            inner.execute("INSERT INTO t VALUES (2)")
        assert seen == []
    assert seen == [2]  # after the commit, outside the transaction: the rows are there
    with pytest.raises(RuntimeError):
        with db.transaction() as tx:
            tx.execute("INSERT INTO t VALUES (3)")
            raise RuntimeError("rolled back")
    assert seen == [2]


def test_a_failing_after_commit_hook_leaves_the_commit_and_a_committing_hook_does_not_loop(db):
    calls = []

    def commits_itself(d):
        calls.append("again")
        with d.transaction() as tx:
            tx.execute("DELETE FROM t WHERE x = 0")

    def fails(d):
        raise OSError("the hook's own trouble")

    db.after_commit(commits_itself)
    db.after_commit(fails)
    with db.transaction() as tx:
        tx.execute("INSERT INTO t VALUES (5)")
    assert db.query("SELECT x FROM t") == [(5,)]
    assert calls == ["again"]  # the hook's own commit did not run the hooks again


def test_the_database_knows_nothing_of_attachment_files(db):
    assert not hasattr(db, "blob_files")
