<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>plumb::ui::PlanView</name>
    <message numerus="yes">
        <source>%n step(s), %1 blocked</source>
        <translation>
            <numerusform>%n step, %1 blocked</numerusform>
            <numerusform>%n steps, %1 blocked</numerusform>
        </translation>
    </message>
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
</context>
</TS>
