<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Duration</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 is read only</source>
        <translation>%1 ist schreibgeschützt</translation>
    </message>
    <message>
        <source>%1 is refused: %2 is read only (readonly: true in its environment file), so Plumbline changes nothing there.</source>
        <translation>%1 abgelehnt: %2 ist schreibgeschützt (readonly: true in seiner Umgebungsdatei), Plumbline ändert dort nichts.</translation>
    </message>
    <message>
        <source>Change %1?</source>
        <translation>%1 ändern?</translation>
    </message>
    <message>
        <source>%1 on the development database %2?</source>
        <translation>%1 auf der Entwicklungsdatenbank %2?</translation>
    </message>
    <message>
        <source>%1 on %2, which is not a development database.
Type the database name (%3) to go ahead.</source>
        <translation>%1 auf %2, die keine Entwicklungsdatenbank ist.
Geben Sie zum Fortfahren den Datenbanknamen (%3) ein.</translation>
    </message>
    <message>
        <source>Add a database</source>
        <translation>Datenbank hinzufügen</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in settings files</source>
        <translation>Im Schlüsselbund des Systems gespeichert, nie in Einstellungsdateien</translation>
    </message>
    <message>
        <source>Development database (allows one-click sync)</source>
        <translation>Entwicklungsdatenbank (erlaubt Synchronisieren mit einem Klick)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Give the database a name.</source>
        <translation>Geben Sie der Datenbank einen Namen.</translation>
    </message>
    <message>
        <source>Warnings — schema owners</source>
        <translation>Warnungen – Schema-Eigentümer</translation>
    </message>
    <message>
        <source>Operational — maintenance and configuration</source>
        <translation>Betrieb – Wartung und Konfiguration</translation>
    </message>
    <message>
        <source>Informational — context</source>
        <translation>Information – Kontext</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>replayed migrations</source>
        <translation>nachgespielte Migrationen</translation>
    </message>
    <message>
        <source>declared: db/schema</source>
        <translation>deklariert: db/schema</translation>
    </message>
    <message>
        <source>sync converges this</source>
        <translation>Synchronisieren gleicht dies an</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>weicht ab</translation>
    </message>
    <message>
        <source>will be converged</source>
        <translation>wird angeglichen</translation>
    </message>
    <message>
        <source>unmanaged</source>
        <translation>nicht verwaltet</translation>
    </message>
    <message>
        <source>the project has no environment file</source>
        <translation>das Projekt hat keine Umgebungsdatei</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Plumbline, a PostgreSQL schema workbench.</source>
        <translation>Plumbline, eine Werkbank für PostgreSQL-Schemas.</translation>
    </message>
    <message>
        <source>Render the window into a PNG file and exit.</source>
        <translation>Das Fenster in eine PNG-Datei zeichnen und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Open the project in this folder instead of the demo.</source>
        <translation>Das Projekt in diesem Ordner statt der Demo öffnen.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Bring this view to the front (project, models, migrations, plan, diagnose, diff, sql, activity, log).</source>
        <translation>Diese Ansicht in den Vordergrund bringen (project, models, migrations, plan, diagnose, diff, sql, activity, log).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Do not start the private PostgreSQL with the demo database.</source>
        <translation>Das private PostgreSQL mit der Demodatenbank nicht starten.</translation>
    </message>
</context>
<context>
    <name>plumb::ui</name>
    <message>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
</context>
<context>
    <name>plumb::ui::ActivityModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>plumb::ui::ActivityView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected jobs</source>
        <translation>Die gewählten Aufträge abbrechen</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Beendete entfernen</translation>
    </message>
</context>
<context>
    <name>plumb::ui::ConnectionStore</name>
    <message>
        <source>The password for %1 was not saved in the keychain (%2): it is used for this session only.</source>
        <translation>Das Passwort für %1 wurde nicht im Schlüsselbund gespeichert (%2): Es gilt nur für diese Sitzung.</translation>
    </message>
</context>
<context>
    <name>plumb::ui::DiagnoseModel</name>
    <message>
        <source> (held back)</source>
        <translation> (zurückgehalten)</translation>
    </message>
    <message>
        <source>extension %1</source>
        <translation>Erweiterung %1</translation>
    </message>
    <message>
        <source>Check / finding</source>
        <translation>Prüfung / Befund</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
</context>
<context>
    <name>plumb::ui::DiagnoseView</name>
    <message>
        <source>Copy fix</source>
        <translation>Korrektur kopieren</translation>
    </message>
    <message>
        <source>Jump to declaration</source>
        <translation>Zur Deklaration springen</translation>
    </message>
    <message>
        <source>Database: </source>
        <translation>Datenbank: </translation>
    </message>
    <message>
        <source>Run diagnose</source>
        <translation>Diagnose ausführen</translation>
    </message>
    <message>
        <source>Run every health check read-only</source>
        <translation>Alle Zustandsprüfungen nur lesend ausführen</translation>
    </message>
    <message>
        <source>Show passing checks</source>
        <translation>Bestandene Prüfungen zeigen</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Choose a database first.</source>
        <translation>Wählen Sie zuerst eine Datenbank.</translation>
    </message>
    <message>
        <source>Diagnosing %1…</source>
        <translation>Diagnose von %1 …</translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Diagnose failed: %1</source>
        <translation>Diagnose fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>. Statistics are young: usage-based findings are held back.</source>
        <translation>. Die Statistiken sind jung: Befunde, die auf der Nutzung beruhen, werden zurückgehalten.</translation>
    </message>
    <message>
        <source>Caveats:</source>
        <translation>Vorbehalte:</translation>
    </message>
    <message>
        <source>In the schema files: </source>
        <translation>In den Schemadateien: </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) on %1 (PostgreSQL %2)</source>
        <translation>
            <numerusform>%n Prüfung auf %1 (PostgreSQL %2)</numerusform>
            <numerusform>%n Prüfungen auf %1 (PostgreSQL %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>: %n with problems</source>
        <translation>
            <numerusform>: %n mit Problemen</numerusform>
            <numerusform>: %n mit Problemen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n finding(s)</source>
        <translation>
            <numerusform>, %n Befund</numerusform>
            <numerusform>, %n Befunde</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::DiffView</name>
    <message>
        <source>Compare again</source>
        <translation>Erneut vergleichen</translation>
    </message>
    <message>
        <source>Read the live database and the schema files again and compare them</source>
        <translation>Live-Datenbank und Schemadateien erneut lesen und vergleichen</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Filter objects</source>
        <translation>Objekte filtern</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Open a project with a database to compare it with the declaration.</source>
        <translation>Öffnen Sie ein Projekt mit einer Datenbank, um sie mit der Deklaration zu vergleichen.</translation>
    </message>
    <message>
        <source>Compare live and declared</source>
        <translation>Live und deklariert vergleichen</translation>
    </message>
    <message>
        <source>live: %1</source>
        <translation>live: %1</translation>
    </message>
    <message>
        <source>declared: db/schema</source>
        <translation>deklariert: db/schema</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No drift: the live database matches the declaration.</source>
        <translation>Keine Abweichung: Die Live-Datenbank entspricht der Deklaration.</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) differ</source>
        <translation>
            <numerusform>%n Objekt weicht ab</numerusform>
            <numerusform>%n Objekte weichen ab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::MainWindow</name>
    <message>
        <source>Plumbline</source>
        <translation>Plumbline</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>Show or hide the %1 view</source>
        <translation>Die Ansicht %1 zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add database…</source>
        <translation>Datenbank &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Add a database connection; its password goes to the keychain</source>
        <translation>Eine Datenbankverbindung hinzufügen; ihr Passwort kommt in den Schlüsselbund</translation>
    </message>
    <message>
        <source>Open saved pre&amp;flight report…</source>
        <translation>Gespeicherten Pre&amp;flight-Bericht öffnen …</translation>
    </message>
    <message>
        <source>Open a report saved with plumb preflight --format json</source>
        <translation>Einen mit plumb preflight --format json gespeicherten Bericht öffnen</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Review a report saved with plumb preflight --format json</source>
        <translation>Einen mit plumb preflight --format json gespeicherten Bericht prüfen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Timeouts, theme and editor font</source>
        <translation>Zeitlimits, Farbschema, Editorschrift und Sprache</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>Daten&amp;bank</translation>
    </message>
    <message>
        <source>&amp;Sync dev database</source>
        <translation>Entwicklungsdatenbank &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Apply pending migrations, then converge (dev databases only)</source>
        <translation>Ausstehende Migrationen anwenden, dann angleichen (nur Entwicklungsdatenbanken)</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Werkbank</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Put every view back where it started</source>
        <translation>Jede Ansicht an ihren Ausgangsplatz zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Plumbline</source>
        <translation>Ü&amp;ber Plumbline</translation>
    </message>
    <message>
        <source>About Plumbline</source>
        <translation>Über Plumbline</translation>
    </message>
    <message>
        <source>Plumbline %1
A PostgreSQL schema workbench.</source>
        <translation>Plumbline %1
Eine Werkbank für PostgreSQL-Schemas.</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MigrationsModel</name>
    <message>
        <source>The .up.sql changed after it was applied: its checksum no longer matches the ledger. Restore the file, or record the change with a new migration.</source>
        <translation>Die .up.sql wurde nach dem Anwenden geändert: Ihre Prüfsumme stimmt nicht mehr mit dem Journal überein. Stellen Sie die Datei wieder her oder halten Sie die Änderung in einer neuen Migration fest.</translation>
    </message>
    <message>
        <source>The ledger records this migration but its file is gone: restore it, or prune the row (plumb migrate prune).</source>
        <translation>Das Journal verzeichnet diese Migration, aber ihre Datei fehlt: Stellen Sie sie wieder her oder entfernen Sie die Zeile (plumb migrate prune).</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>missing file</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>Angewendet am</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MigrationsView</name>
    <message>
        <source>Apply pending</source>
        <translation>Ausstehende anwenden</translation>
    </message>
    <message>
        <source>Apply the pending migrations, in order</source>
        <translation>Die ausstehenden Migrationen der Reihe nach anwenden</translation>
    </message>
    <message>
        <source>Roll back last</source>
        <translation>Letzte zurücknehmen</translation>
    </message>
    <message>
        <source>Run the down script of the last applied migration</source>
        <translation>Das Down-Skript der zuletzt angewendeten Migration ausführen</translation>
    </message>
    <message>
        <source>Baseline through selected</source>
        <translation>Baseline bis zur gewählten</translation>
    </message>
    <message>
        <source>Record the migrations through the selected one as applied, without running them</source>
        <translation>Die Migrationen bis zur gewählten als angewendet verzeichnen, ohne sie auszuführen</translation>
    </message>
    <message>
        <source>Open a project with a database to see its migrations.</source>
        <translation>Öffnen Sie ein Projekt mit einer Datenbank, um ihre Migrationen zu sehen.</translation>
    </message>
    <message>
        <source>No live database: %1</source>
        <translation>Keine Live-Datenbank: %1</translation>
    </message>
    <message>
        <source>%1 applied, %2 pending, ledger %3</source>
        <translation>%1 angewendet, %2 ausstehend, Journal %3</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>noch nicht angelegt</translation>
    </message>
    <message>
        <source>The migration status could not be read.</source>
        <translation>Der Migrationsstand konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Open a project with a database first.</source>
        <translation>Öffnen Sie zuerst ein Projekt mit einer Datenbank.</translation>
    </message>
    <message>
        <source>Apply every pending migration</source>
        <translation>Alle ausstehenden Migrationen anwenden</translation>
    </message>
    <message>
        <source>Roll back the last migration</source>
        <translation>Die letzte Migration zurücknehmen</translation>
    </message>
    <message>
        <source>Record migrations through %1 as applied</source>
        <translation>Migrationen bis %1 als angewendet verzeichnen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) done; refreshing…</source>
        <translation>
            <numerusform>%n Migration erledigt; wird aktualisiert …</numerusform>
            <numerusform>%n Migrationen erledigt; wird aktualisiert …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::ModelsModel</name>
    <message>
        <source>partitioned by %1</source>
        <translation>partitioniert nach %1</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indexe</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
    <message>
        <source>Foreign keys</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <source>Referenced by</source>
        <translation>Referenziert von</translation>
    </message>
    <message>
        <source>What the plan does here:
%1</source>
        <translation>Was der Plan hier tut:
%1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Declared at</source>
        <translation>Deklariert in</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
</context>
<context>
    <name>plumb::ui::ModelsView</name>
    <message>
        <source>Filter tables and columns</source>
        <translation>Tabellen und Spalten filtern</translation>
    </message>
    <message>
        <source>Open a project to see its tables.</source>
        <translation>Öffnen Sie ein Projekt, um seine Tabellen zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n declared table(s)</source>
        <translation>
            <numerusform>%n deklarierte Tabelle</numerusform>
            <numerusform>%n deklarierte Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source>, compared with the live database</source>
        <translation>, verglichen mit der Live-Datenbank</translation>
    </message>
    <message>
        <source>, no live database</source>
        <translation>, keine Live-Datenbank</translation>
    </message>
</context>
<context>
    <name>plumb::ui::PlanModel</name>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>Risiken</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>prepare</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>structural</source>
        <translation>strukturell</translation>
    </message>
    <message>
        <source>rebuild</source>
        <translation>Neuaufbau</translation>
    </message>
    <message>
        <source>create indexes</source>
        <translation>Indexe anlegen</translation>
    </message>
    <message>
        <source>add constraints</source>
        <translation>Constraints hinzufügen</translation>
    </message>
    <message>
        <source>validate</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>drop constraints</source>
        <translation>Constraints löschen</translation>
    </message>
    <message>
        <source>drop indexes</source>
        <translation>Indexe löschen</translation>
    </message>
    <message>
        <source>convergence</source>
        <translation>Angleichung</translation>
    </message>
    <message>
        <source>rewrites the table</source>
        <translation>schreibt die Tabelle neu</translation>
    </message>
    <message>
        <source>blocks writes</source>
        <translation>blockiert Schreibzugriffe</translation>
    </message>
    <message>
        <source>blocks reads</source>
        <translation>blockiert Lesezugriffe</translation>
    </message>
    <message>
        <source>full scan</source>
        <translation>vollständiger Scan</translation>
    </message>
    <message>
        <source>drops data</source>
        <translation>löscht Daten</translation>
    </message>
    <message>
        <source>may fail on existing rows</source>
        <translation>kann an bestehenden Zeilen scheitern</translation>
    </message>
    <message>
        <source>leaves an invalid index on failure</source>
        <translation>hinterlässt bei Fehlschlag einen ungültigen Index</translation>
    </message>
</context>
<context>
    <name>plumb::ui::PlanView</name>
    <message>
        <source>Compute plan</source>
        <translation>Plan berechnen</translation>
    </message>
    <message>
        <source>Read the live database and the schema files again and plan what must change for the live database to match the declaration</source>
        <translation>Live-Datenbank und Schemadateien erneut lesen und planen, was sich ändern muss, damit die Live-Datenbank der Deklaration entspricht</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>einfach</translation>
    </message>
    <message>
        <source>online: CONCURRENTLY, NOT VALID + VALIDATE, one commit per step; plain: one transaction</source>
        <translation>online: CONCURRENTLY, NOT VALID + VALIDATE, ein Commit pro Schritt; einfach: eine Transaktion</translation>
    </message>
    <message>
        <source>Apply selected</source>
        <translation>Gewählte anwenden</translation>
    </message>
    <message>
        <source>Run the selected steps on the live database</source>
        <translation>Die gewählten Schritte auf der Live-Datenbank ausführen</translation>
    </message>
    <message>
        <source>Apply all</source>
        <translation>Alle anwenden</translation>
    </message>
    <message>
        <source>Run every step of the plan on the live database</source>
        <translation>Jeden Schritt des Plans auf der Live-Datenbank ausführen</translation>
    </message>
    <message>
        <source>Open saved plan…</source>
        <translation>Gespeicherten Plan öffnen …</translation>
    </message>
    <message>
        <source>Open a plan saved with plumb diff --format json</source>
        <translation>Einen mit plumb diff --format json gespeicherten Plan öffnen</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Review a plan saved with plumb diff --format json</source>
        <translation>Einen mit plumb diff --format json gespeicherten Plan prüfen</translation>
    </message>
    <message>
        <source>Open a project with a database, then compute its plan.</source>
        <translation>Öffnen Sie ein Projekt mit einer Datenbank und berechnen Sie dann ihren Plan.</translation>
    </message>
    <message>
        <source>No live database to plan for%1.</source>
        <translation>Keine Live-Datenbank zum Planen%1.</translation>
    </message>
    <message>
        <source>The live database matches the declaration.</source>
        <translation>Die Live-Datenbank entspricht der Deklaration.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s), %1 blocked</source>
        <translation>
            <numerusform>%n Schritt, %1 blockiert</numerusform>
            <numerusform>%n Schritte, %1 blockiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not JSON: %2</source>
        <translation>%1 ist kein JSON: %2</translation>
    </message>
    <message>
        <source>%1 holds no plan: %2</source>
        <translation>%1 enthält keinen Plan: %2</translation>
    </message>
    <message numerus="yes">
        <source>Reviewing %1: %n step(s), nothing is applied from a saved plan</source>
        <translation>
            <numerusform>Durchsicht von %1: %n Schritt, aus einem gespeicherten Plan wird nichts angewendet</numerusform>
            <numerusform>Durchsicht von %1: %n Schritte, aus einem gespeicherten Plan wird nichts angewendet</numerusform>
        </translation>
    </message>
    <message>
        <source>This plan is for review only: compute a plan against a database to apply it.</source>
        <translation>Dieser Plan dient nur der Durchsicht: Berechnen Sie einen Plan gegen eine Datenbank, um ihn anzuwenden.</translation>
    </message>
    <message numerus="yes">
        <source>Apply %n plan step(s)</source>
        <translation>
            <numerusform>%n Planschritt anwenden</numerusform>
            <numerusform>%n Planschritte anwenden</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply plan</source>
        <translation>Plan anwenden</translation>
    </message>
    <message>
        <source>Applying failed: %1</source>
        <translation>Anwenden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Blockiert: %1</translation>
    </message>
    <message>
        <source>Runs outside a transaction.</source>
        <translation>Läuft außerhalb einer Transaktion.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) done</source>
        <translation>
            <numerusform>%n Schritt erledigt</numerusform>
            <numerusform>%n Schritte erledigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed; refreshing…</source>
        <translation>
            <numerusform>, %n fehlgeschlagen; wird aktualisiert …</numerusform>
            <numerusform>, %n fehlgeschlagen; wird aktualisiert …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::ProjectView</name>
    <message>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Projekt öffnen …</translation>
    </message>
    <message>
        <source>Open a project folder</source>
        <translation>Einen Projektordner öffnen</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message numerus="yes">
        <source>schema %1 · %n table(s)</source>
        <translation>
            <numerusform>Schema %1 · %n Tabelle</numerusform>
            <numerusform>Schema %1 · %n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source>read only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Entw.</translation>
    </message>
    <message>
        <source>prod</source>
        <translation>Prod.</translation>
    </message>
    <message>
        <source>Read only (readonly: true): Plumbline changes nothing here</source>
        <translation>Schreibgeschützt (readonly: true): Plumbline ändert hier nichts</translation>
    </message>
    <message>
        <source>Development: one-click sync allowed</source>
        <translation>Entwicklung: Synchronisieren mit einem Klick erlaubt</translation>
    </message>
    <message>
        <source>Not development: changes need the database name typed</source>
        <translation>Keine Entwicklung: Änderungen verlangen die Eingabe des Datenbanknamens</translation>
    </message>
    <message>
        <source>Ignored in the environment files:</source>
        <translation>In den Umgebungsdateien ignoriert:</translation>
    </message>
    <message>
        <source>Open a project folder (it holds db/schema, db/migrations…)</source>
        <translation>Einen Projektordner öffnen (er enthält db/schema, db/migrations …)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
</context>
<context>
    <name>plumb::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>lock_timeout on every convergence DDL statement</source>
        <translation>lock_timeout für jede DDL-Anweisung der Angleichung</translation>
    </message>
    <message>
        <source>statement_timeout on ACCESS EXCLUSIVE convergence steps</source>
        <translation>statement_timeout für Angleichungsschritte mit ACCESS EXCLUSIVE</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>A new language applies when Plumbline starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Plumbline.</translation>
    </message>
    <message>
        <source>Convergence lock timeout</source>
        <translation>Sperr-Zeitlimit der Angleichung</translation>
    </message>
    <message>
        <source>Convergence statement timeout</source>
        <translation>Anweisungs-Zeitlimit der Angleichung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation>Editorschrift</translation>
    </message>
    <message>
        <source>Editor font size</source>
        <translation>Schriftgröße des Editors</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>plumb::ui::SqlView</name>
    <message>
        <source>SELECT ... — Ctrl+Return runs the selection, or everything</source>
        <translation>SELECT ... – Strg+Eingabe führt die Auswahl aus, sonst alles</translation>
    </message>
    <message>
        <source>Database: </source>
        <translation>Datenbank: </translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the selection, or everything</source>
        <translation>Die Auswahl ausführen, sonst alles</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Choose a database first.</source>
        <translation>Wählen Sie zuerst eine Datenbank.</translation>
    </message>
    <message>
        <source>Running on %1…</source>
        <translation>Läuft auf %1 …</translation>
    </message>
    <message>
        <source>Run SQL</source>
        <translation>SQL ausführen</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <source> — %n row(s)</source>
        <translation>
            <numerusform> – %n Zeile</numerusform>
            <numerusform> – %n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source> (first %1 shown)</source>
        <translation> (die ersten %1 angezeigt)</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> in %1</translation>
    </message>
</context>
<context>
    <name>plumb::ui::Views</name>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Open a project folder to see its schema files, environments and databases.</source>
        <translation>Öffnen Sie einen Projektordner, um seine Schemadateien, Umgebungen und Datenbanken zu sehen.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Every declared table with its columns, indexes, constraints and foreign keys, and the file and line that declares it.</source>
        <translation>Jede deklarierte Tabelle mit ihren Spalten, Indexen, Constraints und Fremdschlüsseln sowie der Datei und Zeile, die sie deklariert.</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <source>Applied, pending, missing and modified migrations of the selected database.</source>
        <translation>Angewendete, ausstehende, fehlende und geänderte Migrationen der gewählten Datenbank.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>What must change for the live database to match the declaration, step by step, with the lock each step takes.</source>
        <translation>Was sich ändern muss, damit die Live-Datenbank der Deklaration entspricht, Schritt für Schritt, mit der Sperre, die jeder Schritt nimmt.</translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Health checks of the live database, each finding with a fix.</source>
        <translation>Zustandsprüfungen der Live-Datenbank, jeder Befund mit einer Korrektur.</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <source>Declared and live schema side by side, object by object.</source>
        <translation>Deklariertes und Live-Schema nebeneinander, Objekt für Objekt.</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Write SQL and run it on a chosen database.</source>
        <translation>SQL schreiben und auf einer gewählten Datenbank ausführen.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Running and finished jobs, with progress and cancel.</source>
        <translation>Laufende und beendete Aufträge, mit Fortschritt und Abbruch.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>What was executed, with timestamps.</source>
        <translation>Was ausgeführt wurde, mit Zeitstempeln.</translation>
    </message>
</context>
<context>
    <name>plumb::ui::Workbench</name>
    <message>
        <source>Start local PostgreSQL</source>
        <translation>Lokales PostgreSQL starten</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>eingebettet</translation>
    </message>
    <message>
        <source>The embedded PostgreSQL did not start: %1</source>
        <translation>Das eingebettete PostgreSQL ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Local PostgreSQL running, reachable only by you (Unix socket in %1)</source>
        <translation>Lokales PostgreSQL läuft, nur für Sie erreichbar (Unix-Socket in %1)</translation>
    </message>
    <message>
        <source>Prepare demo project</source>
        <translation>Demoprojekt vorbereiten</translation>
    </message>
    <message>
        <source>demo (local)</source>
        <translation>Demo (lokal)</translation>
    </message>
    <message>
        <source>The demo project did not open: %1</source>
        <translation>Das Demoprojekt wurde nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>Sync runs only on a development database (dev: true in the environment).</source>
        <translation>Synchronisieren läuft nur auf einer Entwicklungsdatenbank (dev: true in der Umgebung).</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) applied</source>
        <translation>
            <numerusform>%n Migration angewendet</numerusform>
            <numerusform>%n Migrationen angewendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n convergence change(s)</source>
        <translation>
            <numerusform>, %n Angleichungsänderung</numerusform>
            <numerusform>, %n Angleichungsänderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n blocked</source>
        <translation>
            <numerusform>, %n blockiert</numerusform>
            <numerusform>, %n blockiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisieren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Synced: %1</source>
        <translation>Synchronisiert: %1</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>The project did not open: %1</source>
        <translation>Das Projekt wurde nicht geöffnet: %1</translation>
    </message>
    <message>
        <source> (dev)</source>
        <translation> (Entw.)</translation>
    </message>
    <message>
        <source> (read only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
</context>
</TS>
