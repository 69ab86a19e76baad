<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <translation>%1 est en lecture seule</translation>
    </message>
    <message>
        <source>%1 is refused: %2 is read only (readonly: true in its environment file), so Plumbline changes nothing there.</source>
        <translation>%1 refusé&#xa0;: %2 est en lecture seule (readonly: true dans son fichier d’environnement), Plumbline n’y modifie rien.</translation>
    </message>
    <message>
        <source>Change %1?</source>
        <translation>Modifier %1&#x202f;?</translation>
    </message>
    <message>
        <source>%1 on the development database %2?</source>
        <translation>%1 sur la base de développement %2&#x202f;?</translation>
    </message>
    <message>
        <source>%1 on %2, which is not a development database.
Type the database name (%3) to go ahead.</source>
        <translation>%1 sur %2, qui n’est pas une base de développement.
Saisissez le nom de la base (%3) pour continuer.</translation>
    </message>
    <message>
        <source>Add a database</source>
        <translation>Ajouter une base de données</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in settings files</source>
        <translation>Conservé dans le trousseau du système, jamais dans les fichiers de configuration</translation>
    </message>
    <message>
        <source>Development database (allows one-click sync)</source>
        <translation>Base de développement (synchronisation en un clic permise)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Give the database a name.</source>
        <translation>Donnez un nom à la base de données.</translation>
    </message>
    <message>
        <source>Warnings — schema owners</source>
        <translation>Avertissements — propriétaires du schéma</translation>
    </message>
    <message>
        <source>Operational — maintenance and configuration</source>
        <translation>Exploitation — maintenance et configuration</translation>
    </message>
    <message>
        <source>Informational — context</source>
        <translation>Information — contexte</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>replayed migrations</source>
        <translation>migrations rejouées</translation>
    </message>
    <message>
        <source>declared: db/schema</source>
        <translation>déclaré&#xa0;: db/schema</translation>
    </message>
    <message>
        <source>sync converges this</source>
        <translation>la synchronisation fait converger ceci</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>diffère</translation>
    </message>
    <message>
        <source>will be converged</source>
        <translation>sera convergé</translation>
    </message>
    <message>
        <source>unmanaged</source>
        <translation>non géré</translation>
    </message>
    <message>
        <source>the project has no environment file</source>
        <translation>le projet n’a pas de fichier d’environnement</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Plumbline, a PostgreSQL schema workbench.</source>
        <translation>Plumbline, un atelier de schémas PostgreSQL.</translation>
    </message>
    <message>
        <source>Render the window into a PNG file and exit.</source>
        <translation>Rendre la fenêtre dans un fichier PNG et quitter.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Open the project in this folder instead of the demo.</source>
        <translation>Ouvrir le projet de ce dossier au lieu de la démo.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>Bring this view to the front (project, models, migrations, plan, diagnose, diff, sql, activity, log).</source>
        <translation>Mettre cette vue au premier plan (project, models, migrations, plan, diagnose, diff, sql, activity, log).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Do not start the private PostgreSQL with the demo database.</source>
        <translation>Ne pas démarrer le PostgreSQL privé avec la base de démonstration.</translation>
    </message>
</context>
<context>
    <name>plumb::ui</name>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
</context>
<context>
    <name>plumb::ui::ActivityModel</name>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>plumb::ui::ActivityView</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the selected jobs</source>
        <translation>Annuler les tâches sélectionnées</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Effacer les terminées</translation>
    </message>
</context>
<context>
    <name>plumb::ui::ConnectionStore</name>
    <message>
        <source>The password for %1 was not saved in the keychain (%2): it is used for this session only.</source>
        <translation>Le mot de passe de %1 n’a pas été enregistré dans le trousseau (%2)&#xa0;: il ne sert que pour cette session.</translation>
    </message>
</context>
<context>
    <name>plumb::ui::DiagnoseModel</name>
    <message>
        <source> (held back)</source>
        <translation> (différé)</translation>
    </message>
    <message>
        <source>extension %1</source>
        <translation>extension %1</translation>
    </message>
    <message>
        <source>Check / finding</source>
        <translation>Contrôle / constat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
</context>
<context>
    <name>plumb::ui::DiagnoseView</name>
    <message>
        <source>Copy fix</source>
        <translation>Copier la correction</translation>
    </message>
    <message>
        <source>Jump to declaration</source>
        <translation>Aller à la déclaration</translation>
    </message>
    <message>
        <source>Database: </source>
        <translation>Base de données&#xa0;: </translation>
    </message>
    <message>
        <source>Run diagnose</source>
        <translation>Lancer le diagnostic</translation>
    </message>
    <message>
        <source>Run every health check read-only</source>
        <translation>Lancer tous les contrôles de santé en lecture seule</translation>
    </message>
    <message>
        <source>Show passing checks</source>
        <translation>Afficher les contrôles réussis</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Choose a database first.</source>
        <translation>Choisissez d’abord une base de données.</translation>
    </message>
    <message>
        <source>Diagnosing %1…</source>
        <translation>Diagnostic de %1…</translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Diagnose failed: %1</source>
        <translation>Échec du diagnostic&#xa0;: %1</translation>
    </message>
    <message>
        <source>. Statistics are young: usage-based findings are held back.</source>
        <translation>. Les statistiques sont récentes&#xa0;: les constats fondés sur l’usage sont différés.</translation>
    </message>
    <message>
        <source>Caveats:</source>
        <translation>Réserves&#xa0;:</translation>
    </message>
    <message>
        <source>In the schema files: </source>
        <translation>Dans les fichiers de schéma&#xa0;: </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) on %1 (PostgreSQL %2)</source>
        <translation>
            <numerusform>%n contrôle sur %1 (PostgreSQL %2)</numerusform>
            <numerusform>%n contrôles sur %1 (PostgreSQL %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>: %n with problems</source>
        <translation>
            <numerusform>&#xa0;: %n avec problème</numerusform>
            <numerusform>&#xa0;: %n avec problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n finding(s)</source>
        <translation>
            <numerusform>, %n constat</numerusform>
            <numerusform>, %n constats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::DiffView</name>
    <message>
        <source>Compare again</source>
        <translation>Comparer à nouveau</translation>
    </message>
    <message>
        <source>Read the live database and the schema files again and compare them</source>
        <translation>Relire la base réelle et les fichiers de schéma, puis les comparer</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>Filter objects</source>
        <translation>Filtrer les objets</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Open a project with a database to compare it with the declaration.</source>
        <translation>Ouvrez un projet avec une base de données pour la comparer à la déclaration.</translation>
    </message>
    <message>
        <source>Compare live and declared</source>
        <translation>Comparer le réel et le déclaré</translation>
    </message>
    <message>
        <source>live: %1</source>
        <translation>réel&#xa0;: %1</translation>
    </message>
    <message>
        <source>declared: db/schema</source>
        <translation>déclaré&#xa0;: db/schema</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No drift: the live database matches the declaration.</source>
        <translation>Aucune dérive&#xa0;: la base réelle correspond à la déclaration.</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) differ</source>
        <translation>
            <numerusform>%n objet diffère</numerusform>
            <numerusform>%n objets diffèrent</numerusform>
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
        <translation>Aucun projet ouvert</translation>
    </message>
    <message>
        <source>Show or hide the %1 view</source>
        <translation>Afficher ou masquer la vue %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Add database…</source>
        <translation>&amp;Ajouter une base de données…</translation>
    </message>
    <message>
        <source>Add a database connection; its password goes to the keychain</source>
        <translation>Ajouter une connexion à une base de données&#x202f;; son mot de passe va dans le trousseau</translation>
    </message>
    <message>
        <source>Open saved pre&amp;flight report…</source>
        <translation>Ouvrir un rapport pre&amp;flight enregistré…</translation>
    </message>
    <message>
        <source>Open a report saved with plumb preflight --format json</source>
        <translation>Ouvrir un rapport enregistré avec plumb preflight --format json</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Review a report saved with plumb preflight --format json</source>
        <translation>Examiner un rapport enregistré avec plumb preflight --format json</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Timeouts, theme and editor font</source>
        <translation>Délais, thème, police de l’éditeur et langue</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Base de données</translation>
    </message>
    <message>
        <source>&amp;Sync dev database</source>
        <translation>&amp;Synchroniser la base de développement</translation>
    </message>
    <message>
        <source>Apply pending migrations, then converge (dev databases only)</source>
        <translation>Appliquer les migrations en attente, puis converger (bases de développement uniquement)</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>Put every view back where it started</source>
        <translation>Remettre chaque vue à sa place de départ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Plumbline</source>
        <translation>À &amp;propos de Plumbline</translation>
    </message>
    <message>
        <source>About Plumbline</source>
        <translation>À propos de Plumbline</translation>
    </message>
    <message>
        <source>Plumbline %1
A PostgreSQL schema workbench.</source>
        <translation>Plumbline %1
Un atelier de schémas PostgreSQL.</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MigrationsModel</name>
    <message>
        <source>The .up.sql changed after it was applied: its checksum no longer matches the ledger. Restore the file, or record the change with a new migration.</source>
        <translation>Le .up.sql a changé après son application&#xa0;: sa somme de contrôle ne correspond plus au registre. Restaurez le fichier, ou consignez la modification dans une nouvelle migration.</translation>
    </message>
    <message>
        <source>The ledger records this migration but its file is gone: restore it, or prune the row (plumb migrate prune).</source>
        <translation>Le registre consigne cette migration mais son fichier a disparu&#xa0;: restaurez-le, ou retirez la ligne (plumb migrate prune).</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>appliquée</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>modifiée</translation>
    </message>
    <message>
        <source>missing file</source>
        <translation>fichier manquant</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>Appliquée le</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Somme de contrôle</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MigrationsView</name>
    <message>
        <source>Apply pending</source>
        <translation>Appliquer les migrations en attente</translation>
    </message>
    <message>
        <source>Apply the pending migrations, in order</source>
        <translation>Appliquer les migrations en attente, dans l’ordre</translation>
    </message>
    <message>
        <source>Roll back last</source>
        <translation>Annuler la dernière</translation>
    </message>
    <message>
        <source>Run the down script of the last applied migration</source>
        <translation>Exécuter le script down de la dernière migration appliquée</translation>
    </message>
    <message>
        <source>Baseline through selected</source>
        <translation>Baseline jusqu’à la sélection</translation>
    </message>
    <message>
        <source>Record the migrations through the selected one as applied, without running them</source>
        <translation>Consigner les migrations jusqu’à celle sélectionnée comme appliquées, sans les exécuter</translation>
    </message>
    <message>
        <source>Open a project with a database to see its migrations.</source>
        <translation>Ouvrez un projet avec une base de données pour voir ses migrations.</translation>
    </message>
    <message>
        <source>No live database: %1</source>
        <translation>Pas de base réelle&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 applied, %2 pending, ledger %3</source>
        <translation>%1 appliquée(s), %2 en attente, registre %3</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>pas encore créé</translation>
    </message>
    <message>
        <source>The migration status could not be read.</source>
        <translation>L’état des migrations n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>Open a project with a database first.</source>
        <translation>Ouvrez d’abord un projet avec une base de données.</translation>
    </message>
    <message>
        <source>Apply every pending migration</source>
        <translation>Appliquer toutes les migrations en attente</translation>
    </message>
    <message>
        <source>Roll back the last migration</source>
        <translation>Annuler la dernière migration</translation>
    </message>
    <message>
        <source>Record migrations through %1 as applied</source>
        <translation>Consigner les migrations jusqu’à %1 comme appliquées</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) done; refreshing…</source>
        <translation>
            <numerusform>%n migration terminée&#x202f;; actualisation…</numerusform>
            <numerusform>%n migrations terminées&#x202f;; actualisation…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::ModelsModel</name>
    <message>
        <source>partitioned by %1</source>
        <translation>partitionnée par %1</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Contraintes</translation>
    </message>
    <message>
        <source>Foreign keys</source>
        <translation>Clés étrangères</translation>
    </message>
    <message>
        <source>Referenced by</source>
        <translation>Référencée par</translation>
    </message>
    <message>
        <source>What the plan does here:
%1</source>
        <translation>Ce que fait le plan ici&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <source>Declared at</source>
        <translation>Déclaré dans</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Réel</translation>
    </message>
</context>
<context>
    <name>plumb::ui::ModelsView</name>
    <message>
        <source>Filter tables and columns</source>
        <translation>Filtrer les tables et les colonnes</translation>
    </message>
    <message>
        <source>Open a project to see its tables.</source>
        <translation>Ouvrez un projet pour voir ses tables.</translation>
    </message>
    <message numerus="yes">
        <source>%n declared table(s)</source>
        <translation>
            <numerusform>%n table déclarée</numerusform>
            <numerusform>%n tables déclarées</numerusform>
        </translation>
    </message>
    <message>
        <source>, compared with the live database</source>
        <translation>, comparées à la base réelle</translation>
    </message>
    <message>
        <source>, no live database</source>
        <translation>, pas de base réelle</translation>
    </message>
</context>
<context>
    <name>plumb::ui::PlanModel</name>
    <message>
        <source>blocked</source>
        <translation>bloquée</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>prévue</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignorée</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrou</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>Risques</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>prepare</source>
        <translation>préparation</translation>
    </message>
    <message>
        <source>structural</source>
        <translation>structurel</translation>
    </message>
    <message>
        <source>rebuild</source>
        <translation>reconstruction</translation>
    </message>
    <message>
        <source>create indexes</source>
        <translation>création des index</translation>
    </message>
    <message>
        <source>add constraints</source>
        <translation>ajout des contraintes</translation>
    </message>
    <message>
        <source>validate</source>
        <translation>validation</translation>
    </message>
    <message>
        <source>drop constraints</source>
        <translation>suppression des contraintes</translation>
    </message>
    <message>
        <source>drop indexes</source>
        <translation>suppression des index</translation>
    </message>
    <message>
        <source>convergence</source>
        <translation>convergence</translation>
    </message>
    <message>
        <source>rewrites the table</source>
        <translation>réécrit la table</translation>
    </message>
    <message>
        <source>blocks writes</source>
        <translation>bloque les écritures</translation>
    </message>
    <message>
        <source>blocks reads</source>
        <translation>bloque les lectures</translation>
    </message>
    <message>
        <source>full scan</source>
        <translation>parcours complet</translation>
    </message>
    <message>
        <source>drops data</source>
        <translation>supprime des données</translation>
    </message>
    <message>
        <source>may fail on existing rows</source>
        <translation>peut échouer sur les lignes existantes</translation>
    </message>
    <message>
        <source>leaves an invalid index on failure</source>
        <translation>laisse un index invalide en cas d’échec</translation>
    </message>
</context>
<context>
    <name>plumb::ui::PlanView</name>
    <message>
        <source>Compute plan</source>
        <translation>Calculer le plan</translation>
    </message>
    <message>
        <source>Read the live database and the schema files again and plan what must change for the live database to match the declaration</source>
        <translation>Relire la base réelle et les fichiers de schéma, et planifier ce qui doit changer pour que la base réelle corresponde à la déclaration</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>simple</translation>
    </message>
    <message>
        <source>online: CONCURRENTLY, NOT VALID + VALIDATE, one commit per step; plain: one transaction</source>
        <translation>en ligne&#xa0;: CONCURRENTLY, NOT VALID + VALIDATE, un commit par étape&#x202f;; simple&#xa0;: une seule transaction</translation>
    </message>
    <message>
        <source>Apply selected</source>
        <translation>Appliquer la sélection</translation>
    </message>
    <message>
        <source>Run the selected steps on the live database</source>
        <translation>Exécuter les étapes sélectionnées sur la base réelle</translation>
    </message>
    <message>
        <source>Apply all</source>
        <translation>Tout appliquer</translation>
    </message>
    <message>
        <source>Run every step of the plan on the live database</source>
        <translation>Exécuter toutes les étapes du plan sur la base réelle</translation>
    </message>
    <message>
        <source>Open saved plan…</source>
        <translation>Ouvrir un plan enregistré…</translation>
    </message>
    <message>
        <source>Open a plan saved with plumb diff --format json</source>
        <translation>Ouvrir un plan enregistré avec plumb diff --format json</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Review a plan saved with plumb diff --format json</source>
        <translation>Examiner un plan enregistré avec plumb diff --format json</translation>
    </message>
    <message>
        <source>Open a project with a database, then compute its plan.</source>
        <translation>Ouvrez un projet avec une base de données, puis calculez son plan.</translation>
    </message>
    <message>
        <source>No live database to plan for%1.</source>
        <translation>Pas de base réelle pour laquelle planifier%1.</translation>
    </message>
    <message>
        <source>The live database matches the declaration.</source>
        <translation>La base réelle correspond à la déclaration.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s), %1 blocked</source>
        <translation>
            <numerusform>%n étape, %1 bloquée(s)</numerusform>
            <numerusform>%n étapes, %1 bloquée(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not JSON: %2</source>
        <translation>%1 n’est pas du JSON&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 holds no plan: %2</source>
        <translation>%1 ne contient pas de plan&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Reviewing %1: %n step(s), nothing is applied from a saved plan</source>
        <translation>
            <numerusform>Examen de %1&#xa0;: %n étape, rien n’est appliqué depuis un plan enregistré</numerusform>
            <numerusform>Examen de %1&#xa0;: %n étapes, rien n’est appliqué depuis un plan enregistré</numerusform>
        </translation>
    </message>
    <message>
        <source>This plan is for review only: compute a plan against a database to apply it.</source>
        <translation>Ce plan est seulement à examiner&#xa0;: calculez un plan sur une base de données pour l’appliquer.</translation>
    </message>
    <message numerus="yes">
        <source>Apply %n plan step(s)</source>
        <translation>
            <numerusform>Appliquer %n étape du plan</numerusform>
            <numerusform>Appliquer %n étapes du plan</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply plan</source>
        <translation>Appliquer le plan</translation>
    </message>
    <message>
        <source>Applying failed: %1</source>
        <translation>Échec de l’application&#xa0;: %1</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Bloquée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Runs outside a transaction.</source>
        <translation>S’exécute hors transaction.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) done</source>
        <translation>
            <numerusform>%n étape terminée</numerusform>
            <numerusform>%n étapes terminées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed; refreshing…</source>
        <translation>
            <numerusform>, %n en échec&#x202f;; actualisation…</numerusform>
            <numerusform>, %n en échec&#x202f;; actualisation…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plumb::ui::ProjectView</name>
    <message>
        <source>Recent projects</source>
        <translation>Projets récents</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Ouvrir un projet…</translation>
    </message>
    <message>
        <source>Open a project folder</source>
        <translation>Ouvrir un dossier de projet</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Récents</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Aucun projet ouvert</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message numerus="yes">
        <source>schema %1 · %n table(s)</source>
        <translation>
            <numerusform>schéma %1 · %n table</numerusform>
            <numerusform>schéma %1 · %n tables</numerusform>
        </translation>
    </message>
    <message>
        <source>read only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>dév.</translation>
    </message>
    <message>
        <source>prod</source>
        <translation>prod.</translation>
    </message>
    <message>
        <source>Read only (readonly: true): Plumbline changes nothing here</source>
        <translation>Lecture seule (readonly: true)&#xa0;: Plumbline ne modifie rien ici</translation>
    </message>
    <message>
        <source>Development: one-click sync allowed</source>
        <translation>Développement&#xa0;: synchronisation en un clic permise</translation>
    </message>
    <message>
        <source>Not development: changes need the database name typed</source>
        <translation>Hors développement&#xa0;: toute modification exige de saisir le nom de la base</translation>
    </message>
    <message>
        <source>Ignored in the environment files:</source>
        <translation>Ignoré dans les fichiers d’environnement&#xa0;:</translation>
    </message>
    <message>
        <source>Open a project folder (it holds db/schema, db/migrations…)</source>
        <translation>Ouvrir un dossier de projet (il contient db/schema, db/migrations…)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(aucun pour l’instant)</translation>
    </message>
</context>
<context>
    <name>plumb::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>lock_timeout on every convergence DDL statement</source>
        <translation>lock_timeout de chaque instruction DDL de convergence</translation>
    </message>
    <message>
        <source>statement_timeout on ACCESS EXCLUSIVE convergence steps</source>
        <translation>statement_timeout des étapes de convergence en ACCESS EXCLUSIVE</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>A new language applies when Plumbline starts again.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de Plumbline.</translation>
    </message>
    <message>
        <source>Convergence lock timeout</source>
        <translation>Délai de verrou de la convergence</translation>
    </message>
    <message>
        <source>Convergence statement timeout</source>
        <translation>Délai d’instruction de la convergence</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation>Police de l’éditeur</translation>
    </message>
    <message>
        <source>Editor font size</source>
        <translation>Taille de la police de l’éditeur</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>plumb::ui::SqlView</name>
    <message>
        <source>SELECT ... — Ctrl+Return runs the selection, or everything</source>
        <translation>SELECT ... — Ctrl+Entrée exécute la sélection, sinon tout</translation>
    </message>
    <message>
        <source>Database: </source>
        <translation>Base de données&#xa0;: </translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Run the selection, or everything</source>
        <translation>Exécuter la sélection, sinon tout</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Choose a database first.</source>
        <translation>Choisissez d’abord une base de données.</translation>
    </message>
    <message>
        <source>Running on %1…</source>
        <translation>Exécution sur %1…</translation>
    </message>
    <message>
        <source>Run SQL</source>
        <translation>Exécuter du SQL</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source> — %n row(s)</source>
        <translation>
            <numerusform> — %n ligne</numerusform>
            <numerusform> — %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source> (first %1 shown)</source>
        <translation> (les %1 premières affichées)</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> en %1</translation>
    </message>
</context>
<context>
    <name>plumb::ui::Views</name>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Open a project folder to see its schema files, environments and databases.</source>
        <translation>Ouvrez un dossier de projet pour voir ses fichiers de schéma, ses environnements et ses bases de données.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Every declared table with its columns, indexes, constraints and foreign keys, and the file and line that declares it.</source>
        <translation>Chaque table déclarée avec ses colonnes, index, contraintes et clés étrangères, et le fichier et la ligne qui la déclarent.</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrations</translation>
    </message>
    <message>
        <source>Applied, pending, missing and modified migrations of the selected database.</source>
        <translation>Migrations appliquées, en attente, manquantes et modifiées de la base de données choisie.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>What must change for the live database to match the declaration, step by step, with the lock each step takes.</source>
        <translation>Ce qui doit changer pour que la base réelle corresponde à la déclaration, étape par étape, avec le verrou que prend chaque étape.</translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Health checks of the live database, each finding with a fix.</source>
        <translation>Contrôles de santé de la base réelle, chaque constat avec sa correction.</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Différences</translation>
    </message>
    <message>
        <source>Declared and live schema side by side, object by object.</source>
        <translation>Schéma déclaré et schéma réel côte à côte, objet par objet.</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Write SQL and run it on a chosen database.</source>
        <translation>Écrire du SQL et l’exécuter sur une base de données choisie.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Running and finished jobs, with progress and cancel.</source>
        <translation>Tâches en cours et terminées, avec progression et annulation.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>What was executed, with timestamps.</source>
        <translation>Ce qui a été exécuté, horodaté.</translation>
    </message>
</context>
<context>
    <name>plumb::ui::Workbench</name>
    <message>
        <source>Start local PostgreSQL</source>
        <translation>Démarrer le PostgreSQL local</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>intégré</translation>
    </message>
    <message>
        <source>The embedded PostgreSQL did not start: %1</source>
        <translation>Le PostgreSQL intégré n’a pas démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Local PostgreSQL running, reachable only by you (Unix socket in %1)</source>
        <translation>PostgreSQL local en marche, accessible à vous seul (socket Unix dans %1)</translation>
    </message>
    <message>
        <source>Prepare demo project</source>
        <translation>Préparer le projet de démonstration</translation>
    </message>
    <message>
        <source>demo (local)</source>
        <translation>démo (locale)</translation>
    </message>
    <message>
        <source>The demo project did not open: %1</source>
        <translation>Le projet de démonstration ne s’est pas ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sync runs only on a development database (dev: true in the environment).</source>
        <translation>La synchronisation ne s’exécute que sur une base de développement (dev: true dans l’environnement).</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchroniser</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) applied</source>
        <translation>
            <numerusform>%n migration appliquée</numerusform>
            <numerusform>%n migrations appliquées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n convergence change(s)</source>
        <translation>
            <numerusform>, %n changement de convergence</numerusform>
            <numerusform>, %n changements de convergence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n blocked</source>
        <translation>
            <numerusform>, %n bloqué</numerusform>
            <numerusform>, %n bloqués</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Échec de la synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Synced: %1</source>
        <translation>Synchronisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Ouvrir le projet</translation>
    </message>
    <message>
        <source>The project did not open: %1</source>
        <translation>Le projet ne s’est pas ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source> (dev)</source>
        <translation> (dév.)</translation>
    </message>
    <message>
        <source> (read only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
</context>
</TS>
