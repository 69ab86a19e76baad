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
        <source>Change %1?</source>
        <translation>Modifier %1&#x202f;?</translation>
    </message>
    <message>
        <source>%1 on the development database %2?</source>
        <translation>%1 sur la base de développement %2&#x202f;?</translation>
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
        <source>Read-only database</source>
        <translation>Base de données en lecture seule</translation>
    </message>
    <message>
        <source>%1 is read-only (%2): Plumbline changes nothing there.</source>
        <translation>%1 est en lecture seule (%2)&#xa0;: Plumbline n’y modifie rien.</translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation>Vérifier %1</translation>
    </message>
    <message>
        <source>the server did not answer: %1</source>
        <translation>le serveur n’a pas répondu&#xa0;: %1</translation>
    </message>
    <message>
        <source>apply migration %1</source>
        <translation>appliquer la migration %1</translation>
    </message>
    <message>
        <source>converge: %1</source>
        <translation>converger&#xa0;: %1</translation>
    </message>
    <message>
        <source>left alone (blocked): %1</source>
        <translation>laissé tel quel (bloqué)&#xa0;: %1</translation>
    </message>
    <message>
        <source>then converge what the migrations leave to the declared schema (indexes, constraints, NOT NULL, defaults)</source>
        <translation>puis converger ce que les migrations laissent de côté vers le schéma déclaré (index, contraintes, NOT NULL, valeurs par défaut)</translation>
    </message>
    <message>
        <source>nothing: the database is in sync</source>
        <translation>rien&#xa0;: la base est synchronisée</translation>
    </message>
    <message>
        <source>added in Plumbline</source>
        <translation>ajoutée dans Plumbline</translation>
    </message>
    <message>
        <source>it was added without the development mark</source>
        <translation>elle a été ajoutée sans la marque de développement</translation>
    </message>
    <message>
        <source>no lease (Confiture)</source>
        <translation>pas de bail (Confiture)</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>%n min restante</numerusform>
            <numerusform>%n min restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h left</source>
        <translation>
            <numerusform>%n h restante</numerusform>
            <numerusform>%n h restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only environment</source>
        <translation>Environnement en lecture seule</translation>
    </message>
    <message>
        <source>%1 is read-only (readonly: true): Plumbline changes nothing there.</source>
        <translation>%1 est en lecture seule (readonly: true) : Plumbline n’y modifie rien.</translation>
    </message>
    <message>
        <source>%1 on the development fleet %2?</source>
        <translation>%1 sur la flotte de développement %2 ?</translation>
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
    <name>plumb::ui::ConfirmChangeDialog</name>
    <message>
        <source>%1 on %2?</source>
        <translation>%1 sur %2&#x202f;?</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>URL from</source>
        <translation>URL issue de</translation>
    </message>
    <message>
        <source>Protected: %1.</source>
        <translation>Protégée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>What will run:</source>
        <translation>Ce qui sera exécuté&#xa0;:</translation>
    </message>
    <message>
        <source>Type the database name, %1, to go ahead:</source>
        <translation>Saisissez le nom de la base, %1, pour continuer&#xa0;:</translation>
    </message>
    <message>
        <source>Type the environment&apos;s name, %1, to go ahead:</source>
        <translation>Saisissez le nom de l’environnement, %1, pour continuer :</translation>
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
    <name>plumb::ui::CopyDialog</name>
    <message>
        <source>Create the tables from the source&apos;s schema (empty target)</source>
        <translation>Créer les tables d’après le schéma de la source (cible vide)</translation>
    </message>
    <message>
        <source>Empty target tables that hold rows</source>
        <translation>Vider les tables cibles qui contiennent des lignes</translation>
    </message>
    <message>
        <source>Resume an interrupted copy</source>
        <translation>Reprendre une copie interrompue</translation>
    </message>
    <message>
        <source>Compare checksums of unmasked columns</source>
        <translation>Comparer les sommes de contrôle des colonnes non masquées</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>A&amp;perçu</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Annuler la tâche</translation>
    </message>
    <message>
        <source>&amp;Suggest rules</source>
        <translation>&amp;Suggérer des règles</translation>
    </message>
    <message>
        <source>Copy a database, masking personal data</source>
        <translation>Copier une base de données en masquant les données personnelles</translation>
    </message>
    <message>
        <source>all tables; or globs on schema.table, comma-separated</source>
        <translation>toutes les tables, ou des motifs sur schéma.table, séparés par des virgules</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Preview shows what will be copied and masked, and what looks personal but has no rule. Nothing is written.</source>
        <translation>L’aperçu montre ce qui sera copié et masqué, et ce qui semble personnel mais n’a pas de règle. Rien n’est écrit.</translation>
    </message>
    <message>
        <source>Add a rule for every column that looks personal and has none</source>
        <translation>Ajouter une règle pour chaque colonne qui semble personnelle et n’en a pas</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Bases de données</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Except</source>
        <translation>Sauf</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Processus</translation>
    </message>
    <message>
        <source>Masking rules</source>
        <translation>Règles de masquage</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>New key…</source>
        <translation>Nouvelle clé…</translation>
    </message>
    <message>
        <source>Make a new random masking key and keep it in the system keychain</source>
        <translation>Créer une nouvelle clé de masquage aléatoire et la garder dans le trousseau du système</translation>
    </message>
    <message>
        <source>Masked rows of</source>
        <translation>Lignes masquées de</translation>
    </message>
    <message>
        <source>Replace the masking key?</source>
        <translation>Remplacer la clé de masquage&#x202f;?</translation>
    </message>
    <message>
        <source>Copies masked with a new key do not match copies made with the current one. Make a new key?</source>
        <translation>Les copies masquées avec une nouvelle clé ne correspondent pas à celles faites avec la clé actuelle. Créer une nouvelle clé&#x202f;?</translation>
    </message>
    <message>
        <source>No masking key yet: keyed strategies (hash, email, phone, name…) need one. Make one with New key…, or set PLUMB_MASKING_KEY.</source>
        <translation>Pas encore de clé de masquage&#xa0;: les stratégies à clé (hash, email, phone, name…) en ont besoin. Créez-en une avec «&#xa0;Nouvelle clé…&#xa0;», ou définissez PLUMB_MASKING_KEY.</translation>
    </message>
    <message>
        <source>Masking key %1, from %2. It is not part of the rules, and Plumbline never writes it anywhere else.</source>
        <translation>Clé de masquage %1, issue de %2. Elle ne fait pas partie des règles, et Plumbline ne l’écrit nulle part ailleurs.</translation>
    </message>
    <message>
        <source>Choose the database to copy from and the one to copy into.</source>
        <translation>Choisissez la base à copier et celle dans laquelle copier.</translation>
    </message>
    <message>
        <source>The source and the target are the same database.</source>
        <translation>La source et la cible sont la même base de données.</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>règles</translation>
    </message>
    <message>
        <source>Reading the source and planning the copy…</source>
        <translation>Lecture de la source et planification de la copie…</translation>
    </message>
    <message>
        <source>Preview copy</source>
        <translation>Aperçu de la copie</translation>
    </message>
    <message>
        <source>The copy cannot run as planned: see the plan.</source>
        <translation>La copie ne peut pas s’exécuter comme prévu&#xa0;: voir le plan.</translation>
    </message>
    <message numerus="yes">
        <source>Preview of %n table(s): nothing written yet.</source>
        <translation>
            <numerusform>Aperçu de %n table&#xa0;: rien n’est encore écrit.</numerusform>
            <numerusform>Aperçu de %n tables&#xa0;: rien n’est encore écrit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) look personal and have no rule: the copy will refuse until they have one (Suggest rules adds them).</source>
        <translation>
            <numerusform>%n colonne semble personnelle et n’a pas de règle&#xa0;: la copie refusera tant qu’elle n’en a pas («&#xa0;Suggérer des règles&#xa0;» les ajoute).</numerusform>
            <numerusform>%n colonnes semblent personnelles et n’ont pas de règle&#xa0;: la copie refusera tant qu’elles n’en ont pas («&#xa0;Suggérer des règles&#xa0;» les ajoute).</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the rows of %1 into %2 (its tables&apos; rows are replaced)</source>
        <translation>Copier les lignes de %1 dans %2 (les lignes de ses tables sont remplacées)</translation>
    </message>
    <message>
        <source>Canceled: nothing was copied.</source>
        <translation>Annulé&#xa0;: rien n’a été copié.</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Copie en cours…</translation>
    </message>
    <message>
        <source>Copy database</source>
        <translation>Copier la base de données</translation>
    </message>
    <message>
        <source>The copy failed: see the plan pane.</source>
        <translation>La copie a échoué&#xa0;: voir le volet du plan.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %1 rows into %n table(s) in %2 s; %3 column(s) masked.</source>
        <translation>
            <numerusform>%1 lignes copiées dans %n table en %2 s&#x202f;; %3 colonne(s) masquée(s).</numerusform>
            <numerusform>%1 lignes copiées dans %n tables en %2 s&#x202f;; %3 colonne(s) masquée(s).</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1
To %2</source>
        <translation>Depuis %1
Vers %2</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>ATTENTION&#xa0;: %1</translation>
    </message>
    <message>
        <source>NO RULE: %1.%2 looks like %3 (%4); suggested: %5</source>
        <translation>AUCUNE RÈGLE&#xa0;: %1.%2 ressemble à %3 (%4)&#x202f;; suggestion&#xa0;: %5</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s), in load order:</source>
        <translation>
            <numerusform>%n table, dans l’ordre de chargement&#xa0;:</numerusform>
            <numerusform>%n tables, dans l’ordre de chargement&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>remarque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open masking rules</source>
        <translation>Ouvrir des règles de masquage</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Save masking rules</source>
        <translation>Enregistrer les règles de masquage</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
</context>
<context>
    <name>plumb::ui::CopyPreviewModel</name>
    <message>
        <source>Masked by the rules</source>
        <translation>Masqué par les règles</translation>
    </message>
    <message>
        <source>Copied as it is</source>
        <translation>Copié tel quel</translation>
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
    <message>
        <source>compare</source>
        <translation>comparaison</translation>
    </message>
</context>
<context>
    <name>plumb::ui::FleetView</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planifier</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Appliquer…</translation>
    </message>
    <message>
        <source>The project&apos;s environments that name a fleet</source>
        <translation>Les environnements du projet qui nomment une flotte</translation>
    </message>
    <message>
        <source>Read every target, group them by live fingerprint and plan each group</source>
        <translation>Lire chaque cible, les regrouper par empreinte réelle et planifier chaque groupe</translation>
    </message>
    <message>
        <source>Apply each group&apos;s plan in waves: a canary first, then the rest</source>
        <translation>Appliquer le plan de chaque groupe par vagues : d’abord un canari, puis le reste</translation>
    </message>
    <message>
        <source>Open a project with an environment that names a fleet (fleet: urls, databases or schemas).</source>
        <translation>Ouvrez un projet dont un environnement nomme une flotte (fleet: urls, databases ou schemas).</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>Vague</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Fleet:</source>
        <translation>Flotte :</translation>
    </message>
    <message>
        <source>Reading the fleet %1…</source>
        <translation>Lecture de la flotte %1…</translation>
    </message>
    <message>
        <source>Plan fleet</source>
        <translation>Planifier la flotte</translation>
    </message>
    <message>
        <source>Not planned: %1</source>
        <translation>Non planifié : %1</translation>
    </message>
    <message>
        <source>nothing to do</source>
        <translation>rien à faire</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n étape</numerusform>
            <numerusform>%n étapes</numerusform>
        </translation>
    </message>
    <message>
        <source>drifted</source>
        <translation>divergent</translation>
    </message>
    <message>
        <source>the norm</source>
        <translation>la norme</translation>
    </message>
    <message>
        <source>step</source>
        <translation>étape</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n target(s)</source>
        <translation>
            <numerusform>%1 : %n cible</numerusform>
            <numerusform>%1 : %n cibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n group(s)</source>
        <translation>
            <numerusform> en %n groupe</numerusform>
            <numerusform> en %n groupes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n plan(s) computed</source>
        <translation>
            <numerusform>, %n plan calculé</numerusform>
            <numerusform>, %n plans calculés</numerusform>
        </translation>
    </message>
    <message>
        <source>Environment: %1 (%2)</source>
        <translation>Environnement : %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n cible</numerusform>
            <numerusform>%n cibles</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply the fleet plan</source>
        <translation>Appliquer le plan de la flotte</translation>
    </message>
    <message>
        <source>Applying to the fleet %1…</source>
        <translation>Application à la flotte %1…</translation>
    </message>
    <message>
        <source>Apply fleet</source>
        <translation>Appliquer à la flotte</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Non appliqué : %1</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Appliqué.</translation>
    </message>
    <message>
        <source>Not all applied: plan again, then apply the rest.</source>
        <translation>Pas tout appliqué : planifiez à nouveau, puis appliquez le reste.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Not planned: open a project with an environment that names a fleet.</source>
        <translation>Non planifié : ouvrez un projet avec un environnement qui nomme une flotte.</translation>
    </message>
    <message>
        <source>Not planned: the declared schema is not built yet (see the Activity view).</source>
        <translation>Non planifié : le schéma déclaré n’est pas encore construit (voir la vue Activité).</translation>
    </message>
</context>
<context>
    <name>plumb::ui::IntentConflictsModel</name>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Avec</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Examiné</translation>
    </message>
</context>
<context>
    <name>plumb::ui::IntentObjectsModel</name>
    <message>
        <source>Depends on %1, which the change drops, renames or redefines</source>
        <translation>Dépend de %1, que la modification supprime, renomme ou redéfinit</translation>
    </message>
    <message>
        <source>, whole table</source>
        <translation>, table entière</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>present (%1…)</source>
        <translation>présent (%1…)</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrou</translation>
    </message>
    <message>
        <source>At registration</source>
        <translation>À l’enregistrement</translation>
    </message>
</context>
<context>
    <name>plumb::ui::IntentsModel</name>
    <message>
        <source>Feature</source>
        <translation>Fonctionnalité</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Bail</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Conflits ouverts</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
</context>
<context>
    <name>plumb::ui::IntentsView</name>
    <message>
        <source>Show finished</source>
        <translation>Afficher les terminées</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the intent registry of the live database again</source>
        <translation>Relire le registre des intentions de la base réelle</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Mark the selected intent in progress</source>
        <translation>Marquer l’intention sélectionnée comme en cours</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Mark the selected intent completed</source>
        <translation>Marquer l’intention sélectionnée comme terminée</translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Give the selected intent up: its objects are free again</source>
        <translation>Abandonner l’intention sélectionnée&#xa0;: ses objets sont de nouveau libres</translation>
    </message>
    <message>
        <source>Renew lease</source>
        <translation>Renouveler le bail</translation>
    </message>
    <message>
        <source>Extend the selected intent&apos;s lease by its own length from now</source>
        <translation>Prolonger le bail de l’intention sélectionnée de sa propre durée à partir de maintenant</translation>
    </message>
    <message>
        <source>Review conflict…</source>
        <translation>Examiner le conflit…</translation>
    </message>
    <message>
        <source>Mark the conflict selected in the Conflicts tab reviewed, with how it was settled</source>
        <translation>Marquer comme examiné le conflit sélectionné dans l’onglet Conflits, avec la façon dont il a été réglé</translation>
    </message>
    <message>
        <source>Also list completed, merged, abandoned and expired intents</source>
        <translation>Lister aussi les intentions terminées, fusionnées, abandonnées et expirées</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Change and history</source>
        <translation>Modification et historique</translation>
    </message>
    <message>
        <source>Open a project with a database to see the changes planned on it.</source>
        <translation>Ouvrez un projet avec une base de données pour voir les modifications prévues sur celle-ci.</translation>
    </message>
    <message>
        <source>No live database to read intents from%1.</source>
        <translation>Aucune base réelle où lire les intentions%1.</translation>
    </message>
    <message>
        <source>Read intents</source>
        <translation>Lire les intentions</translation>
    </message>
    <message>
        <source>Reading the intents failed: %1</source>
        <translation>La lecture des intentions a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>No intents registered in %1 yet. Register a plan from the Plan view, or use plumb intent register.</source>
        <translation>Aucune intention enregistrée dans %1 pour l’instant. Enregistrez un plan depuis la vue Plan, ou utilisez plumb intent register.</translation>
    </message>
    <message numerus="yes">
        <source>%n intent(s), %1 open conflict(s) in %2</source>
        <translation>
            <numerusform>%n intention, %1 conflit(s) ouvert(s) dans %2</numerusform>
            <numerusform>%n intentions, %1 conflit(s) ouvert(s) dans %2</numerusform>
        </translation>
    </message>
    <message>
        <source>-- %1 by %2, branch %3</source>
        <translation>-- %1 par %2, branche %3</translation>
    </message>
    <message>
        <source>-- registered by %1 from %2 %3; lease until %4</source>
        <translation>-- enregistrée par %1 depuis %2 %3&#x202f;; bail jusqu’au %4</translation>
    </message>
    <message>
        <source>Read intent history</source>
        <translation>Lire l’historique de l’intention</translation>
    </message>
    <message>
        <source>-- history</source>
        <translation>-- historique</translation>
    </message>
    <message>
        <source>Open a project with a database first.</source>
        <translation>Ouvrez d’abord un projet avec une base de données.</translation>
    </message>
    <message>
        <source>Select an intent first.</source>
        <translation>Sélectionnez d’abord une intention.</translation>
    </message>
    <message>
        <source>Update intent</source>
        <translation>Mettre à jour l’intention</translation>
    </message>
    <message>
        <source>from the workbench</source>
        <translation>depuis l’atelier</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 est %2.</translation>
    </message>
    <message>
        <source>Renew intent lease</source>
        <translation>Renouveler le bail de l’intention</translation>
    </message>
    <message>
        <source>%1 holds its objects until %2.</source>
        <translation>%1 réserve ses objets jusqu’au %2.</translation>
    </message>
    <message>
        <source>Select a conflict in the Conflicts tab first.</source>
        <translation>Sélectionnez d’abord un conflit dans l’onglet Conflits.</translation>
    </message>
    <message>
        <source>Review conflict</source>
        <translation>Examiner le conflit</translation>
    </message>
    <message>
        <source>How was the %1 conflict on %2 settled?</source>
        <translation>Comment le conflit %1 sur %2 a-t-il été réglé&#x202f;?</translation>
    </message>
    <message>
        <source>Conflict %1 reviewed.</source>
        <translation>Conflit %1 examiné.</translation>
    </message>
    <message>
        <source>The plan is empty: nothing to register.</source>
        <translation>Le plan est vide&#xa0;: rien à enregistrer.</translation>
    </message>
    <message>
        <source>Register plan as an intent</source>
        <translation>Enregistrer le plan comme intention</translation>
    </message>
    <message>
        <source>e.g. orders_status_index</source>
        <translation>p. ex. orders_status_index</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Agent or person:</source>
        <translation>Agent ou personne&#xa0;:</translation>
    </message>
    <message>
        <source>Feature:</source>
        <translation>Fonctionnalité&#xa0;:</translation>
    </message>
    <message>
        <source>Lease:</source>
        <translation>Bail&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) of the plan are analysed against the live database; other intents touching the same objects are listed as conflicts.</source>
        <translation>
            <numerusform>%n instruction du plan est analysée sur la base réelle&#xa0;; les autres intentions touchant les mêmes objets sont listées comme conflits.</numerusform>
            <numerusform>%n instructions du plan sont analysées sur la base réelle&#xa0;; les autres intentions touchant les mêmes objets sont listées comme conflits.</numerusform>
        </translation>
    </message>
    <message>
        <source>An intent needs an agent and a feature name.</source>
        <translation>Une intention a besoin d’un agent et d’un nom de fonctionnalité.</translation>
    </message>
    <message>
        <source>Plan view (%1)</source>
        <translation>Vue Plan (%1)</translation>
    </message>
    <message>
        <source>Register intent</source>
        <translation>Enregistrer l’intention</translation>
    </message>
    <message>
        <source>Registering failed: %1</source>
        <translation>L’enregistrement a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Registered %1.</source>
        <translation>%1 enregistrée.</translation>
    </message>
    <message numerus="yes">
        <source>Registered %1 with %n conflict(s): see the Conflicts tab.</source>
        <translation>
            <numerusform>%1 enregistrée avec %n conflit&#xa0;: voir l’onglet Conflits.</numerusform>
            <numerusform>%1 enregistrée avec %n conflits&#xa0;: voir l’onglet Conflits.</numerusform>
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
    <message>
        <source>&amp;Sync database</source>
        <translation>&amp;Synchroniser la base</translation>
    </message>
    <message>
        <source>Apply pending migrations, then converge: one click on a dev database, the database name typed on any other</source>
        <translation>Appliquer les migrations en attente, puis converger&#xa0;: un clic sur une base de développement, le nom de la base saisi sur toute autre</translation>
    </message>
    <message>
        <source>&amp;Copy database…</source>
        <translation>&amp;Copier une base…</translation>
    </message>
    <message>
        <source>Copy one database&apos;s rows into another, masking personal data on the way</source>
        <translation>Copier les lignes d’une base dans une autre en masquant au passage les données personnelles</translation>
    </message>
    <message>
        <source>Quit while a change runs?</source>
        <translation>Quitter pendant qu’une modification s’exécute&#x202f;?</translation>
    </message>
    <message>
        <source>A change is running on a database. Quitting cancels it: the step in flight is rolled back, steps already committed stay. Quit anyway?</source>
        <translation>Une modification s’exécute sur une base de données. Quitter l’annule&#xa0;: l’étape en cours est annulée (ROLLBACK), les étapes déjà validées restent. Quitter quand même&#x202f;?</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MaskingKeyStore</name>
    <message>
        <source>the keychain</source>
        <translation>le trousseau</translation>
    </message>
    <message>
        <source>No random bytes for a new masking key: try again.</source>
        <translation>Pas d’octets aléatoires pour une nouvelle clé de masquage&#xa0;: réessayez.</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>cette session</translation>
    </message>
    <message>
        <source>The new masking key was not saved in the keychain (%1): it masks this session&apos;s copies only, and later copies will not match them.</source>
        <translation>La nouvelle clé de masquage n’a pas été enregistrée dans le trousseau (%1)&#xa0;: elle ne masque que les copies de cette session, et les copies ultérieures ne leur correspondront pas.</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MigrationsModel</name>
    <message>
        <source>The migration file changed after it was applied: its checksum no longer matches the ledger. Restore the file, or record the change with a new migration.</source>
        <translation>Le fichier de migration a changé après son application&#xa0;: sa somme de contrôle ne correspond plus au registre. Restaurez le fichier, ou consignez la modification dans une nouvelle migration.</translation>
    </message>
    <message>
        <source>A Python migration (.py): Plumbline runs its up() and down() with the Python interpreter set in Settings (python3 from PATH when none is set), in the transaction that writes its ledger row.</source>
        <translation>Une migration Python (.py)&#xa0;: Plumbline exécute ses méthodes up() et down() avec l’interpréteur Python choisi dans les Paramètres (python3 du PATH si aucun n’est choisi), dans la transaction qui écrit sa ligne du registre.</translation>
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
    <message>
        <source>roll back %1</source>
        <translation>annuler %1</translation>
    </message>
    <message>
        <source>Canceled: nothing was changed.</source>
        <translation>Annulé&#xa0;: rien n’a été modifié.</translation>
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
    <name>plumb::ui::MoveTablesModel</name>
    <message>
        <source>Source table</source>
        <translation>Table source</translation>
    </message>
    <message>
        <source>Target table</source>
        <translation>Table cible</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Checksum (verified)</source>
        <translation>Somme de contrôle (vérifiée)</translation>
    </message>
</context>
<context>
    <name>plumb::ui::MoveView</name>
    <message>
        <source>%1 is read-only: a move installs change capture on its source.</source>
        <translation>%1 est en lecture seule : un déplacement installe une capture des modifications sur sa source.</translation>
    </message>
    <message>
        <source>Move the rows of %1 into %2 and keep applying its writes until the cutover</source>
        <translation>Déplacer les lignes de %1 vers %2 et continuer d’appliquer ses écritures jusqu’à la bascule</translation>
    </message>
    <message>
        <source>install change capture (triggers) on the source&apos;s moved tables</source>
        <translation>installer la capture des modifications (déclencheurs) sur les tables déplacées de la source</translation>
    </message>
    <message>
        <source>copy every mapped table into the target from one snapshot</source>
        <translation>copier chaque table de la correspondance dans la cible depuis un seul instantané</translation>
    </message>
    <message>
        <source>apply the writes made meanwhile until a cutover or an abort</source>
        <translation>appliquer les écritures faites entre-temps jusqu’à une bascule ou un abandon</translation>
    </message>
    <message>
        <source>Canceled: nothing was changed.</source>
        <translation>Annulé : rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Starting the move…</source>
        <translation>Démarrage du déplacement…</translation>
    </message>
    <message>
        <source>Move into %1</source>
        <translation>Déplacement vers %1</translation>
    </message>
    <message>
        <source>The move stopped: %1</source>
        <translation>Le déplacement s’est arrêté : %1</translation>
    </message>
    <message numerus="yes">
        <source>Cut over: %n table(s) verified, writes paused %1 ms.</source>
        <translation>
            <numerusform>Basculé : %n table vérifiée, écritures suspendues %1 ms.</numerusform>
            <numerusform>Basculé : %n tables vérifiées, écritures suspendues %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Aborted: the source has no capture left.</source>
        <translation>Abandonné : la source n’a plus de capture.</translation>
    </message>
    <message>
        <source>Cut over: block writes on %1</source>
        <translation>Bascule : bloquer les écritures sur %1</translation>
    </message>
    <message>
        <source>block every write to the source&apos;s moved tables (until Release source)</source>
        <translation>bloquer toute écriture sur les tables déplacées de la source (jusqu’à « Libérer la source »)</translation>
    </message>
    <message>
        <source>apply the last captured changes and set the sequences</source>
        <translation>appliquer les dernières modifications capturées et régler les séquences</translation>
    </message>
    <message>
        <source>verify counts and checksums of every mapped table on both sides</source>
        <translation>vérifier les nombres de lignes et les sommes de contrôle de chaque table des deux côtés</translation>
    </message>
    <message>
        <source>Canceled: the source takes writes as before.</source>
        <translation>Annulé : la source accepte les écritures comme avant.</translation>
    </message>
    <message>
        <source>Cutting over…</source>
        <translation>Bascule en cours…</translation>
    </message>
    <message>
        <source>Cut over into %1</source>
        <translation>Bascule vers %1</translation>
    </message>
    <message>
        <source>The cutover did not finish: %1</source>
        <translation>La bascule n’a pas abouti : %1</translation>
    </message>
    <message>
        <source>Cut over: the target equals the source (mapped); writes to the source stay blocked until Release source.</source>
        <translation>Basculé : la cible égale la source (selon la correspondance) ; les écritures sur la source restent bloquées jusqu’à « Libérer la source ».</translation>
    </message>
    <message>
        <source>Abort the move?</source>
        <translation>Abandonner le déplacement ?</translation>
    </message>
    <message>
        <source>Abort the move into %1? The capture is removed from the source, which is left as it was; the rows copied so far stay in the target.</source>
        <translation>Abandonner le déplacement vers %1 ? La capture est retirée de la source, laissée telle qu’elle était ; les lignes déjà copiées restent dans la cible.</translation>
    </message>
    <message>
        <source>Aborting…</source>
        <translation>Abandon en cours…</translation>
    </message>
    <message>
        <source>Abort move</source>
        <translation>Abandonner le déplacement</translation>
    </message>
    <message>
        <source>Aborted: the source has no capture left; the rows copied so far stay in the target.</source>
        <translation>Abandonné : la source n’a plus de capture ; les lignes déjà copiées restent dans la cible.</translation>
    </message>
    <message>
        <source>The abort failed: %1</source>
        <translation>L’abandon a échoué : %1</translation>
    </message>
    <message>
        <source>Releasing the source…</source>
        <translation>Libération de la source…</translation>
    </message>
    <message>
        <source>Release move source</source>
        <translation>Libérer la source du déplacement</translation>
    </message>
    <message>
        <source>Released: the source takes writes again.</source>
        <translation>Libérée : la source accepte de nouveau les écritures.</translation>
    </message>
    <message>
        <source>The release failed: %1</source>
        <translation>La libération a échoué : %1</translation>
    </message>
    <message>
        <source>preparing (installing change capture on the source)</source>
        <translation>préparation (installation de la capture des modifications sur la source)</translation>
    </message>
    <message>
        <source>copying</source>
        <translation>copie</translation>
    </message>
    <message>
        <source>catching up</source>
        <translation>rattrapage</translation>
    </message>
    <message>
        <source>cutting over</source>
        <translation>bascule</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>Use the proposed mapping as it is</source>
        <translation>Utiliser la correspondance proposée telle quelle</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the move&apos;s state in the target again</source>
        <translation>Relire l&apos;état du déplacement dans la cible</translation>
    </message>
    <message>
        <source>Propose mapping</source>
        <translation>Proposer une correspondance</translation>
    </message>
    <message>
        <source>Read both catalogs and show where each source table and column goes; nothing is written</source>
        <translation>Lire les deux catalogues et montrer où va chaque table et colonne source ; rien n’est écrit</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Install change capture on the source, copy every table, then apply the writes made meanwhile until the cutover</source>
        <translation>Installer la capture des modifications sur la source, copier chaque table, puis appliquer les écritures faites entre-temps jusqu’à la bascule</translation>
    </message>
    <message>
        <source>Cutover…</source>
        <translation>Basculer…</translation>
    </message>
    <message>
        <source>Block writes on the source, apply the last changes and verify that the target equals the source (the source&apos;s name is typed)</source>
        <translation>Bloquer les écritures sur la source, appliquer les dernières modifications et vérifier que la cible égale la source (le nom de la source est saisi)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Stop the move and remove the capture, leaving the source as it was</source>
        <translation>Arrêter le déplacement et retirer la capture, en laissant la source telle qu’elle était</translation>
    </message>
    <message>
        <source>Release source</source>
        <translation>Libérer la source</translation>
    </message>
    <message>
        <source>After a cutover: let the source take writes again</source>
        <translation>Après une bascule : laisser la source accepter de nouveau les écritures</translation>
    </message>
    <message>
        <source>none: the proposal (a Confiture mapping file is read as it is)</source>
        <translation>aucun : la proposition (un fichier de correspondance Confiture est lu tel quel)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Save proposal…</source>
        <translation>Enregistrer la proposition…</translation>
    </message>
    <message>
        <source>Save the proposed mapping as a file to correct and choose</source>
        <translation>Enregistrer la correspondance proposée dans un fichier à corriger puis à choisir</translation>
    </message>
    <message>
        <source>A proposal with renamed or dropped columns needs review; tick this to use it without a file</source>
        <translation>Une proposition avec des colonnes renommées ou abandonnées doit être relue ; cocher pour l’utiliser sans fichier</translation>
    </message>
    <message>
        <source>From (source)</source>
        <translation>De (source)</translation>
    </message>
    <message>
        <source>To (target)</source>
        <translation>Vers (cible)</translation>
    </message>
    <message>
        <source>Mapping file</source>
        <translation>Fichier de correspondance</translation>
    </message>
    <message>
        <source>Copy workers</source>
        <translation>Processus de copie</translation>
    </message>
    <message>
        <source>Propose mapping shows where each source table and column goes, what to review, how changes are captured and the phases. Nothing is written.</source>
        <translation>« Proposer une correspondance » montre où va chaque table et colonne source, ce qu’il faut relire, comment les modifications sont capturées et les phases. Rien n’est écrit.</translation>
    </message>
    <message>
        <source>Choose a target to see its move.</source>
        <translation>Choisir une cible pour voir son déplacement.</translation>
    </message>
    <message>
        <source>Choose a mapping file</source>
        <translation>Choisir un fichier de correspondance</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml);;All files (*)</source>
        <translation>YAML (*.yaml *.yml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Propose a mapping first.</source>
        <translation>Proposer d’abord une correspondance.</translation>
    </message>
    <message>
        <source>Save the proposed mapping</source>
        <translation>Enregistrer la correspondance proposée</translation>
    </message>
    <message>
        <source>YAML (*.yaml)</source>
        <translation>YAML (*.yaml)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Saved: correct the file, then start with it.</source>
        <translation>Enregistré : corriger le fichier, puis démarrer avec lui.</translation>
    </message>
    <message>
        <source>Choose the database to move from and the one to move into.</source>
        <translation>Choisir la base d’où déplacer et celle où déplacer.</translation>
    </message>
    <message>
        <source>The source and the target are the same database: a move between its schemas needs a mapping file.</source>
        <translation>La source et la cible sont la même base : un déplacement entre ses schémas exige un fichier de correspondance.</translation>
    </message>
    <message>
        <source>The move&apos;s source, %1, is not among the workbench&apos;s databases: add it first.</source>
        <translation>La source du déplacement, %1, ne fait pas partie des bases de l’atelier : l’ajouter d’abord.</translation>
    </message>
    <message>
        <source>Choose the move&apos;s target.</source>
        <translation>Choisir la cible du déplacement.</translation>
    </message>
    <message>
        <source>Reading both catalogs…</source>
        <translation>Lecture des deux catalogues…</translation>
    </message>
    <message>
        <source>Plan move</source>
        <translation>Planifier le déplacement</translation>
    </message>
    <message>
        <source>The move cannot run as planned: see the mapping.</source>
        <translation>Le déplacement ne peut pas se faire ainsi : voir la correspondance.</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) map as they are: Start uses this mapping.</source>
        <translation>
            <numerusform>%n table correspond telle quelle : « Démarrer » utilise cette correspondance.</numerusform>
            <numerusform>%n tables correspondent telles quelles : « Démarrer » utilise cette correspondance.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The proposal needs review (%n line(s)): save it, correct it and choose the file, or tick &quot;Use the proposed mapping as it is&quot;.</source>
        <translation>
            <numerusform>La proposition doit être relue (%n ligne) : l’enregistrer, la corriger et choisir le fichier, ou cocher « Utiliser la correspondance proposée telle quelle ».</numerusform>
            <numerusform>La proposition doit être relue (%n lignes) : l’enregistrer, la corriger et choisir le fichier, ou cocher « Utiliser la correspondance proposée telle quelle ».</numerusform>
        </translation>
    </message>
    <message>
        <source>Move from %1 into %2</source>
        <translation>Déplacement de %1 vers %2</translation>
    </message>
    <message>
        <source>Identity mapping: both sides have the same tables and columns.</source>
        <translation>Correspondance identique : les deux côtés ont les mêmes tables et colonnes.</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>À relire : %1</translation>
    </message>
    <message>
        <source>Capture: %1 (%2)</source>
        <translation>Capture : %1 (%2)</translation>
    </message>
    <message>
        <source>Move status</source>
        <translation>État du déplacement</translation>
    </message>
    <message>
        <source>Reading the move failed: %1</source>
        <translation>La lecture du déplacement a échoué : %1</translation>
    </message>
    <message>
        <source>No move into this database.</source>
        <translation>Aucun déplacement vers cette base.</translation>
    </message>
    <message>
        <source>Move from %1: %2</source>
        <translation>Déplacement depuis %1 : %2</translation>
    </message>
    <message>
        <source> (%1 asked)</source>
        <translation> (%1 demandé)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloquées</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>permises</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur : %1</translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n table(s) equal to the source (mapped), by count and checksum; %1 rows. The source stays read-only until Release source.</source>
        <translation>
            <numerusform>Vérifié : %n table égale à la source (selon la correspondance), par nombre et somme de contrôle ; %1 lignes. La source reste en lecture seule jusqu’à « Libérer la source ».</numerusform>
            <numerusform>Vérifié : %n tables égales à la source (selon la correspondance), par nombre et somme de contrôle ; %1 lignes. La source reste en lecture seule jusqu’à « Libérer la source ».</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut over and switched: the target equals the source (mapped) and the switch ran; writes to the source stay blocked until Release source.</source>
        <translation>Basculé et redirigé : la cible égale la source (selon la correspondance) et la commande de redirection a tourné ; les écritures sur la source restent bloquées jusqu’à « Libérer la source ».</translation>
    </message>
    <message>
        <source>none: point the application at the target yourself after the cutover</source>
        <translation>aucune : rediriger soi-même l’application vers la cible après la bascule</translation>
    </message>
    <message>
        <source>A shell command run once the cutover is verified, while the source is still blocked (a pgbouncer reload, a configuration push). It finds the target database in PLUMB_MOVE_TARGET_DATABASE.</source>
        <translation>Une commande shell lancée une fois la bascule vérifiée, pendant que la source est encore bloquée (un rechargement de pgbouncer, un envoi de configuration). Elle trouve la base cible dans PLUMB_MOVE_TARGET_DATABASE.</translation>
    </message>
    <message>
        <source>Switch at cutover</source>
        <translation>Redirection à la bascule</translation>
    </message>
    <message>
        <source>%1 bytes of WAL</source>
        <translation>%1 octets de WAL</translation>
    </message>
    <message>
        <source>%1 change(s)</source>
        <translation>%1 modification(s)</translation>
    </message>
    <message>
        <source>Lag: %1; %2 applied; runner %3; source writes %4.</source>
        <translation>Retard : %1 ; %2 appliquée(s) ; exécuteur %3 ; écritures sur la source %4.</translation>
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
    <message>
        <source>writes every row</source>
        <translation>réécrit chaque ligne</translation>
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
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n étape</numerusform>
            <numerusform>%n étapes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n blocked</source>
        <translation>
            <numerusform>, %n bloquée</numerusform>
            <numerusform>, %n bloquées</numerusform>
        </translation>
    </message>
    <message>
        <source>Register as intent…</source>
        <translation>Enregistrer comme intention…</translation>
    </message>
    <message>
        <source>Declare the selected steps (or the whole plan) as a planned change, so others see it and their conflicts with it</source>
        <translation>Déclarer les étapes sélectionnées (ou tout le plan) comme une modification prévue, pour que les autres la voient ainsi que leurs conflits avec elle</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>planification</translation>
    </message>
    <message>
        <source>This plan was applied already: compute the plan again to see what is left.</source>
        <translation>Ce plan a déjà été appliqué&#xa0;: recalculez le plan pour voir ce qui reste.</translation>
    </message>
    <message>
        <source>Canceled: nothing was changed.</source>
        <translation>Annulé&#xa0;: rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The plan changed while you were asked: review the new one.</source>
        <translation>Le plan a changé pendant la confirmation&#xa0;: examinez le nouveau.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Non appliqué&#xa0;: %1</translation>
    </message>
    <message>
        <source>loses data: %1</source>
        <translation>perd des données&#xa0;: %1</translation>
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
    <message>
        <source>URL from</source>
        <translation>URL issue de</translation>
    </message>
    <message>
        <source>unusable</source>
        <translation>inutilisable</translation>
    </message>
    <message>
        <source>Development: changes need no typed name</source>
        <translation>Développement&#xa0;: les modifications ne demandent pas de saisir le nom</translation>
    </message>
    <message>
        <source>Every change needs the database name typed</source>
        <translation>Chaque modification demande de saisir le nom de la base</translation>
    </message>
    <message>
        <source>Read-only: Plumbline changes nothing here</source>
        <translation>Lecture seule&#xa0;: Plumbline ne modifie rien ici</translation>
    </message>
    <message>
        <source>reads: %1</source>
        <translation>lit&#xa0;: %1</translation>
    </message>
    <message>
        <source>changes: %1 (%2)</source>
        <translation>modifie&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>socket local</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>(user&apos;s database)</source>
        <translation>(base de l&apos;utilisateur)</translation>
    </message>
</context>
<context>
    <name>plumb::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
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
    <message>
        <source>Python interpreter</source>
        <translation>Interpréteur Python</translation>
    </message>
    <message>
        <source>python3 from PATH</source>
        <translation>python3 du PATH</translation>
    </message>
    <message>
        <source>The Python interpreter that runs Python migrations (.py): a path, or a command name looked up on PATH</source>
        <translation>L’interpréteur Python qui exécute les migrations Python (.py)&#xa0;: un chemin, ou un nom de commande cherché dans le PATH</translation>
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
    <message>
        <source>Allow writes once</source>
        <translation>Autoriser une écriture</translation>
    </message>
    <message>
        <source>On a protected database SQL runs read-only. Check this to run one statement that writes, after typing the database name.</source>
        <translation>Sur une base protégée, le SQL s’exécute en lecture seule. Cochez ceci pour exécuter une instruction qui écrit, après avoir saisi le nom de la base.</translation>
    </message>
    <message>
        <source>Writes are allowed for one statement at a time on %1: select the one to run.</source>
        <translation>Sur %1, l’écriture n’est autorisée que pour une instruction à la fois&#xa0;: sélectionnez celle à exécuter.</translation>
    </message>
    <message>
        <source>Run one statement that writes</source>
        <translation>Exécuter une instruction qui écrit</translation>
    </message>
    <message>
        <source>Canceled: nothing was run.</source>
        <translation>Annulé&#xa0;: rien n’a été exécuté.</translation>
    </message>
    <message>
        <source>Running read-only on %1…</source>
        <translation>Exécution en lecture seule sur %1…</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
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
    <message>
        <source>Intents</source>
        <translation>Intentions</translation>
    </message>
    <message>
        <source>The schema changes people and agents plan on the live database, the objects each touches, and where they collide.</source>
        <translation>Les modifications de schéma que des personnes et des agents prévoient sur la base réelle, les objets que chacune touche, et où elles se heurtent.</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>The databases or tenant schemas an environment names, grouped by live schema, planned once per group and changed in waves.</source>
        <translation>Les bases ou schémas de locataires qu’un environnement nomme, regroupés par schéma réel, planifiés une fois par groupe et modifiés par vagues.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacement</translation>
    </message>
    <message>
        <source>A live database moved into a database built from a new schema, with the writes made meanwhile: the mapping, rows copied per table, the catch-up&apos;s lag and the verified cutover.</source>
        <translation>Une base en production déplacée vers une base construite depuis un nouveau schéma, avec les écritures faites entre-temps : la correspondance, les lignes copiées par table, le retard du rattrapage et la bascule vérifiée.</translation>
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
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Sync refused: %1 is read-only.</source>
        <translation>Synchronisation refusée&#xa0;: %1 est en lecture seule.</translation>
    </message>
    <message>
        <source>Sync needs a project with a database.</source>
        <translation>La synchronisation a besoin d’un projet avec une base de données.</translation>
    </message>
    <message>
        <source>Sync canceled: nothing was changed.</source>
        <translation>Synchronisation annulée&#xa0;: rien n’a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n en échec</numerusform>
            <numerusform>, %n en échec</numerusform>
        </translation>
    </message>
</context>
</TS>
