<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachmentsPanel</name>
    <message numerus="yes">
        <source>Attaching %n file(s)…</source>
        <translation>
            <numerusform>Attaching %n file…</numerusform>
            <numerusform>Attaching %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>%n file attached.</numerusform>
            <numerusform>%n files attached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Choose a passphrase of at least %n character.</numerusform>
            <numerusform>Choose a passphrase of at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Choose a passphrase of at least %n character.</numerusform>
            <numerusform>Choose a passphrase of at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message numerus="yes">
        <source>The %n selected entries</source>
        <translation>
            <numerusform>The %n selected entry</numerusform>
            <numerusform>The %n selected entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entries in the package: %n</source>
        <translation>
            <numerusform>Entries in the package: %n</numerusform>
            <numerusform>Entries in the package: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Package written to {name}. Entries: %n. It is not encrypted; check it with Reports ▸ Verify evidence package… or VERIFY.txt.</source>
        <translation>
            <numerusform>Package written to {name}. Entries: %n. It is not encrypted; check it with Reports ▸ Verify evidence package… or VERIFY.txt.</numerusform>
            <numerusform>Package written to {name}. Entries: %n. It is not encrypted; check it with Reports ▸ Verify evidence package… or VERIFY.txt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sensitive people left out: %n.</source>
        <translation>
            <numerusform>Sensitive people left out: %n.</numerusform>
            <numerusform>Sensitive people left out: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldSafety</name>
    <message numerus="yes">
        <source>%n wrong attempts. The journal is erased after {limit}.</source>
        <translation>
            <numerusform>%n wrong attempt. The journal is erased after {limit}.</numerusform>
            <numerusform>%n wrong attempts. The journal is erased after {limit}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wrong attempts since the last unlock.</source>
        <translation>
            <numerusform>%n wrong attempt since the last unlock.</numerusform>
            <numerusform>%n wrong attempts since the last unlock.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The check found %n problems. Make a copy of the journal folder before changing anything, and compare with your latest backup:</source>
        <translation>
            <numerusform>The check found %n problem. Make a copy of the journal folder before changing anything, and compare with your latest backup:</numerusform>
            <numerusform>The check found %n problems. Make a copy of the journal folder before changing anything, and compare with your latest backup:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (journal verify on the command line lists every one).</source>
        <translation>
            <numerusform>…and %n more (journal verify on the command line lists every one).</numerusform>
            <numerusform>…and %n more (journal verify on the command line lists every one).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No backup for %n days (Journal → Back up journal…)</source>
        <translation>
            <numerusform>No backup for %n day (Journal → Back up journal…)</numerusform>
            <numerusform>No backup for %n days (Journal → Back up journal…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wrong passphrases in a row: the journal has been erased, as set in the safety settings.</source>
        <translation>
            <numerusform>%n wrong passphrase: the journal has been erased, as set in the safety settings.</numerusform>
            <numerusform>%n wrong passphrases in a row: the journal has been erased, as set in the safety settings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backup written and checked (%n entries).</source>
        <translation>
            <numerusform>Backup written and checked (%n entry).</numerusform>
            <numerusform>Backup written and checked (%n entries).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message numerus="yes">
        <source>Attach %n file(s), {size} in all, to this entry. They are stored encrypted inside the journal.</source>
        <translation>
            <numerusform>Attach %n file, {size} in all, to this entry. They are stored encrypted inside the journal.</numerusform>
            <numerusform>Attach %n files, {size} in all, to this entry. They are stored encrypted inside the journal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message numerus="yes">
        <source>%n new entries</source>
        <translation>
            <numerusform>%n new entry</numerusform>
            <numerusform>%n new entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <comment>entries</comment>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n found{more}</source>
        <translation>
            <numerusform>%n found{more}</numerusform>
            <numerusform>%n found{more}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n selected entries to the trash? Undo brings them back.</source>
        <translation>
            <numerusform>Move %n selected entry to the trash? Undo brings it back.</numerusform>
            <numerusform>Move %n selected entries to the trash? Undo brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries moved to the trash.</source>
        <translation>
            <numerusform>%n entry moved to the trash.</numerusform>
            <numerusform>%n entries moved to the trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries restored.</source>
        <translation>
            <numerusform>%n entry restored.</numerusform>
            <numerusform>%n entries restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n entries in the trash for good? Their history goes too. This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n entry in the trash for good? Its history goes too. This cannot be undone.</numerusform>
            <numerusform>Delete %n entries in the trash for good? Their history goes too. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries deleted for good.</source>
        <translation>
            <numerusform>%n entry deleted for good.</numerusform>
            <numerusform>%n entries deleted for good.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message numerus="yes">
        <source>Remove %n bundle(s) from the outbox without sending?</source>
        <translation>
            <numerusform>Remove %n bundle from the outbox without sending?</numerusform>
            <numerusform>Remove %n bundles from the outbox without sending?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <source>%n ({overdue} overdue)</source>
        <translation>
            <numerusform>%n ({overdue} overdue)</numerusform>
            <numerusform>%n ({overdue} overdue)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleFeature</name>
    <message numerus="yes">
        <source>Overview — %n due</source>
        <translation>
            <numerusform>Overview — %n due</numerusform>
            <numerusform>Overview — %n due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>%n entries will be exported.</source>
        <translation>
            <numerusform>%n entry will be exported.</numerusform>
            <numerusform>%n entries will be exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n entries to {name}. Remember: this file is not encrypted.</source>
        <translation>
            <numerusform>Wrote %n entry to {name}. Remember: this file is not encrypted.</numerusform>
            <numerusform>Wrote %n entries to {name}. Remember: this file is not encrypted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message numerus="yes">
        <source> (chart shows the first %n rows)</source>
        <translation>
            <numerusform> (chart shows the first %n row)</numerusform>
            <numerusform> (chart shows the first %n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries counted.</source>
        <translation>
            <numerusform>%n entry counted.</numerusform>
            <numerusform>%n entries counted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact-log notes</source>
        <translation>
            <numerusform>%n contact-log note</numerusform>
            <numerusform>%n contact-log notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos and files</source>
        <translation>
            <numerusform>%n photo or file</numerusform>
            <numerusform>%n photos and files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;The package does NOT hold.&lt;/b&gt; Checks failed: %n</source>
        <translation>
            <numerusform>&lt;b&gt;The package does NOT hold.&lt;/b&gt; Checks failed: %n</numerusform>
            <numerusform>&lt;b&gt;The package does NOT hold.&lt;/b&gt; Checks failed: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhatPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos and files</source>
        <translation>
            <numerusform>%n photo or file</numerusform>
            <numerusform>%n photos and files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drafts stay on this computer.</source>
        <translation>
            <numerusform>%n draft stays on this computer.</numerusform>
            <numerusform>%n drafts stay on this computer.</numerusform>
        </translation>
    </message>
</context>
</TS>
