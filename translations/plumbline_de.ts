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
        <source>Change %1?</source>
        <translation>%1 ändern?</translation>
    </message>
    <message>
        <source>%1 on the development database %2?</source>
        <translation>%1 auf der Entwicklungsdatenbank %2?</translation>
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
        <source>Read-only database</source>
        <translation>Schreibgeschützte Datenbank</translation>
    </message>
    <message>
        <source>%1 is read-only (%2): Plumbline changes nothing there.</source>
        <translation>%1 ist schreibgeschützt (%2): Plumbline ändert dort nichts.</translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation>%1 prüfen</translation>
    </message>
    <message>
        <source>the server did not answer: %1</source>
        <translation>der Server hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>apply migration %1</source>
        <translation>Migration %1 anwenden</translation>
    </message>
    <message>
        <source>converge: %1</source>
        <translation>angleichen: %1</translation>
    </message>
    <message>
        <source>left alone (blocked): %1</source>
        <translation>unverändert gelassen (blockiert): %1</translation>
    </message>
    <message>
        <source>then converge what the migrations leave to the declared schema (indexes, constraints, NOT NULL, defaults)</source>
        <translation>danach angleichen, was die Migrationen vom deklarierten Schema offen lassen (Indexe, Constraints, NOT NULL, Vorgabewerte)</translation>
    </message>
    <message>
        <source>nothing: the database is in sync</source>
        <translation>nichts: die Datenbank ist synchron</translation>
    </message>
    <message>
        <source>added in Plumbline</source>
        <translation>in Plumbline hinzugefügt</translation>
    </message>
    <message>
        <source>it was added without the development mark</source>
        <translation>sie wurde ohne die Entwicklungsmarkierung hinzugefügt</translation>
    </message>
    <message>
        <source>no lease (Confiture)</source>
        <translation>keine Reservierung (Confiture)</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>noch %n Min.</numerusform>
            <numerusform>noch %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h left</source>
        <translation>
            <numerusform>noch %n Std.</numerusform>
            <numerusform>noch %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only environment</source>
        <translation>Schreibgeschützte Umgebung</translation>
    </message>
    <message>
        <source>%1 is read-only (readonly: true): Plumbline changes nothing there.</source>
        <translation>%1 ist schreibgeschützt (readonly: true): Plumbline ändert dort nichts.</translation>
    </message>
    <message>
        <source>%1 on the development fleet %2?</source>
        <translation>%1 auf der Entwicklungsflotte %2?</translation>
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
    <name>plumb::ui::ConfirmChangeDialog</name>
    <message>
        <source>%1 on %2?</source>
        <translation>%1 auf %2?</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>URL from</source>
        <translation>URL aus</translation>
    </message>
    <message>
        <source>Protected: %1.</source>
        <translation>Geschützt: %1.</translation>
    </message>
    <message>
        <source>What will run:</source>
        <translation>Was ausgeführt wird:</translation>
    </message>
    <message>
        <source>Type the database name, %1, to go ahead:</source>
        <translation>Geben Sie zum Fortfahren den Datenbanknamen %1 ein:</translation>
    </message>
    <message>
        <source>Type the environment&apos;s name, %1, to go ahead:</source>
        <translation>Geben Sie zum Fortfahren den Namen der Umgebung %1 ein:</translation>
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
    <name>plumb::ui::CopyDialog</name>
    <message>
        <source>Create the tables from the source&apos;s schema (empty target)</source>
        <translation>Die Tabellen aus dem Schema der Quelle anlegen (leeres Ziel)</translation>
    </message>
    <message>
        <source>Empty target tables that hold rows</source>
        <translation>Zieltabellen leeren, die Zeilen enthalten</translation>
    </message>
    <message>
        <source>Resume an interrupted copy</source>
        <translation>Eine unterbrochene Kopie fortsetzen</translation>
    </message>
    <message>
        <source>Compare checksums of unmasked columns</source>
        <translation>Prüfsummen der unmaskierten Spalten vergleichen</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <source>&amp;Suggest rules</source>
        <translation>Regeln &amp;vorschlagen</translation>
    </message>
    <message>
        <source>Copy a database, masking personal data</source>
        <translation>Eine Datenbank kopieren und personenbezogene Daten maskieren</translation>
    </message>
    <message>
        <source>all tables; or globs on schema.table, comma-separated</source>
        <translation>alle Tabellen; oder Muster auf schema.tabelle, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Preview shows what will be copied and masked, and what looks personal but has no rule. Nothing is written.</source>
        <translation>Die Vorschau zeigt, was kopiert und maskiert wird und was personenbezogen aussieht, aber keine Regel hat. Es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Add a rule for every column that looks personal and has none</source>
        <translation>Eine Regel für jede Spalte hinzufügen, die personenbezogen aussieht und keine hat</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Except</source>
        <translation>Außer</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Masking rules</source>
        <translation>Maskierungsregeln</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>New key…</source>
        <translation>Neuer Schlüssel …</translation>
    </message>
    <message>
        <source>Make a new random masking key and keep it in the system keychain</source>
        <translation>Einen neuen zufälligen Maskierungsschlüssel erzeugen und im Schlüsselbund des Systems ablegen</translation>
    </message>
    <message>
        <source>Masked rows of</source>
        <translation>Maskierte Zeilen von</translation>
    </message>
    <message>
        <source>Replace the masking key?</source>
        <translation>Den Maskierungsschlüssel ersetzen?</translation>
    </message>
    <message>
        <source>Copies masked with a new key do not match copies made with the current one. Make a new key?</source>
        <translation>Mit einem neuen Schlüssel maskierte Kopien passen nicht zu Kopien mit dem aktuellen. Einen neuen Schlüssel erzeugen?</translation>
    </message>
    <message>
        <source>No masking key yet: keyed strategies (hash, email, phone, name…) need one. Make one with New key…, or set PLUMB_MASKING_KEY.</source>
        <translation>Noch kein Maskierungsschlüssel: Verfahren mit Schlüssel (hash, email, phone, name …) brauchen einen. Erzeugen Sie einen mit „Neuer Schlüssel …“ oder setzen Sie PLUMB_MASKING_KEY.</translation>
    </message>
    <message>
        <source>Masking key %1, from %2. It is not part of the rules, and Plumbline never writes it anywhere else.</source>
        <translation>Maskierungsschlüssel %1, aus %2. Er gehört nicht zu den Regeln, und Plumbline schreibt ihn nirgendwo sonst hin.</translation>
    </message>
    <message>
        <source>Choose the database to copy from and the one to copy into.</source>
        <translation>Wählen Sie die Quell- und die Zieldatenbank der Kopie.</translation>
    </message>
    <message>
        <source>The source and the target are the same database.</source>
        <translation>Quelle und Ziel sind dieselbe Datenbank.</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Reading the source and planning the copy…</source>
        <translation>Die Quelle wird gelesen und die Kopie geplant …</translation>
    </message>
    <message>
        <source>Preview copy</source>
        <translation>Vorschau der Kopie</translation>
    </message>
    <message>
        <source>The copy cannot run as planned: see the plan.</source>
        <translation>Die Kopie kann so nicht laufen: siehe Plan.</translation>
    </message>
    <message numerus="yes">
        <source>Preview of %n table(s): nothing written yet.</source>
        <translation>
            <numerusform>Vorschau von %n Tabelle: noch nichts geschrieben.</numerusform>
            <numerusform>Vorschau von %n Tabellen: noch nichts geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) look personal and have no rule: the copy will refuse until they have one (Suggest rules adds them).</source>
        <translation>
            <numerusform>%n Spalte sieht personenbezogen aus und hat keine Regel: Die Kopie verweigert, bis sie eine hat („Regeln vorschlagen“ fügt sie hinzu).</numerusform>
            <numerusform>%n Spalten sehen personenbezogen aus und haben keine Regel: Die Kopie verweigert, bis sie eine haben („Regeln vorschlagen“ fügt sie hinzu).</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the rows of %1 into %2 (its tables&apos; rows are replaced)</source>
        <translation>Die Zeilen von %1 nach %2 kopieren (die Zeilen seiner Tabellen werden ersetzt)</translation>
    </message>
    <message>
        <source>Canceled: nothing was copied.</source>
        <translation>Abgebrochen: Es wurde nichts kopiert.</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Wird kopiert …</translation>
    </message>
    <message>
        <source>Copy database</source>
        <translation>Datenbank kopieren</translation>
    </message>
    <message>
        <source>The copy failed: see the plan pane.</source>
        <translation>Die Kopie ist fehlgeschlagen: siehe Planbereich.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %1 rows into %n table(s) in %2 s; %3 column(s) masked.</source>
        <translation>
            <numerusform>%1 Zeilen in %n Tabelle in %2 s kopiert; %3 Spalte(n) maskiert.</numerusform>
            <numerusform>%1 Zeilen in %n Tabellen in %2 s kopiert; %3 Spalte(n) maskiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1
To %2</source>
        <translation>Von %1
Nach %2</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>WARNUNG: %1</translation>
    </message>
    <message>
        <source>NO RULE: %1.%2 looks like %3 (%4); suggested: %5</source>
        <translation>KEINE REGEL: %1.%2 sieht aus wie %3 (%4); Vorschlag: %5</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s), in load order:</source>
        <translation>
            <numerusform>%n Tabelle, in Ladereihenfolge:</numerusform>
            <numerusform>%n Tabellen, in Ladereihenfolge:</numerusform>
        </translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Open masking rules</source>
        <translation>Maskierungsregeln öffnen</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Save masking rules</source>
        <translation>Maskierungsregeln speichern</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>plumb::ui::CopyPreviewModel</name>
    <message>
        <source>Masked by the rules</source>
        <translation>Durch die Regeln maskiert</translation>
    </message>
    <message>
        <source>Copied as it is</source>
        <translation>Unverändert kopiert</translation>
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
    <message>
        <source>compare</source>
        <translation>Vergleich</translation>
    </message>
</context>
<context>
    <name>plumb::ui::FleetView</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Anwenden …</translation>
    </message>
    <message>
        <source>The project&apos;s environments that name a fleet</source>
        <translation>Die Umgebungen des Projekts, die eine Flotte nennen</translation>
    </message>
    <message>
        <source>Read every target, group them by live fingerprint and plan each group</source>
        <translation>Jedes Ziel lesen, nach Live-Fingerabdruck gruppieren und jede Gruppe planen</translation>
    </message>
    <message>
        <source>Apply each group&apos;s plan in waves: a canary first, then the rest</source>
        <translation>Den Plan jeder Gruppe in Wellen anwenden: zuerst ein Kanarienvogel, dann der Rest</translation>
    </message>
    <message>
        <source>Open a project with an environment that names a fleet (fleet: urls, databases or schemas).</source>
        <translation>Öffnen Sie ein Projekt mit einer Umgebung, die eine Flotte nennt (fleet: urls, databases oder schemas).</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>Welle</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Fleet:</source>
        <translation>Flotte:</translation>
    </message>
    <message>
        <source>Reading the fleet %1…</source>
        <translation>Die Flotte %1 wird gelesen …</translation>
    </message>
    <message>
        <source>Plan fleet</source>
        <translation>Flotte planen</translation>
    </message>
    <message>
        <source>Not planned: %1</source>
        <translation>Nicht geplant: %1</translation>
    </message>
    <message>
        <source>nothing to do</source>
        <translation>nichts zu tun</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>drifted</source>
        <translation>abgewichen</translation>
    </message>
    <message>
        <source>the norm</source>
        <translation>die Norm</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n target(s)</source>
        <translation>
            <numerusform>%1: %n Ziel</numerusform>
            <numerusform>%1: %n Ziele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n group(s)</source>
        <translation>
            <numerusform> in %n Gruppe</numerusform>
            <numerusform> in %n Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n plan(s) computed</source>
        <translation>
            <numerusform>, %n Plan berechnet</numerusform>
            <numerusform>, %n Pläne berechnet</numerusform>
        </translation>
    </message>
    <message>
        <source>Environment: %1 (%2)</source>
        <translation>Umgebung: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n Ziel</numerusform>
            <numerusform>%n Ziele</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply the fleet plan</source>
        <translation>Den Flottenplan anwenden</translation>
    </message>
    <message>
        <source>Applying to the fleet %1…</source>
        <translation>Wird auf die Flotte %1 angewendet …</translation>
    </message>
    <message>
        <source>Apply fleet</source>
        <translation>Flotte anwenden</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Angewendet.</translation>
    </message>
    <message>
        <source>Not all applied: plan again, then apply the rest.</source>
        <translation>Nicht alles angewendet: erneut planen, dann den Rest anwenden.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Not planned: open a project with an environment that names a fleet.</source>
        <translation>Nicht geplant: Öffnen Sie ein Projekt mit einer Umgebung, die eine Flotte nennt.</translation>
    </message>
    <message>
        <source>Not planned: the declared schema is not built yet (see the Activity view).</source>
        <translation>Nicht geplant: Das deklarierte Schema ist noch nicht gebaut (siehe die Ansicht Aktivität).</translation>
    </message>
</context>
<context>
    <name>plumb::ui::IntentConflictsModel</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Mit</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
</context>
<context>
    <name>plumb::ui::IntentObjectsModel</name>
    <message>
        <source>Depends on %1, which the change drops, renames or redefines</source>
        <translation>Hängt von %1 ab, das die Änderung löscht, umbenennt oder neu definiert</translation>
    </message>
    <message>
        <source>, whole table</source>
        <translation>, ganze Tabelle</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>present (%1…)</source>
        <translation>vorhanden (%1 …)</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>At registration</source>
        <translation>Bei der Registrierung</translation>
    </message>
</context>
<context>
    <name>plumb::ui::IntentsModel</name>
    <message>
        <source>Feature</source>
        <translation>Feature</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Reservierung</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Offene Konflikte</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>plumb::ui::IntentsView</name>
    <message>
        <source>Show finished</source>
        <translation>Beendete anzeigen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the intent registry of the live database again</source>
        <translation>Das Vorhabenregister der Live-Datenbank neu lesen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Mark the selected intent in progress</source>
        <translation>Das gewählte Vorhaben als in Arbeit markieren</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Mark the selected intent completed</source>
        <translation>Das gewählte Vorhaben als abgeschlossen markieren</translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation>Aufgeben</translation>
    </message>
    <message>
        <source>Give the selected intent up: its objects are free again</source>
        <translation>Das gewählte Vorhaben aufgeben: Seine Objekte sind wieder frei</translation>
    </message>
    <message>
        <source>Renew lease</source>
        <translation>Reservierung verlängern</translation>
    </message>
    <message>
        <source>Extend the selected intent&apos;s lease by its own length from now</source>
        <translation>Die Reservierung des gewählten Vorhabens ab jetzt um ihre eigene Dauer verlängern</translation>
    </message>
    <message>
        <source>Review conflict…</source>
        <translation>Konflikt prüfen …</translation>
    </message>
    <message>
        <source>Mark the conflict selected in the Conflicts tab reviewed, with how it was settled</source>
        <translation>Den im Reiter „Konflikte“ gewählten Konflikt als geprüft markieren, mit seiner Lösung</translation>
    </message>
    <message>
        <source>Also list completed, merged, abandoned and expired intents</source>
        <translation>Auch abgeschlossene, zusammengeführte, aufgegebene und abgelaufene Vorhaben auflisten</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Change and history</source>
        <translation>Änderung und Verlauf</translation>
    </message>
    <message>
        <source>Open a project with a database to see the changes planned on it.</source>
        <translation>Öffnen Sie ein Projekt mit einer Datenbank, um die darauf geplanten Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>No live database to read intents from%1.</source>
        <translation>Keine Live-Datenbank, aus der Vorhaben gelesen werden können%1.</translation>
    </message>
    <message>
        <source>Read intents</source>
        <translation>Vorhaben lesen</translation>
    </message>
    <message>
        <source>Reading the intents failed: %1</source>
        <translation>Das Lesen der Vorhaben ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No intents registered in %1 yet. Register a plan from the Plan view, or use plumb intent register.</source>
        <translation>In %1 sind noch keine Vorhaben registriert. Registrieren Sie einen Plan in der Plan-Ansicht oder mit plumb intent register.</translation>
    </message>
    <message numerus="yes">
        <source>%n intent(s), %1 open conflict(s) in %2</source>
        <translation>
            <numerusform>%n Vorhaben, %1 offene(r) Konflikt(e) in %2</numerusform>
            <numerusform>%n Vorhaben, %1 offene(r) Konflikt(e) in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>-- %1 by %2, branch %3</source>
        <translation>-- %1 von %2, Branch %3</translation>
    </message>
    <message>
        <source>-- registered by %1 from %2 %3; lease until %4</source>
        <translation>-- registriert von %1 aus %2 %3; reserviert bis %4</translation>
    </message>
    <message>
        <source>Read intent history</source>
        <translation>Verlauf des Vorhabens lesen</translation>
    </message>
    <message>
        <source>-- history</source>
        <translation>-- Verlauf</translation>
    </message>
    <message>
        <source>Open a project with a database first.</source>
        <translation>Öffnen Sie zuerst ein Projekt mit einer Datenbank.</translation>
    </message>
    <message>
        <source>Select an intent first.</source>
        <translation>Wählen Sie zuerst ein Vorhaben.</translation>
    </message>
    <message>
        <source>Update intent</source>
        <translation>Vorhaben aktualisieren</translation>
    </message>
    <message>
        <source>from the workbench</source>
        <translation>aus der Werkbank</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 ist %2.</translation>
    </message>
    <message>
        <source>Renew intent lease</source>
        <translation>Reservierung des Vorhabens verlängern</translation>
    </message>
    <message>
        <source>%1 holds its objects until %2.</source>
        <translation>%1 hält seine Objekte bis %2.</translation>
    </message>
    <message>
        <source>Select a conflict in the Conflicts tab first.</source>
        <translation>Wählen Sie zuerst einen Konflikt im Reiter „Konflikte“.</translation>
    </message>
    <message>
        <source>Review conflict</source>
        <translation>Konflikt prüfen</translation>
    </message>
    <message>
        <source>How was the %1 conflict on %2 settled?</source>
        <translation>Wie wurde der Konflikt %1 auf %2 gelöst?</translation>
    </message>
    <message>
        <source>Conflict %1 reviewed.</source>
        <translation>Konflikt %1 geprüft.</translation>
    </message>
    <message>
        <source>The plan is empty: nothing to register.</source>
        <translation>Der Plan ist leer: nichts zu registrieren.</translation>
    </message>
    <message>
        <source>Register plan as an intent</source>
        <translation>Plan als Vorhaben registrieren</translation>
    </message>
    <message>
        <source>e.g. orders_status_index</source>
        <translation>z. B. orders_status_index</translation>
    </message>
    <message>
        <source> h</source>
        <translation> Std.</translation>
    </message>
    <message>
        <source>Agent or person:</source>
        <translation>Agent oder Person:</translation>
    </message>
    <message>
        <source>Feature:</source>
        <translation>Feature:</translation>
    </message>
    <message>
        <source>Lease:</source>
        <translation>Reservierung:</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) of the plan are analysed against the live database; other intents touching the same objects are listed as conflicts.</source>
        <translation>
            <numerusform>%n Anweisung des Plans wird gegen die Live-Datenbank analysiert; andere Vorhaben, die dieselben Objekte berühren, werden als Konflikte aufgeführt.</numerusform>
            <numerusform>%n Anweisungen des Plans werden gegen die Live-Datenbank analysiert; andere Vorhaben, die dieselben Objekte berühren, werden als Konflikte aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>An intent needs an agent and a feature name.</source>
        <translation>Ein Vorhaben braucht einen Agenten und einen Feature-Namen.</translation>
    </message>
    <message>
        <source>Plan view (%1)</source>
        <translation>Plan-Ansicht (%1)</translation>
    </message>
    <message>
        <source>Register intent</source>
        <translation>Vorhaben registrieren</translation>
    </message>
    <message>
        <source>Registering failed: %1</source>
        <translation>Die Registrierung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Registered %1.</source>
        <translation>%1 registriert.</translation>
    </message>
    <message numerus="yes">
        <source>Registered %1 with %n conflict(s): see the Conflicts tab.</source>
        <translation>
            <numerusform>%1 mit %n Konflikt registriert: siehe Reiter „Konflikte“.</numerusform>
            <numerusform>%1 mit %n Konflikten registriert: siehe Reiter „Konflikte“.</numerusform>
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
    <message>
        <source>&amp;Sync database</source>
        <translation>Datenbank &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Apply pending migrations, then converge: one click on a dev database, the database name typed on any other</source>
        <translation>Ausstehende Migrationen anwenden, dann angleichen: ein Klick auf einer Entwicklungsdatenbank, auf jeder anderen mit eingegebenem Datenbanknamen</translation>
    </message>
    <message>
        <source>&amp;Copy database…</source>
        <translation>Datenbank &amp;kopieren …</translation>
    </message>
    <message>
        <source>Copy one database&apos;s rows into another, masking personal data on the way</source>
        <translation>Die Zeilen einer Datenbank in eine andere kopieren und dabei personenbezogene Daten maskieren</translation>
    </message>
    <message>
        <source>Quit while a change runs?</source>
        <translation>Beenden, während eine Änderung läuft?</translation>
    </message>
    <message>
        <source>A change is running on a database. Quitting cancels it: the step in flight is rolled back, steps already committed stay. Quit anyway?</source>
        <translation>Auf einer Datenbank läuft eine Änderung. Beenden bricht sie ab: Der laufende Schritt wird zurückgerollt, bereits festgeschriebene Schritte bleiben. Trotzdem beenden?</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MaskingKeyStore</name>
    <message>
        <source>the keychain</source>
        <translation>dem Schlüsselbund</translation>
    </message>
    <message>
        <source>No random bytes for a new masking key: try again.</source>
        <translation>Keine Zufallsbytes für einen neuen Maskierungsschlüssel: Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>dieser Sitzung</translation>
    </message>
    <message>
        <source>The new masking key was not saved in the keychain (%1): it masks this session&apos;s copies only, and later copies will not match them.</source>
        <translation>Der neue Maskierungsschlüssel wurde nicht im Schlüsselbund gespeichert (%1): Er maskiert nur die Kopien dieser Sitzung, und spätere Kopien passen nicht zu ihnen.</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MigrationsModel</name>
    <message>
        <source>The migration file changed after it was applied: its checksum no longer matches the ledger. Restore the file, or record the change with a new migration.</source>
        <translation>Die Migrationsdatei wurde nach dem Anwenden geändert: Ihre Prüfsumme stimmt nicht mehr mit dem Journal überein. Stellen Sie die Datei wieder her oder halten Sie die Änderung in einer neuen Migration fest.</translation>
    </message>
    <message>
        <source>A Python migration (.py): Plumbline runs its up() and down() with the Python interpreter set in Settings (python3 from PATH when none is set), in the transaction that writes its ledger row.</source>
        <translation>Eine Python-Migration (.py): Plumbline führt ihre Methoden up() und down() mit dem in den Einstellungen gewählten Python-Interpreter aus (python3 aus PATH, wenn keiner gewählt ist), in der Transaktion, die ihre Journalzeile schreibt.</translation>
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
    <message>
        <source>roll back %1</source>
        <translation>%1 zurückrollen</translation>
    </message>
    <message>
        <source>Canceled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
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
    <name>plumb::ui::MoveTablesModel</name>
    <message>
        <source>Source table</source>
        <translation>Quelltabelle</translation>
    </message>
    <message>
        <source>Target table</source>
        <translation>Zieltabelle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Checksum (verified)</source>
        <translation>Prüfsumme (geprüft)</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MoveView</name>
    <message>
        <source>%1 is read-only: a move installs change capture on its source.</source>
        <translation>%1 ist schreibgeschützt: ein Umzug richtet an seiner Quelle eine Änderungserfassung ein.</translation>
    </message>
    <message>
        <source>Move the rows of %1 into %2 and keep applying its writes until the cutover</source>
        <translation>Die Zeilen von %1 nach %2 umziehen und ihre Schreibzugriffe bis zum Umschalten weiter anwenden</translation>
    </message>
    <message>
        <source>install change capture (triggers) on the source&apos;s moved tables</source>
        <translation>Änderungserfassung (Trigger) an den umziehenden Tabellen der Quelle einrichten</translation>
    </message>
    <message>
        <source>copy every mapped table into the target from one snapshot</source>
        <translation>jede zugeordnete Tabelle aus einem Snapshot ins Ziel kopieren</translation>
    </message>
    <message>
        <source>apply the writes made meanwhile until a cutover or an abort</source>
        <translation>die inzwischen geschriebenen Änderungen bis zum Umschalten oder Abbruch anwenden</translation>
    </message>
    <message>
        <source>Canceled: nothing was changed.</source>
        <translation>Abgebrochen: nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Starting the move…</source>
        <translation>Umzug wird gestartet…</translation>
    </message>
    <message>
        <source>Move into %1</source>
        <translation>Umzug nach %1</translation>
    </message>
    <message>
        <source>The move stopped: %1</source>
        <translation>Der Umzug wurde beendet: %1</translation>
    </message>
    <message numerus="yes">
        <source>Cut over: %n table(s) verified, writes paused %1 ms.</source>
        <translation>
            <numerusform>Umgeschaltet: %n Tabelle geprüft, Schreibzugriffe %1 ms angehalten.</numerusform>
            <numerusform>Umgeschaltet: %n Tabellen geprüft, Schreibzugriffe %1 ms angehalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Aborted: the source has no capture left.</source>
        <translation>Abgebrochen: die Quelle hat keine Erfassung mehr.</translation>
    </message>
    <message>
        <source>Cut over: block writes on %1</source>
        <translation>Umschalten: Schreibzugriffe auf %1 sperren</translation>
    </message>
    <message>
        <source>block every write to the source&apos;s moved tables (until Release source)</source>
        <translation>jeden Schreibzugriff auf die umziehenden Tabellen der Quelle sperren (bis „Quelle freigeben“)</translation>
    </message>
    <message>
        <source>apply the last captured changes and set the sequences</source>
        <translation>die letzten erfassten Änderungen anwenden und die Sequenzen setzen</translation>
    </message>
    <message>
        <source>verify counts and checksums of every mapped table on both sides</source>
        <translation>Anzahlen und Prüfsummen jeder zugeordneten Tabelle auf beiden Seiten prüfen</translation>
    </message>
    <message>
        <source>Canceled: the source takes writes as before.</source>
        <translation>Abgebrochen: die Quelle nimmt weiter Schreibzugriffe an.</translation>
    </message>
    <message>
        <source>Cutting over…</source>
        <translation>Umschalten läuft…</translation>
    </message>
    <message>
        <source>Cut over into %1</source>
        <translation>Umschalten nach %1</translation>
    </message>
    <message>
        <source>The cutover did not finish: %1</source>
        <translation>Das Umschalten wurde nicht beendet: %1</translation>
    </message>
    <message>
        <source>Cut over: the target equals the source (mapped); writes to the source stay blocked until Release source.</source>
        <translation>Umgeschaltet: das Ziel gleicht der Quelle (zugeordnet); Schreibzugriffe auf die Quelle bleiben bis „Quelle freigeben“ gesperrt.</translation>
    </message>
    <message>
        <source>Abort the move?</source>
        <translation>Umzug abbrechen?</translation>
    </message>
    <message>
        <source>Abort the move into %1? The capture is removed from the source, which is left as it was; the rows copied so far stay in the target.</source>
        <translation>Den Umzug nach %1 abbrechen? Die Erfassung wird von der Quelle entfernt, die bleibt, wie sie war; die bisher kopierten Zeilen bleiben im Ziel.</translation>
    </message>
    <message>
        <source>Aborting…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Abort move</source>
        <translation>Umzug abbrechen</translation>
    </message>
    <message>
        <source>Aborted: the source has no capture left; the rows copied so far stay in the target.</source>
        <translation>Abgebrochen: die Quelle hat keine Erfassung mehr; die bisher kopierten Zeilen bleiben im Ziel.</translation>
    </message>
    <message>
        <source>The abort failed: %1</source>
        <translation>Der Abbruch ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Releasing the source…</source>
        <translation>Quelle wird freigegeben…</translation>
    </message>
    <message>
        <source>Release move source</source>
        <translation>Umzugsquelle freigeben</translation>
    </message>
    <message>
        <source>Released: the source takes writes again.</source>
        <translation>Freigegeben: die Quelle nimmt wieder Schreibzugriffe an.</translation>
    </message>
    <message>
        <source>The release failed: %1</source>
        <translation>Die Freigabe ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>preparing (installing change capture on the source)</source>
        <translation>Vorbereitung (Änderungserfassung wird an der Quelle eingerichtet)</translation>
    </message>
    <message>
        <source>copying</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>catching up</source>
        <translation>Aufholen</translation>
    </message>
    <message>
        <source>cutting over</source>
        <translation>Umschalten</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Use the proposed mapping as it is</source>
        <translation>Die vorgeschlagene Zuordnung unverändert verwenden</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the move&apos;s state in the target again</source>
        <translation>Den Stand des Umzugs im Ziel neu lesen</translation>
    </message>
    <message>
        <source>Propose mapping</source>
        <translation>Zuordnung vorschlagen</translation>
    </message>
    <message>
        <source>Read both catalogs and show where each source table and column goes; nothing is written</source>
        <translation>Beide Kataloge lesen und zeigen, wohin jede Quelltabelle und -spalte geht; nichts wird geschrieben</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Install change capture on the source, copy every table, then apply the writes made meanwhile until the cutover</source>
        <translation>Änderungserfassung an der Quelle einrichten, jede Tabelle kopieren, dann die inzwischen geschriebenen Änderungen bis zum Umschalten anwenden</translation>
    </message>
    <message>
        <source>Cutover…</source>
        <translation>Umschalten…</translation>
    </message>
    <message>
        <source>Block writes on the source, apply the last changes and verify that the target equals the source (the source&apos;s name is typed)</source>
        <translation>Schreibzugriffe auf die Quelle sperren, die letzten Änderungen anwenden und prüfen, dass das Ziel der Quelle gleicht (der Name der Quelle wird eingetippt)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the move and remove the capture, leaving the source as it was</source>
        <translation>Den Umzug beenden und die Erfassung entfernen; die Quelle bleibt, wie sie war</translation>
    </message>
    <message>
        <source>Release source</source>
        <translation>Quelle freigeben</translation>
    </message>
    <message>
        <source>After a cutover: let the source take writes again</source>
        <translation>Nach dem Umschalten: die Quelle wieder Schreibzugriffe annehmen lassen</translation>
    </message>
    <message>
        <source>none: the proposal (a Confiture mapping file is read as it is)</source>
        <translation>keine: der Vorschlag (eine Confiture-Zuordnungsdatei wird unverändert gelesen)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Save proposal…</source>
        <translation>Vorschlag speichern…</translation>
    </message>
    <message>
        <source>Save the proposed mapping as a file to correct and choose</source>
        <translation>Die vorgeschlagene Zuordnung als Datei speichern, um sie zu korrigieren und zu wählen</translation>
    </message>
    <message>
        <source>A proposal with renamed or dropped columns needs review; tick this to use it without a file</source>
        <translation>Ein Vorschlag mit umbenannten oder weggelassenen Spalten muss geprüft werden; ankreuzen, um ihn ohne Datei zu verwenden</translation>
    </message>
    <message>
        <source>From (source)</source>
        <translation>Von (Quelle)</translation>
    </message>
    <message>
        <source>To (target)</source>
        <translation>Nach (Ziel)</translation>
    </message>
    <message>
        <source>Mapping file</source>
        <translation>Zuordnungsdatei</translation>
    </message>
    <message>
        <source>Copy workers</source>
        <translation>Kopier-Worker</translation>
    </message>
    <message>
        <source>Propose mapping shows where each source table and column goes, what to review, how changes are captured and the phases. Nothing is written.</source>
        <translation>„Zuordnung vorschlagen“ zeigt, wohin jede Quelltabelle und -spalte geht, was zu prüfen ist, wie Änderungen erfasst werden, und die Phasen. Nichts wird geschrieben.</translation>
    </message>
    <message>
        <source>Choose a target to see its move.</source>
        <translation>Ein Ziel wählen, um seinen Umzug zu sehen.</translation>
    </message>
    <message>
        <source>Choose a mapping file</source>
        <translation>Eine Zuordnungsdatei wählen</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml);;All files (*)</source>
        <translation>YAML (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Propose a mapping first.</source>
        <translation>Zuerst eine Zuordnung vorschlagen.</translation>
    </message>
    <message>
        <source>Save the proposed mapping</source>
        <translation>Die vorgeschlagene Zuordnung speichern</translation>
    </message>
    <message>
        <source>YAML (*.yaml)</source>
        <translation>YAML (*.yaml)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved: correct the file, then start with it.</source>
        <translation>Gespeichert: die Datei korrigieren und dann mit ihr starten.</translation>
    </message>
    <message>
        <source>Choose the database to move from and the one to move into.</source>
        <translation>Die Datenbank wählen, aus der, und die, in die umgezogen wird.</translation>
    </message>
    <message>
        <source>The source and the target are the same database: a move between its schemas needs a mapping file.</source>
        <translation>Quelle und Ziel sind dieselbe Datenbank: ein Umzug zwischen ihren Schemas braucht eine Zuordnungsdatei.</translation>
    </message>
    <message>
        <source>The move&apos;s source, %1, is not among the workbench&apos;s databases: add it first.</source>
        <translation>Die Quelle des Umzugs, %1, ist nicht unter den Datenbanken der Werkbank: zuerst hinzufügen.</translation>
    </message>
    <message>
        <source>Choose the move&apos;s target.</source>
        <translation>Das Ziel des Umzugs wählen.</translation>
    </message>
    <message>
        <source>Reading both catalogs…</source>
        <translation>Beide Kataloge werden gelesen…</translation>
    </message>
    <message>
        <source>Plan move</source>
        <translation>Umzug planen</translation>
    </message>
    <message>
        <source>The move cannot run as planned: see the mapping.</source>
        <translation>Der Umzug kann so nicht laufen: siehe Zuordnung.</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) map as they are: Start uses this mapping.</source>
        <translation>
            <numerusform>%n Tabelle wird unverändert zugeordnet: „Starten“ verwendet diese Zuordnung.</numerusform>
            <numerusform>%n Tabellen werden unverändert zugeordnet: „Starten“ verwendet diese Zuordnung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The proposal needs review (%n line(s)): save it, correct it and choose the file, or tick &quot;Use the proposed mapping as it is&quot;.</source>
        <translation>
            <numerusform>Der Vorschlag muss geprüft werden (%n Zeile): speichern, korrigieren und die Datei wählen, oder „Die vorgeschlagene Zuordnung unverändert verwenden“ ankreuzen.</numerusform>
            <numerusform>Der Vorschlag muss geprüft werden (%n Zeilen): speichern, korrigieren und die Datei wählen, oder „Die vorgeschlagene Zuordnung unverändert verwenden“ ankreuzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Move from %1 into %2</source>
        <translation>Umzug von %1 nach %2</translation>
    </message>
    <message>
        <source>Identity mapping: both sides have the same tables and columns.</source>
        <translation>Identische Zuordnung: beide Seiten haben dieselben Tabellen und Spalten.</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Prüfen: %1</translation>
    </message>
    <message>
        <source>Capture: %1 (%2)</source>
        <translation>Erfassung: %1 (%2)</translation>
    </message>
    <message>
        <source>Move status</source>
        <translation>Umzugsstand</translation>
    </message>
    <message>
        <source>Reading the move failed: %1</source>
        <translation>Lesen des Umzugs fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No move into this database.</source>
        <translation>Kein Umzug in diese Datenbank.</translation>
    </message>
    <message>
        <source>Move from %1: %2</source>
        <translation>Umzug von %1: %2</translation>
    </message>
    <message>
        <source> (%1 asked)</source>
        <translation> (%1 angefordert)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n table(s) equal to the source (mapped), by count and checksum; %1 rows. The source stays read-only until Release source.</source>
        <translation>
            <numerusform>Geprüft: %n Tabelle gleicht der Quelle (zugeordnet), nach Anzahl und Prüfsumme; %1 Zeilen. Die Quelle bleibt bis „Quelle freigeben“ schreibgeschützt.</numerusform>
            <numerusform>Geprüft: %n Tabellen gleichen der Quelle (zugeordnet), nach Anzahl und Prüfsumme; %1 Zeilen. Die Quelle bleibt bis „Quelle freigeben“ schreibgeschützt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut over and switched: the target equals the source (mapped) and the switch ran; writes to the source stay blocked until Release source.</source>
        <translation>Umgeschaltet und umgestellt: das Ziel gleicht der Quelle (zugeordnet), und der Umstellungsbefehl lief; Schreibzugriffe auf die Quelle bleiben bis „Quelle freigeben“ gesperrt.</translation>
    </message>
    <message>
        <source>none: point the application at the target yourself after the cutover</source>
        <translation>keiner: die Anwendung nach dem Umschalten selbst auf das Ziel umstellen</translation>
    </message>
    <message>
        <source>A shell command run once the cutover is verified, while the source is still blocked (a pgbouncer reload, a configuration push). It finds the target database in PLUMB_MOVE_TARGET_DATABASE.</source>
        <translation>Ein Shell-Befehl, der läuft, sobald das Umschalten geprüft ist, während die Quelle noch gesperrt ist (ein Neuladen von pgbouncer, eine verteilte Konfiguration). Er findet die Zieldatenbank in PLUMB_MOVE_TARGET_DATABASE.</translation>
    </message>
    <message>
        <source>Switch at cutover</source>
        <translation>Umstellung beim Umschalten</translation>
    </message>
    <message>
        <source>%1 bytes of WAL</source>
        <translation>%1 Bytes WAL</translation>
    </message>
    <message>
        <source>%1 change(s)</source>
        <translation>%1 Änderung(en)</translation>
    </message>
    <message>
        <source>Lag: %1; %2 applied; runner %3; source writes %4.</source>
        <translation>Rückstand: %1; %2 angewendet; Ausführer %3; Schreibzugriffe auf die Quelle %4.</translation>
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
    <message>
        <source>writes every row</source>
        <translation>schreibt jede Zeile</translation>
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
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
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
        <source>Register as intent…</source>
        <translation>Als Vorhaben registrieren …</translation>
    </message>
    <message>
        <source>Declare the selected steps (or the whole plan) as a planned change, so others see it and their conflicts with it</source>
        <translation>Die gewählten Schritte (oder den ganzen Plan) als geplante Änderung anmelden, damit andere sie und ihre Konflikte damit sehen</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>Planung</translation>
    </message>
    <message>
        <source>This plan was applied already: compute the plan again to see what is left.</source>
        <translation>Dieser Plan wurde bereits angewendet: Berechnen Sie den Plan neu, um zu sehen, was noch fehlt.</translation>
    </message>
    <message>
        <source>Canceled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The plan changed while you were asked: review the new one.</source>
        <translation>Der Plan hat sich geändert, während Sie gefragt wurden: Prüfen Sie den neuen.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>loses data: %1</source>
        <translation>verliert Daten: %1</translation>
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
    <message>
        <source>URL from</source>
        <translation>URL aus</translation>
    </message>
    <message>
        <source>unusable</source>
        <translation>unbrauchbar</translation>
    </message>
    <message>
        <source>Development: changes need no typed name</source>
        <translation>Entwicklung: Änderungen brauchen keinen eingegebenen Namen</translation>
    </message>
    <message>
        <source>Every change needs the database name typed</source>
        <translation>Jede Änderung verlangt die Eingabe des Datenbanknamens</translation>
    </message>
    <message>
        <source>Read-only: Plumbline changes nothing here</source>
        <translation>Schreibgeschützt: Plumbline ändert hier nichts</translation>
    </message>
    <message>
        <source>reads: %1</source>
        <translation>liest: %1</translation>
    </message>
    <message>
        <source>changes: %1 (%2)</source>
        <translation>ändert: %1 (%2)</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>(user&apos;s database)</source>
        <translation>(Datenbank des Benutzers)</translation>
    </message>
</context>
<context>
    <name>plumb::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
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
    <message>
        <source>Python interpreter</source>
        <translation>Python-Interpreter</translation>
    </message>
    <message>
        <source>python3 from PATH</source>
        <translation>python3 aus PATH</translation>
    </message>
    <message>
        <source>The Python interpreter that runs Python migrations (.py): a path, or a command name looked up on PATH</source>
        <translation>Der Python-Interpreter, der Python-Migrationen (.py) ausführt: ein Pfad oder ein Befehlsname, der in PATH gesucht wird</translation>
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
    <message>
        <source>Allow writes once</source>
        <translation>Einmal Schreiben erlauben</translation>
    </message>
    <message>
        <source>On a protected database SQL runs read-only. Check this to run one statement that writes, after typing the database name.</source>
        <translation>Auf einer geschützten Datenbank läuft SQL schreibgeschützt. Aktivieren Sie dies, um nach Eingabe des Datenbanknamens eine schreibende Anweisung auszuführen.</translation>
    </message>
    <message>
        <source>Writes are allowed for one statement at a time on %1: select the one to run.</source>
        <translation>Auf %1 ist Schreiben nur für eine Anweisung auf einmal erlaubt: Markieren Sie die auszuführende.</translation>
    </message>
    <message>
        <source>Run one statement that writes</source>
        <translation>Eine schreibende Anweisung ausführen</translation>
    </message>
    <message>
        <source>Canceled: nothing was run.</source>
        <translation>Abgebrochen: Es wurde nichts ausgeführt.</translation>
    </message>
    <message>
        <source>Running read-only on %1…</source>
        <translation>Läuft schreibgeschützt auf %1 …</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
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
    <message>
        <source>Intents</source>
        <translation>Vorhaben</translation>
    </message>
    <message>
        <source>The schema changes people and agents plan on the live database, the objects each touches, and where they collide.</source>
        <translation>Die Schemaänderungen, die Personen und Agenten auf der Live-Datenbank planen, die Objekte, die jede berührt, und wo sie kollidieren.</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>The databases or tenant schemas an environment names, grouped by live schema, planned once per group and changed in waves.</source>
        <translation>Die Datenbanken oder Mandantenschemas, die eine Umgebung nennt, nach Live-Schema gruppiert, einmal pro Gruppe geplant und in Wellen geändert.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Umzug</translation>
    </message>
    <message>
        <source>A live database moved into a database built from a new schema, with the writes made meanwhile: the mapping, rows copied per table, the catch-up&apos;s lag and the verified cutover.</source>
        <translation>Eine Live-Datenbank zieht in eine aus einem neuen Schema gebaute Datenbank um, mit den inzwischen geschriebenen Änderungen: die Zuordnung, kopierte Zeilen je Tabelle, der Rückstand des Aufholens und das geprüfte Umschalten.</translation>
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
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Sync refused: %1 is read-only.</source>
        <translation>Synchronisierung abgelehnt: %1 ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Sync needs a project with a database.</source>
        <translation>Die Synchronisierung braucht ein Projekt mit einer Datenbank.</translation>
    </message>
    <message>
        <source>Sync canceled: nothing was changed.</source>
        <translation>Synchronisierung abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n fehlgeschlagen</numerusform>
            <numerusform>, %n fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
</TS>
