<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>%n min left</numerusform>
            <numerusform>%n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h left</source>
        <translation>
            <numerusform>%n h left</numerusform>
            <numerusform>%n h left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::CopyDialog</name>
    <message numerus="yes">
        <source>Preview of %n table(s): nothing written yet.</source>
        <translation>
            <numerusform>Preview of %n table: nothing written yet.</numerusform>
            <numerusform>Preview of %n tables: nothing written yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) look personal and have no rule: the copy will refuse until they have one (Suggest rules adds them).</source>
        <translation>
            <numerusform>%n column looks personal and has no rule: the copy will refuse until it has one (Suggest rules adds it).</numerusform>
            <numerusform>%n columns look personal and have no rule: the copy will refuse until they have one (Suggest rules adds them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %1 rows into %n table(s) in %2 s; %3 column(s) masked.</source>
        <translation>
            <numerusform>Copied %1 rows into %n table in %2 s; %3 column(s) masked.</numerusform>
            <numerusform>Copied %1 rows into %n tables in %2 s; %3 column(s) masked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s), in load order:</source>
        <translation>
            <numerusform>%n table, in load order:</numerusform>
            <numerusform>%n tables, in load order:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::DiagnoseView</name>
    <message numerus="yes">
        <source>%n check(s) on %1 (PostgreSQL %2)</source>
        <translation>
            <numerusform>%n check on %1 (PostgreSQL %2)</numerusform>
            <numerusform>%n checks on %1 (PostgreSQL %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>: %n with problems</source>
        <translation>
            <numerusform>: %n with problems</numerusform>
            <numerusform>: %n with problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n finding(s)</source>
        <translation>
            <numerusform>, %n finding</numerusform>
            <numerusform>, %n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::DiffView</name>
    <message numerus="yes">
        <source>%n object(s) differ</source>
        <translation>
            <numerusform>%n object differs</numerusform>
            <numerusform>%n objects differ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::FleetView</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n target(s)</source>
        <translation>
            <numerusform>%1: %n target</numerusform>
            <numerusform>%1: %n targets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n group(s)</source>
        <translation>
            <numerusform> in %n group</numerusform>
            <numerusform> in %n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n plan(s) computed</source>
        <translation>
            <numerusform>, %n plan computed</numerusform>
            <numerusform>, %n plans computed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n target</numerusform>
            <numerusform>%n targets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::IntentsView</name>
    <message numerus="yes">
        <source>%n intent(s), %1 open conflict(s) in %2</source>
        <translation>
            <numerusform>%n intent, %1 open conflict(s) in %2</numerusform>
            <numerusform>%n intents, %1 open conflict(s) in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) of the plan are analysed against the live database; other intents touching the same objects are listed as conflicts.</source>
        <translation>
            <numerusform>%n statement of the plan is analysed against the live database; other intents touching the same objects are listed as conflicts.</numerusform>
            <numerusform>%n statements of the plan are analysed against the live database; other intents touching the same objects are listed as conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Registered %1 with %n conflict(s): see the Conflicts tab.</source>
        <translation>
            <numerusform>Registered %1 with %n conflict: see the Conflicts tab.</numerusform>
            <numerusform>Registered %1 with %n conflicts: see the Conflicts tab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::MigrationsView</name>
    <message numerus="yes">
        <source>%n migration(s) done; refreshing…</source>
        <translation>
            <numerusform>%n migration done; refreshing…</numerusform>
            <numerusform>%n migrations done; refreshing…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::ModelsView</name>
    <message numerus="yes">
        <source>%n declared table(s)</source>
        <translation>
            <numerusform>%n declared table</numerusform>
            <numerusform>%n declared tables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::MoveView</name>
    <message numerus="yes">
        <source>Cut over: %n table(s) verified, writes paused %1 ms.</source>
        <translation>
            <numerusform>Cut over: %n table verified, writes paused %1 ms.</numerusform>
            <numerusform>Cut over: %n tables verified, writes paused %1 ms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) map as they are: Start uses this mapping.</source>
        <translation>
            <numerusform>%n table maps as it is: Start uses this mapping.</numerusform>
            <numerusform>%n tables map as they are: Start uses this mapping.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The proposal needs review (%n line(s)): save it, correct it and choose the file, or tick &quot;Use the proposed mapping as it is&quot;.</source>
        <translation>
            <numerusform>The proposal needs review (%n line): save it, correct it and choose the file, or tick &quot;Use the proposed mapping as it is&quot;.</numerusform>
            <numerusform>The proposal needs review (%n lines): save it, correct it and choose the file, or tick &quot;Use the proposed mapping as it is&quot;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n table(s) equal to the source (mapped), by count and checksum; %1 rows. The source stays read-only until Release source.</source>
        <translation>
            <numerusform>Verified: %n table equal to the source (mapped), by count and checksum; %1 rows. The source stays read-only until Release source.</numerusform>
            <numerusform>Verified: %n tables equal to the source (mapped), by count and checksum; %1 rows. The source stays read-only until Release source.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::PlanView</name>
    <message numerus="yes">
        <source>Reviewing %1: %n step(s), nothing is applied from a saved plan</source>
        <translation>
            <numerusform>Reviewing %1: %n step, nothing is applied from a saved plan</numerusform>
            <numerusform>Reviewing %1: %n steps, nothing is applied from a saved plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n plan step(s)</source>
        <translation>
            <numerusform>Apply %n plan step</numerusform>
            <numerusform>Apply %n plan steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) done</source>
        <translation>
            <numerusform>%n step done</numerusform>
            <numerusform>%n steps done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed; refreshing…</source>
        <translation>
            <numerusform>, %n failed; refreshing…</numerusform>
            <numerusform>, %n failed; refreshing…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n blocked</source>
        <translation>
            <numerusform>, %n blocked</numerusform>
            <numerusform>, %n blocked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::ProjectView</name>
    <message numerus="yes">
        <source>schema %1 · %n table(s)</source>
        <translation>
            <numerusform>schema %1 · %n table</numerusform>
            <numerusform>schema %1 · %n tables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::SqlView</name>
    <message numerus="yes">
        <source> — %n row(s)</source>
        <translation>
            <numerusform> — %n row</numerusform>
            <numerusform> — %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::Workbench</name>
    <message numerus="yes">
        <source>%n migration(s) applied</source>
        <translation>
            <numerusform>%n migration applied</numerusform>
            <numerusform>%n migrations applied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n convergence change(s)</source>
        <translation>
            <numerusform>, %n convergence change</numerusform>
            <numerusform>, %n convergence changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n blocked</source>
        <translation>
            <numerusform>, %n blocked</numerusform>
            <numerusform>, %n blocked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n failed</numerusform>
            <numerusform>, %n failed</numerusform>
        </translation>
    </message>
</context>
</TS>
