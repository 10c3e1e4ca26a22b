<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name></name>
    <message>
        <location filename="../../shopsync/gui/app.py" line="160"/>
        <source>Mise à jour %1 installée</source>
        <translation>Update %1 installed</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="162"/>
        <source>ShopSync a été mis à jour : version %1 (avant : %2)</source>
        <translation>ShopSync was updated: version %1 (was %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="166"/>
        <source>ShopSync ne s&apos;est pas fermé à temps</source>
        <translation>ShopSync did not close in time</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="167"/>
        <source>une synchronisation ne s&apos;est pas terminée à temps</source>
        <translation>a sync did not end in time</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="168"/>
        <source>des fichiers étaient utilisés, Windows demandait un redémarrage</source>
        <translation>files were in use, Windows asked for a restart</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="169"/>
        <source>l&apos;installateur a échoué, rien n&apos;a changé</source>
        <translation>the installer failed, nothing changed</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="170"/>
        <source>la version installée n&apos;est pas la bonne</source>
        <translation>the installed version is not the right one</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="171"/>
        <source>des fichiers attendaient un redémarrage</source>
        <translation>files were waiting for a restart</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="172"/>
        <source>l&apos;installateur n&apos;est pas signé par l&apos;éditeur attendu</source>
        <translation>the installer is not signed by the expected publisher</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="173"/>
        <source>raison inconnue</source>
        <translation>unknown reason</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="174"/>
        <source>Mise à jour %1 non installée : %2</source>
        <translation>Update %1 not installed: %2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../shopsync/gui/app.py" line="54"/>
        <source>Une erreur inattendue s&apos;est produite ; le détail est dans le journal.</source>
        <translation>An unexpected error occurred; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="31"/>
        <source>utilisation : </source>
        <translation>usage: </translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="32"/>
        <source>arguments</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="33"/>
        <location filename="../../shopsync/cli_parser.py" line="34"/>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="35"/>
        <source>afficher cette aide et quitter</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="38"/>
        <source>sous-commandes</source>
        <translation>subcommands</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="39"/>
        <source>%(prog)s : erreur : %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="42"/>
        <source>argument %(argument_name)s : %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="45"/>
        <source>arguments inconnus : %s</source>
        <translation>unrecognized arguments: %s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="46"/>
        <source>arguments obligatoires manquants : %s</source>
        <translation>the following arguments are required: %s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="49"/>
        <source>l&apos;un de ces arguments est obligatoire : %s</source>
        <translation>one of the arguments %s is required</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="52"/>
        <source>impossible avec l&apos;argument %s</source>
        <translation>not allowed with argument %s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="53"/>
        <source>une valeur est attendue</source>
        <translation>expected one argument</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="54"/>
        <source>une valeur au plus est attendue</source>
        <translation>expected at most one argument</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="57"/>
        <source>une valeur au moins est attendue</source>
        <translation>expected at least one argument</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="60"/>
        <source>valeur ignorée : %r</source>
        <translation>ignored explicit argument %r</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="61"/>
        <source>option ambiguë : %(option)s peut désigner %(matches)s</source>
        <translation>ambiguous option: %(option)s could match %(matches)s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="64"/>
        <source>option inattendue : %s</source>
        <translation>unexpected option string: %s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="65"/>
        <source>valeur %(type)s invalide : %(value)r</source>
        <translation>invalid %(type)s value: %(value)r</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="68"/>
        <source>choix invalide : %(value)r (au choix : %(choices)s)</source>
        <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="71"/>
        <source>commande inconnue %(parser_name)r (au choix : %(choices)s)</source>
        <translation>unknown parser %(parser_name)r (choices: %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="74"/>
        <source>impossible d&apos;ouvrir « %(filename)s » : %(error)s</source>
        <translation>can&apos;t open &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="77"/>
        <source>afficher la version et quitter</source>
        <translation>show program&apos;s version number and exit</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="84"/>
        <source>%s valeur attendue</source>
        <translation>expected %s argument</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="85"/>
        <source>%s valeurs attendues</source>
        <translation>expected %s arguments</translation>
    </message>
</context>
<context>
    <name>BrandsForm</name>
    <message>
        <location filename="../../ui/brands.ui" line="7"/>
        <source>Chaque marque de l&apos;ERP, avec la marque du site où elle va et son mode. Une marque non décidée reste hors du site.</source>
        <translation>Every ERP brand, with the site brand it goes to and its mode. A brand not decided yet stays off the site.</translation>
    </message>
    <message>
        <location filename="../../ui/brands.ui" line="8"/>
        <source>Rechercher une marque…</source>
        <translation>Search a brand…</translation>
    </message>
    <message>
        <location filename="../../ui/brands.ui" line="14"/>
        <source>Annuler les modifications</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../ui/brands.ui" line="15"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>BrandsWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="50"/>
        <source>ShopSync — Marques</source>
        <translation>ShopSync — Brands</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="64"/>
        <source>Marque ERP</source>
        <translation>ERP brand</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="64"/>
        <source>Produits</source>
        <translation>Products</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="64"/>
        <source>Reliés au catalogue</source>
        <translation>Matched in catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="65"/>
        <source>Marque du site</source>
        <translation>Site brand</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="65"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="91"/>
        <source>Chargement des marques…</source>
        <translation>Loading brands…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="95"/>
        <source>Lecture impossible : %1</source>
        <translation>Cannot read: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="105"/>
        <source>Nouvelle marque : à décider</source>
        <translation>New brand: to decide</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="116"/>
        <source>(même nom)</source>
        <translation>(same name)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="127"/>
        <source>%n marque(s) à décider.</source>
        <translation>
            <numerusform>%n brand to decide.</numerusform>
            <numerusform>%n brands to decide.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="127"/>
        <source>Toutes les marques sont décidées.</source>
        <translation>Every brand is decided.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="179"/>
        <source>Aucune modification.</source>
        <translation>No change.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="181"/>
        <source>Calcul de l&apos;effet…</source>
        <translation>Working out the effect…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="194"/>
        <source>%n produit(s) seront publiés</source>
        <translation>
            <numerusform>%n product will be published</numerusform>
            <numerusform>%n products will be published</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="196"/>
        <source>%n dépublié(s)</source>
        <translation>
            <numerusform>%n unpublished</numerusform>
            <numerusform>%n unpublished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="199"/>
        <source>%n mis à jour</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="200"/>
        <source> à l&apos;enregistrement.</source>
        <translation> when saved.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="219"/>
        <source>%n marque(s) enregistrée(s).</source>
        <translation>
            <numerusform>%n brand saved.</numerusform>
            <numerusform>%n brands saved.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="223"/>
        <source>Marques</source>
        <translation>Brands</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="223"/>
        <source>Enregistrement impossible : %1</source>
        <translation>Cannot save: %1</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../shopsync/commands/status.py" line="11"/>
        <source>afficher la dernière synchronisation, les changements en attente, les dépublications retenues et l&apos;état</source>
        <translation>show the last run, pending changes, held unpublishing and the engine&apos;s state</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="21"/>
        <source>un seul document JSON</source>
        <translation>one JSON object</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="67"/>
        <source>État : %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="76"/>
        <source>Dernière synchronisation : %1 — %2 (lus %3, envoyés %4)</source>
        <translation>Last sync: %1 — %2 (read %3, sent %4)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="90"/>
        <source>Changements en attente : %1</source>
        <translation>Pending changes: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/commands/status.py" line="93"/>
        <source>%n dépublication(s) retenue(s) : `shopsync confirm` pour les lancer</source>
        <translation>
            <numerusform>%n unpublishing held: `shopsync confirm` to carry it out</numerusform>
            <numerusform>%n unpublishings held: `shopsync confirm` to carry them out</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="108"/>
        <source>Pourquoi : %1</source>
        <translation>Why: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="16"/>
        <source>démarrer le site d&apos;essai avec des données d&apos;exemple, synchroniser et montrer la boutique</source>
        <translation>start the sandbox site with sample data, run a sync and show the storefront</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="28"/>
        <source>s&apos;arrêter après la première synchronisation</source>
        <translation>end after the first sync</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="33"/>
        <source>ne jamais ouvrir l&apos;application de la barre des tâches</source>
        <translation>never open the tray app</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="39"/>
        <source>port du site d&apos;essai (0 : un port libre)</source>
        <translation>sandbox port (0: any free port)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="94"/>
        <source>Site de démonstration : %1/  (boutique en ligne)</source>
        <translation>Demo site: %1/  (online shop)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="95"/>
        <source>Dossier ShopSync : %1</source>
        <translation>ShopSync folder: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="99"/>
        <source>1re synchronisation : %1</source>
        <translation>1st sync: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="109"/>
        <source>Vente simulée (1 Tissot Seastar) puis synchronisation : %1</source>
        <translation>Simulated sale (1 Tissot Seastar), then sync: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="120"/>
        <location filename="../../shopsync/commands/status.py" line="102"/>
        <source>Marques à décider : %1</source>
        <translation>Brands to decide: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="129"/>
        <source>Le site reste ouvert : Ctrl-C pour arrêter.</source>
        <translation>The site stays open: Ctrl-C to stop.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/commands/status.py" line="106"/>
        <source>%n produit(s) refusé(s) par le site</source>
        <translation>
            <numerusform>%n product refused by the site</numerusform>
            <numerusform>%n products refused by the site</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="10"/>
        <source>lister les marques de l&apos;ERP et leur choix, ou décider d&apos;une marque pour le site</source>
        <translation>list ERP brands and their mapping, or map a brand to the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="22"/>
        <source>chaque marque de l&apos;ERP avec son nombre de produits et son choix</source>
        <translation>every ERP brand with its product count and mapping</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="28"/>
        <source>choisir le mode d&apos;une marque (une marque absente de l&apos;ERP est permise)</source>
        <translation>set a brand&apos;s mode (a brand absent from the ERP is allowed)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="50"/>
        <source>marque vide : donnez la marque telle que l&apos;ERP l&apos;écrit</source>
        <translation>empty brand: give the brand as the ERP writes it</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="89"/>
        <source>← à décider</source>
        <translation>← to decide</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/confirm.py" line="10"/>
        <source>confirmer les dépublications retenues par la sécurité (la prochaine synchronisation les effectue)</source>
        <translation>confirm the unpublishing held by the safety guard (carried out by the next sync)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/commands/confirm.py" line="27"/>
        <source>%n dépublication(s) confirmée(s) : la prochaine synchronisation les effectue.</source>
        <translation>
            <numerusform>%n unpublishing confirmed: the next sync carries it out.</numerusform>
            <numerusform>%n unpublishings confirmed: the next sync carries them out.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="27"/>
        <source>Garde la boutique en ligne au niveau du stock de l&apos;ERP du magasin.</source>
        <translation>Keeps the shop&apos;s web store in step with the stock in its ERP.</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="111"/>
        <source>erreur interne (%1) ; le détail est dans le journal (logs/shopsync.log).</source>
        <translation>internal error (%1); the details are in the log (logs/shopsync.log).</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="126"/>
        <source>%1 : ce fichier ou son dossier n&apos;existe pas</source>
        <translation>%1: this file or its folder does not exist</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="128"/>
        <source>%1 : accès refusé par le système</source>
        <translation>%1: access denied by the system</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="130"/>
        <source>%1 : un fichier est à la place d&apos;un dossier attendu</source>
        <translation>%1: a file stands where a folder is expected</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="132"/>
        <source>%1 : le système refuse ce fichier (%2)</source>
        <translation>%1: the system refuses this file (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/demo_data.py" line="125"/>
        <source>Écrite autrement que sur le site (connectée quand même) : %1 → %2</source>
        <translation>Written differently from the site (connected anyway): %1 → %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/demo_data.py" line="128"/>
        <source>Référence à réécrire : %1 → %2 (proposée, score %3)</source>
        <translation>Reference to rewrite: %1 → %2 (suggested, score %3)</translation>
    </message>
    <message>
        <location filename="../../shopsync/demo_data.py" line="131"/>
        <source>Absente du catalogue du site : %1 (demande de référencement)</source>
        <translation>Not in the site&apos;s catalogue: %1 (listing request)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="15"/>
        <source>lister, accepter ou refuser des alias de référence (référence ERP → référence du catalogue)</source>
        <translation>list, accept or reject reference aliases (ERP reference → catalogue reference)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="25"/>
        <source>chaque alias accepté ou refusé</source>
        <translation>every accepted or rejected alias</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="29"/>
        <source>un seul document JSON : {&quot;aliases&quot;: [...]}</source>
        <translation>one JSON document: {&quot;aliases&quot;: [...]}</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="34"/>
        <source>seulement les alias dont la cible a disparu du catalogue</source>
        <translation>only aliases whose target vanished</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="38"/>
        <source>relier ERP_REF à CATALOG_REF à chaque synchronisation</source>
        <translation>connect ERP_REF to CATALOG_REF on every sync</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="39"/>
        <source>retenir que ERP_REF n&apos;est pas CATALOG_REF</source>
        <translation>remember that ERP_REF is not CATALOG_REF</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="55"/>
        <source>dossier de ShopSync (voir shopsync --help)</source>
        <translation>home folder (see shopsync --help)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="71"/>
        <source>attention : %1 n&apos;est pas dans le catalogue de la dernière synchro ; l&apos;alias ne servira que si cette référence y apparaît</source>
        <translation>warning: %1 is not in the catalogue of the last sync; the alias only works once that reference appears there</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="77"/>
        <source>%1 → %2 : accepté</source>
        <translation>%1 → %2: accepted</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="80"/>
        <source>%1 ≠ %2 : refusé</source>
        <translation>%1 ≠ %2: rejected</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="93"/>
        <source>aucun alias</source>
        <translation>no alias</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="95"/>
        <source>(périmé : absent du catalogue)</source>
        <translation>(stale: not in the catalogue)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="18"/>
        <source>rapprocher les références de l&apos;export ERP du catalogue du site (identiques, écrites autrement, suggérées)</source>
        <translation>match the ERP export&apos;s references to the site catalogue (exact, normalized, suggested)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="30"/>
        <source>l&apos;export de l&apos;ERP à lire</source>
        <translation>the ERP export to read</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="36"/>
        <source>catalogue CSV avec les colonnes reference,brand,title</source>
        <translation>catalogue CSV with the columns reference,brand,title</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="41"/>
        <source>télécharger le catalogue depuis le site</source>
        <translation>fetch the catalogue from the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="51"/>
        <source>format de sortie (par défaut : selon l&apos;extension de --output, sinon jsonl)</source>
        <translation>output format (default: from --output&apos;s extension, else jsonl)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="57"/>
        <source>écrire dans ce fichier plutôt que sur la sortie standard</source>
        <translation>write here instead of stdout</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="64"/>
        <source>candidats par référence (5 par défaut)</source>
        <translation>candidates per reference (default 5)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="111"/>
        <source>%1 références ERP, %2 produits au catalogue : %3</source>
        <translation>%1 ERP references, %2 catalogue products: %3</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="19"/>
        <source>chercher, télécharger (vérifiée) ou installer une mise à jour signée de ShopSync</source>
        <translation>Check for, download (verified) or install a signed ShopSync update.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="31"/>
        <source>check : une version plus récente est-elle proposée ; download : la télécharger et la vérifier ; apply : l&apos;installer et redémarrer ShopSync</source>
        <translation>check: is a newer version offered; download: fetch and verify it; apply: install it and restart ShopSync</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="40"/>
        <source>un seul document JSON sur la sortie standard</source>
        <translation>one JSON line on stdout</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="74"/>
        <source>Version %1 en cours d&apos;installation : ShopSync se ferme, s&apos;installe puis redémarre ; le résultat s&apos;affichera au démarrage.</source>
        <translation>Installing version %1: ShopSync closes, installs and starts again; the outcome is shown at start.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="79"/>
        <source>Version %1 installée : ShopSync redémarre.</source>
        <translation>Version %1 installed: ShopSync restarts.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="81"/>
        <source>ShopSync est à jour (version %1).</source>
        <translation>ShopSync is up to date (version %1).</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="84"/>
        <source>Mise à jour disponible : version %1 (installée : %2).</source>
        <translation>Update available: version %1 (installed: %2).</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="88"/>
        <source>Téléchargée et vérifiée : %1</source>
        <translation>Downloaded and verified: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="91"/>
        <source>Aucune mise à jour n&apos;est publiée à l&apos;adresse du dépôt (introuvable) : vérifiez [update] url ; nouvel essai plus tard.</source>
        <translation>No update is published at the repository&apos;s address (not found): check [update] url; tried again later.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="97"/>
        <source>Le dépôt des mises à jour est injoignable : nouvel essai plus tard.</source>
        <translation>The update repository cannot be reached: trying again later.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="101"/>
        <source>Mise à jour refusée : rien n&apos;a été installé.</source>
        <translation>Update refused: nothing was installed.</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="23"/>
        <source>lancer le site d&apos;essai (Site API v1.2, boutique sur /, /admin pour la plateforme) pour les démonstrations et les tests ; son état est gardé en SQLite dans --data</source>
        <translation>Run the sandbox site (Site API v1.2, storefront page at /, /admin for the platform) for demos and tests; state kept in SQLite under --data.</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="66"/>
        <source>adresse d&apos;écoute (127.0.0.1 par défaut)</source>
        <translation>address to listen on (default 127.0.0.1)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="72"/>
        <source>port (8765 par défaut ; 0 = un port libre)</source>
        <translation>port (default 8765; 0 = any free port)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="77"/>
        <source>le jeton de la boutique (par défaut : $SHOPSYNC_SANDBOX_TOKEN ou « sandbox-token »)</source>
        <translation>the shop&apos;s bearer token (default: $SHOPSYNC_SANDBOX_TOKEN or &apos;sandbox-token&apos;)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="86"/>
        <source>catalogue CSV : reference,brand,title,has_sizes[,sizes] (par défaut : le catalogue d&apos;exemple, si le dossier --data n&apos;en a pas encore)</source>
        <translation>catalogue CSV: reference,brand,title,has_sizes[,sizes] (default: the sample catalogue, when the --data folder holds none yet)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="95"/>
        <source>dossier de l&apos;état SQLite du site d&apos;essai (par défaut : sandbox/ dans le dossier de ShopSync)</source>
        <translation>folder for the sandbox&apos;s SQLite state (default: the ShopSync home folder&apos;s sandbox/)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="105"/>
        <source>part des requêtes de l&apos;API qui échouent (0 à 1)</source>
        <translation>share of API requests that fail (0..1)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="111"/>
        <source>servir ce dépôt de mises à jour TUF (shopsync-release init) sous /updates</source>
        <translation>serve this TUF update repository (shopsync-release init) under /updates</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="119"/>
        <source>graine qui choisit les requêtes en échec</source>
        <translation>seed choosing which requests fail</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="126"/>
        <source>articles par lot avant la réponse 413 (500 par défaut)</source>
        <translation>items per batch before 413 (default 500)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="133"/>
        <source>durée d&apos;une panne « lente » en secondes (2 par défaut)</source>
        <translation>delay of a &apos;slow&apos; fault, in seconds (default 2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="140"/>
        <source>le connecteur est en retard après ce délai sans signal (45m par défaut)</source>
        <translation>the connector is late after this long without a heartbeat (default 45m)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="149"/>
        <source>le connecteur est silencieux après ce délai sans signal (6h par défaut)</source>
        <translation>the connector is silent after this long without a heartbeat (default 6h)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="157"/>
        <source>confirm : tant que le connecteur est silencieux, les produits en stock affichent « disponibilité à confirmer » (off par défaut)</source>
        <translation>confirm: while the connector is silent, in-stock products show &apos;disponibilité à confirmer&apos; (default off)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="197"/>
        <source>catalogue : %1</source>
        <translation>catalogue: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="201"/>
        <source>catalogue : %1 produit(s) gardé(s) dans le dossier de données</source>
        <translation>catalogue: %1 product(s) kept in the data folder</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="208"/>
        <source>catalogue : le catalogue d&apos;exemple (%1) ; --catalog FICHIER.csv pour le vôtre</source>
        <translation>catalogue: the sample catalogue (%1); --catalog FILE.csv for your own</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="214"/>
        <source>ATTENTION : catalogue VIDE (pas de --catalog, pas de catalogue d&apos;exemple) : rien ne pourra être publié ; relancez avec --catalog FICHIER.csv</source>
        <translation>WARNING: EMPTY catalogue (no --catalog, no sample catalogue): nothing can be published; start again with --catalog FILE.csv</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="242"/>
        <source>boutique : %1/   contrat : %2/openapi.json</source>
        <translation>storefront: %1/   contract: %2/openapi.json</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="244"/>
        <source>back-office : %1/admin (mot de passe : le jeton de la boutique)</source>
        <translation>back-office: %1/admin (password: the shop token)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="247"/>
        <source>données : %1</source>
        <translation>data: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="251"/>
        <source>mises à jour : %1/updates/ depuis %2</source>
        <translation>updates: %1/updates/ from %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="254"/>
        <source>pannes : %1 des requêtes de l&apos;API (graine %2)</source>
        <translation>faults: %1 of API requests (seed %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="256"/>
        <source>Ctrl-C pour arrêter.</source>
        <translation>Ctrl-C to stop.</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="283"/>
        <source>Site d&apos;essai ShopSync arrêté.</source>
        <translation>ShopSync sandbox stopped.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/_common.py" line="21"/>
        <source>afficher la version et quitter</source>
        <translation>show program&apos;s version number and exit</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/_common.py" line="27"/>
        <source>dossier de ShopSync (config.toml, shopsync.db, logs/) ; par défaut : $SHOPSYNC_HOME ou le dossier de données de l&apos;utilisateur</source>
        <translation>home folder (config.toml, shopsync.db, logs/); default: $SHOPSYNC_HOME or the user data folder</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="21"/>
        <source>rapport de préparation : l&apos;ERP est-il prêt à être relié au site ?</source>
        <translation>readiness report: is the ERP ready to be connected to the site?</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="33"/>
        <source>export de l&apos;ERP (par défaut : les réglages)</source>
        <translation>ERP export (default: settings)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="39"/>
        <location filename="../../shopsync/commands/match.py" line="47"/>
        <source>profil de l&apos;ERP (par défaut : les réglages)</source>
        <translation>ERP profile (default: settings)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="43"/>
        <source>catalogue CSV (reference,brand,title)</source>
        <translation>catalogue CSV (reference,brand,title)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="48"/>
        <source>vérification de première connexion : le site, le jeton, son catalogue, puis le rapport</source>
        <translation>first-connection check: the site, the token, its catalogue, then the report</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="53"/>
        <source>Code de sortie : 0 prêt ; 4 à corriger ou pas prêt (une personne doit agir avant de relier la boutique) ; 2 réglages ou fichiers illisibles ; 3 site injoignable (--site).</source>
        <translation>Exit code: 0 ready; 4 to fix or not ready (a person must act before the shop is connected); 2 unreadable settings or files; 3 site unreachable (--site).</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="60"/>
        <source>rapport.html, rapport.xlsx ou rapport.csv (par défaut : un résumé sur la sortie standard)</source>
        <translation>report.html, report.xlsx or report.csv (default: a summary on stdout)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="75"/>
        <source>--output %1 : un fichier .html, .xlsx ou .csv est attendu</source>
        <translation>--output %1: expected a .html, .xlsx or .csv file</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="98"/>
        <source>aucun catalogue à comparer : donnez --catalog FICHIER.csv ou --site (ou lancez d&apos;abord une synchronisation)</source>
        <translation>no catalogue to compare with: pass --catalog FILE.csv or --site (or run a sync first)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="142"/>
        <source>Verdict : %1 — rapport écrit dans %2</source>
        <translation>Verdict: %1 — report written to %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="199"/>
        <source>Verdict : %1</source>
        <translation>Verdict: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="206"/>
        <source>%1 références ERP : %2 connectées (%3), %4 à réécrire, %5 absentes du catalogue ; %6 produits du site dépubliés à la 1re synchro</source>
        <translation>%1 ERP references: %2 connected (%3), %4 to rewrite, %5 not in the catalogue; %6 site products unpublished by the first sync</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="221"/>
        <source>Marque</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="221"/>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="221"/>
        <source>Connectés</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="222"/>
        <source>À réécrire</source>
        <translation>To rewrite</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="222"/>
        <source>Absents</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="223"/>
        <source>Dépubliés</source>
        <translation>Unpublished</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="223"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="229"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="234"/>
        <source>À réécrire (référence ERP → écriture suggérée) :</source>
        <translation>To rewrite (ERP reference → suggested spelling):</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="238"/>
        <source>… et %1 autres (--output rapport.xlsx)</source>
        <translation>… and %1 more (--output report.xlsx)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/gui.py" line="11"/>
        <source>démarrer l&apos;application de la barre des tâches (par défaut sans commande)</source>
        <translation>start the tray app (the default when no command is given)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/gui.py" line="22"/>
        <source>démarrer dans la barre des tâches sans ouvrir de fenêtre</source>
        <translation>start in the tray without opening a window</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/gui.py" line="25"/>
        <location filename="../../shopsync/commands/run.py" line="34"/>
        <location filename="../../shopsync/commands/sync.py" line="43"/>
        <source>journal détaillé (débogage)</source>
        <translation>debug logging</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="19"/>
        <source>lire un export de l&apos;ERP et afficher les articles en stock que ShopSync y comprend</source>
        <translation>read an ERP export and print the stock items ShopSync understands from it</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="33"/>
        <source>l&apos;export (CSV/TXT, XLSX/XLS/ODS, DBF) ou un motif ; facultatif quand le profil nomme sa propre source (ODBC, 4D REST) ou que config.toml nomme l&apos;export</source>
        <translation>the export (CSV/TXT, XLSX/XLS/ODS, DBF) or a glob; may be left out when the profile names its own source (ODBC, 4D REST) or config.toml names the export</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="43"/>
        <source>profil de l&apos;ERP : auto, bijou3, cestia, m3soft, 4d-text, 4d-rest, odbc, un profil du dossier de ShopSync ou un fichier .toml (par défaut : celui de config.toml, sinon auto)</source>
        <translation>ERP profile: auto, bijou3, cestia, m3soft, 4d-text, 4d-rest, odbc, a profile of the home folder, or a .toml file (default: config.toml&apos;s, else auto)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="54"/>
        <source>jsonl : un objet JSON par article (par défaut) ; table : colonnes alignées ; summary : les comptes seulement</source>
        <translation>jsonl: one JSON object per item (default); table: aligned columns; summary: counts only</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="139"/>
        <source>séparateur %1</source>
        <translation>%1-separated</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="141"/>
        <source>feuille %1</source>
        <translation>sheet %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="157"/>
        <source>source : %1</source>
        <translation>source: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="159"/>
        <source>lu comme : %1 (profil %2)</source>
        <translation>read as: %1 (profile %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="166"/>
        <source>colonnes : %1</source>
        <translation>columns: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="168"/>
        <source>lignes de données : %1</source>
        <translation>data lines: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="170"/>
        <source>articles : %1 (%2 avec un prix, %3 marques, %4 pièces en stock)</source>
        <translation>items: %1 (%2 with a price, %3 brands, %4 pieces in stock)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="173"/>
        <source>lignes rejetées : %1</source>
        <translation>rejected lines: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="174"/>
        <source>avertissements : %1</source>
        <translation>warnings: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/run.py" line="18"/>
        <source>synchroniser selon le planning (--headless : en service, sans fenêtre)</source>
        <translation>keep syncing on the schedule (--headless: service mode, no window)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/run.py" line="29"/>
        <source>sans application de barre des tâches : le planificateur seul (service)</source>
        <translation>no tray app: the scheduler alone (service mode)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/screenshots.py" line="11"/>
        <source>dessiner le menu et chaque fenêtre avec les données de démonstration en fichiers PNG (hors écran)</source>
        <translation>render the tray menu and every window with demo data to PNG files (offscreen)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/screenshots.py" line="20"/>
        <source>dossier des fichiers PNG</source>
        <translation>where the PNG files go</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="11"/>
        <source>une synchronisation : lire l&apos;export de l&apos;ERP, envoyer au site ce qui a changé</source>
        <translation>run one sync: read the ERP export, upload what changed to the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="22"/>
        <source>une seule synchronisation, puis quitter (par défaut)</source>
        <translation>one run, then exit (the default)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="27"/>
        <source>montrer ce qui changerait, sans rien envoyer</source>
        <translation>show what would change, send nothing</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="32"/>
        <source>tout relire (comme la réconciliation de nuit)</source>
        <translation>re-read everything (nightly reconcile)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="37"/>
        <source>un seul document JSON sur la sortie standard (le texte va sur la sortie d&apos;erreur)</source>
        <translation>end with one JSON object on stdout</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/quit.py" line="48"/>
        <source>ShopSync tourne encore après %1 s.</source>
        <translation>ShopSync is still running after %1 s.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/quit.py" line="52"/>
        <source>ShopSync s&apos;est fermé.</source>
        <translation>ShopSync has closed.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/quit.py" line="54"/>
        <source>ShopSync a été prié de se fermer.</source>
        <translation>ShopSync was asked to close.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/quit.py" line="56"/>
        <source>ShopSync n&apos;était pas ouvert.</source>
        <translation>ShopSync was not running.</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="57"/>
        <source>true ou false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="64"/>
        <source>un texte</source>
        <translation>text</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="71"/>
        <source>une liste de textes</source>
        <translation>a list of texts</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="84"/>
        <source> ou </source>
        <translation> or </translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="104"/>
        <source>un nombre entier à partir de %1</source>
        <translation>a whole number from %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="106"/>
        <source>un nombre entier de %1 à %2</source>
        <translation>a whole number from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="127"/>
        <source>un nombre plus grand que %1, au plus %2</source>
        <translation>a number above %1, at most %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="129"/>
        <source>un nombre de %1 à %2</source>
        <translation>a number from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="152"/>
        <source>une part plus grande que 0, au plus 1 (0.2), ou un pourcentage écrit &quot;20 %&quot;</source>
        <translation>a share above 0, at most 1 (0.2), or a percentage written &quot;20 %&quot;</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="187"/>
        <source>une heure HH:MM (03:00), ou &quot;&quot; pour aucune</source>
        <translation>a time HH:MM (03:00), or &quot;&quot; for none</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="203"/>
        <source>un fuseau horaire (Europe/Paris, Indian/Reunion…)</source>
        <translation>a time zone (Europe/Paris, Indian/Reunion…)</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="212"/>
        <source>&quot;&quot; ou le chemin d&apos;un fichier qui existe</source>
        <translation>&quot;&quot; or the path of an existing file</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="105"/>
        <source>%1 : ce n&apos;est pas un fichier TOML valide</source>
        <translation>%1: not a valid TOML file</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="106"/>
        <source>%1 : ce n&apos;est pas un fichier TOML valide (ligne %2, colonne %3)</source>
        <translation>%1: not a valid TOML file (line %2, column %3)</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="123"/>
        <source>%1 : [%2] doit être une table de clés (clé = valeur)</source>
        <translation>%1: [%2] must be a table of keys (key = value)</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="270"/>
        <source>les identifiants WooCommerce s&apos;écrivent clé:secret (ck_…:cs_…), tels que WooCommerce les donne dans Réglages › Avancé › API REST</source>
        <translation>WooCommerce credentials are written key:secret (ck_…:cs_…), as WooCommerce gives them in Settings › Advanced › REST API</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="91"/>
        <source>%1 : [%2] %3 : attendu %4, trouvé %5</source>
        <translation>%1: [%2] %3: expected %4, found %5</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="167"/>
        <source>une durée : un nombre et une unité (30s, 15m, 2h, 1d)</source>
        <translation>a duration: a number and a unit (30s, 15m, 2h, 1d)</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="221"/>
        <source>le trousseau du système est illisible (%1) : le jeton du site %2 ne peut pas y être lu. Réparez le trousseau, ou définissez %3.</source>
        <translation>the system keyring cannot be read (%1): the site token for %2 cannot be looked up. Repair the keyring, or set %3.</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="256"/>
        <source>le trousseau du système ne peut pas garder le jeton du site (%1) ; sans trousseau, définissez %2.</source>
        <translation>the system keyring cannot keep the site token (%1); without a keyring, set %2.</translation>
    </message>
    <message>
        <location filename="../../shopsync/services/settings.py" line="80"/>
        <source>le trousseau du système ne peut pas garder le mot de passe de l&apos;ERP (%1) ; sans trousseau, définissez SHOPSYNC_ODBC_PASSWORD ou SHOPSYNC_4D_PASSWORD.</source>
        <translation>the system keyring cannot keep the ERP password (%1); without a keyring, set SHOPSYNC_ODBC_PASSWORD or SHOPSYNC_4D_PASSWORD.</translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/chart.py" line="32"/>
        <source>%n changement(s) sur 30 jours</source>
        <translation>
            <numerusform>%n change in 30 days</numerusform>
            <numerusform>%n changes in 30 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Erp</name>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="18"/>
        <source>%1 : aucun fichier d&apos;export ne correspond</source>
        <translation>%1: no export file matches</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="22"/>
        <source>%1 : fichier introuvable</source>
        <translation>%1: no such file</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="26"/>
        <source>%1 : c&apos;est un dossier, pas un fichier d&apos;export</source>
        <translation>%1: is a folder, not an export file</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="30"/>
        <source>%1 : accès refusé (l&apos;ERP est-il encore en train de l&apos;écrire ?)</source>
        <translation>%1: permission denied (is the ERP still writing it?)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="34"/>
        <source>%1 : le fichier est vide</source>
        <translation>%1: the file is empty</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="39"/>
        <source>aucun fichier d&apos;export indiqué, et le profil « %1 » ne nomme pas de source : choisissez le fichier dans les réglages ([erp] path dans config.toml)</source>
        <translation>no export file given, and the profile &apos;%1&apos; names no source of its own: choose the file in the settings ([erp] path in config.toml)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="63"/>
        <source>%1 Mo</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="69"/>
        <source>%1 : ce n&apos;est pas un fichier d&apos;export mais %2 ; rien n&apos;a été lu</source>
        <translation>%1: not an export file but %2; nothing was read</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="74"/>
        <source>un tube nommé (FIFO)</source>
        <translation>a named pipe (FIFO)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="75"/>
        <source>un périphérique</source>
        <translation>a device</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="76"/>
        <source>une socket</source>
        <translation>a socket</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="77"/>
        <source>un fichier spécial</source>
        <translation>a special file</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="87"/>
        <source>%1 : %2, plus que les %3 qu&apos;un export peut faire (les plus gros exports connus font environ 20 Mo) ; rien n&apos;a été lu</source>
        <translation>%1: %2, more than the %3 an export can be (the biggest exports known are about 20 MB); nothing was read</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="98"/>
        <source>%1 : plus de %2 lignes, plus qu&apos;un export peut en avoir (les plus gros exports connus en ont environ 200 000) ; rien n&apos;a été lu</source>
        <translation>%1: more than %2 lines, more than an export can have (the biggest exports known have about 200,000); nothing was read</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="109"/>
        <source>%1 : le classeur décompressé dépasse %2, plus qu&apos;un export peut faire ; rien n&apos;a été lu</source>
        <translation>%1: the workbook unzipped is over %2, more than an export can be; nothing was read</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="136"/>
        <source>… et %1 lignes refusées de plus</source>
        <translation>… and %1 more lines rejected</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="138"/>
        <source>… et %1 avertissements de plus</source>
        <translation>… and %1 more warnings</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="146"/>
        <source>« %1 » n&apos;est pas un prix</source>
        <translation>&apos;%1&apos; is not a price</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="150"/>
        <source>« %1 » est négatif</source>
        <translation>&apos;%1&apos; is negative</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="154"/>
        <source>« %1 » n&apos;est pas un nombre entier</source>
        <translation>&apos;%1&apos; is not a whole number</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="158"/>
        <source>« %1 » est en notation scientifique : ses chiffres sont perdus</source>
        <translation>&apos;%1&apos; is in scientific notation: its digits are lost</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="162"/>
        <source>« %1 » n&apos;est pas un code-barres</source>
        <translation>&apos;%1&apos; is not a barcode</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="166"/>
        <source>%1 (ligne refusée)</source>
        <translation>%1 (line rejected)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="170"/>
        <source>vide, compté comme 0</source>
        <translation>empty, counted as 0</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="174"/>
        <source>%1 (vendu en trop), compté comme 0</source>
        <translation>%1 (oversold), counted as 0</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="178"/>
        <source>%1 ; code-barres ignoré</source>
        <translation>%1; barcode ignored</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="182"/>
        <source>pas de colonne de quantité : chaque ligne compte pour une pièce</source>
        <translation>no quantity column: each line counts as one piece</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="187"/>
        <source>trop peu de champs (%1 sur %2 attendus ; le fichier a-t-il été coupé pendant son écriture ?)</source>
        <translation>too few fields (%1 of %2 expected; was the file cut while being written?)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="197"/>
        <source>vide : la ligne est ignorée</source>
        <translation>empty: the line is skipped</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="202"/>
        <source>%1 diffère de %2 pour « %3 » (vu d&apos;abord ligne %4) ; le plus élevé est gardé, %5</source>
        <translation>%1 differs from %2 for &apos;%3&apos; (first seen on line %4); kept the highest, %5</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="213"/>
        <source>l&apos;en-tête « %1 » est sur les colonnes %2 et %3 : la colonne %4 est lue (pour lire la colonne %5 à la place, donnez son numéro dans le profil : [columns] %6 = %5)</source>
        <translation>the header &apos;%1&apos; is on columns %2 and %3: column %4 is read (to read column %5 instead, give its number in the profile: [columns] %6 = %5)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="240"/>
        <source>%1 : illisible (%2)</source>
        <translation>%1: cannot be read (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="245"/>
        <source>%1 : son fichier témoin est plus ancien que le fichier : encore en cours d&apos;écriture</source>
        <translation>%1: its marker file is older than the file: still being written</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="252"/>
        <source>%1 : encore en cours d&apos;écriture (modifié il y a moins de %2 s) ; il sera lu dès qu&apos;il ne change plus</source>
        <translation>%1: still being written (changed less than %2 s ago); it will be read once it stops changing</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="262"/>
        <source>%1 : change encore après %2 s ; non lu</source>
        <translation>%1: still changing after %2 s; not read</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="268"/>
        <source>%1 : pas un export lisible : cela ressemble à %2. ShopSync lit les exports CSV/TXT, XLSX/XLS/ODS et DBF.</source>
        <translation>%1: not a readable export: this looks like %2. ShopSync reads CSV/TXT, XLSX/XLS/ODS and DBF exports.</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="279"/>
        <source>un document PDF</source>
        <translation>a PDF document</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="280"/>
        <source>une image PNG</source>
        <translation>a PNG image</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="281"/>
        <source>une image JPEG</source>
        <translation>a JPEG image</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="282"/>
        <source>une image GIF</source>
        <translation>a GIF image</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="283"/>
        <source>une archive gzip</source>
        <translation>a gzip archive</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="284"/>
        <source>une archive 7-Zip</source>
        <translation>a 7-Zip archive</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="285"/>
        <source>une archive RAR</source>
        <translation>a RAR archive</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="286"/>
        <source>une base de données SQLite</source>
        <translation>an SQLite database</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="287"/>
        <source>un programme Windows</source>
        <translation>a Windows program</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="288"/>
        <source>un programme</source>
        <translation>a program</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="289"/>
        <source>des données binaires (octets NUL)</source>
        <translation>binary data (NUL bytes)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="290"/>
        <source>des données binaires (caractères de contrôle)</source>
        <translation>binary data (control characters)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="295"/>
        <source>%1 : illisible (%2 : %3) ; détails dans le journal</source>
        <translation>%1: cannot be read (%2: %3); details in the log</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="299"/>
        <source>%1 : %2 (un guillemet ouvert n&apos;est jamais fermé ?)</source>
        <translation>%1: %2 (an opening quote that is never closed?)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="303"/>
        <source>%1 : lire des classeurs demande python-calamine (%2)</source>
        <translation>%1: reading spreadsheets needs python-calamine (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="307"/>
        <source>%1 : lire un DBF demande dbfread (%2)</source>
        <translation>%1: reading DBF needs dbfread (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="311"/>
        <source>%1 : le REST de 4D demande httpx (%2)</source>
        <translation>%1: 4D REST needs httpx (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="316"/>
        <source>%1 : l&apos;ODBC demande pyodbc et le gestionnaire de pilotes ODBC du système (pip install &apos;shopsync[odbc]&apos; ; sous Linux, unixODBC) : %2</source>
        <translation>%1: ODBC needs pyodbc and the system&apos;s ODBC driver manager (pip install &apos;shopsync[odbc]&apos;; on Linux, unixODBC): %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="329"/>
        <source>%1 : le classeur n&apos;a aucune feuille</source>
        <translation>%1: the workbook has no sheet</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="334"/>
        <source>%1 : pas de feuille numéro %2 (feuilles : « %3 »)</source>
        <translation>%1: no sheet number %2 (sheets: %3)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="340"/>
        <source>%1 : pas de feuille nommée « %2 » (feuilles : « %3 »)</source>
        <translation>%1: no sheet named &apos;%2&apos; (sheets: %3)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="353"/>
        <source>feuille « %1 » lue : pas de colonne de référence dans %2 avant elle (pour lire une autre feuille, nommez-la dans le profil : [options] sheet = &quot;...&quot;)</source>
        <translation>read the sheet &apos;%1&apos;: no reference column in %2 before it (to read another sheet, name it in the profile: [options] sheet = &quot;...&quot;)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="420"/>
        <source>%1 : pas de colonne de référence ; %2. Noms essayés pour la référence : « %3 ». Nommez la colonne dans un profil d&apos;ERP ([columns] reference = &quot;...&quot;).</source>
        <translation>%1: no reference column; %2. Names tried for the reference: %3. Name the column in an ERP profile ([columns] reference = &quot;...&quot;).</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="434"/>
        <source>en-têtes trouvés ligne %1 : « %2 »</source>
        <translation>headers found on line %1: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="503"/>
        <source>%1 : la colonne « %2 » de [source] key ou changes_column n&apos;est pas parmi les colonnes de la requête (« %3 »)</source>
        <translation>%1: the column &apos;%2&apos; of [source] key or changes_column is not among the query&apos;s columns (%3)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="345"/>
        <source>%1 : la feuille « %2 » est vide</source>
        <translation>%1: the sheet &apos;%2&apos; is empty</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="363"/>
        <source>%1 : pas un classeur lisible (%2)</source>
        <translation>%1: not a readable spreadsheet (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="367"/>
        <source>le classeur est protégé par un mot de passe</source>
        <translation>the workbook is password-protected</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="374"/>
        <source>%1 : pas une table DBF lisible (%2)</source>
        <translation>%1: not a readable DBF table (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="378"/>
        <source>fichier mémo (.dbt/.fpt) absent : les champs mémo sont lus vides</source>
        <translation>memo file (.dbt/.fpt) missing: memo fields read as empty</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="382"/>
        <source>une partie du texte ne se décode pas en %1</source>
        <translation>some text did not decode as %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="386"/>
        <source>%1 : valeur illisible (%2)</source>
        <translation>%1: unreadable value (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="394"/>
        <source>la ligne %1 n&apos;est pas en UTF-8 (le reste du fichier l&apos;est) : lue en %2</source>
        <translation>line %1 is not UTF-8 (the rest of the file is): read as %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="401"/>
        <source>les lignes %1 ne sont pas en UTF-8 (le reste du fichier l&apos;est) : lues en %2</source>
        <translation>lines %1 are not UTF-8 (the rest of the file is): read as %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="408"/>
        <source>%1, … (%2 lignes en tout)</source>
        <translation>%1, … (%2 lines in all)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="415"/>
        <source>%1 : la ligne d&apos;en-tête %2 du profil est après les données</source>
        <translation>%1: the profile&apos;s header row %2 is past the data</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="430"/>
        <source>aucune ligne d&apos;en-tête trouvée</source>
        <translation>no header row found</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="441"/>
        <source>%1 : aucun article lisible (la source n&apos;a renvoyé aucune ligne)</source>
        <translation>%1: no readable item (the source answered no row)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="446"/>
        <source>%1 : aucun article lisible (%2 lignes refusées) : rien n&apos;a été modifié sur le site</source>
        <translation>%1: no readable item (%2 lines rejected): nothing was changed on the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="456"/>
        <source>%1 : aucun article lisible (%2 enregistrements refusés) : rien n&apos;a été modifié sur le site</source>
        <translation>%1: no readable item (%2 rows rejected): nothing was changed on the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="466"/>
        <source>%1 : plus aucun article lisible : rien n&apos;a été modifié sur le site</source>
        <translation>%1: no readable item left: nothing was changed on the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="475"/>
        <source>le profil « %1 » ne nomme aucune source ODBC : indiquez [source] dsn ou connection_string (copiez le profil fourni dans le dossier profiles/ du dossier de ShopSync)</source>
        <translation>the profile &apos;%1&apos; names no ODBC source: set [source] dsn or connection_string (copy the preset to the home folder&apos;s profiles/)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="486"/>
        <source>%1 : connexion impossible (%2)</source>
        <translation>%1: cannot connect (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="490"/>
        <source>%1 : le profil « %2 » n&apos;a pas de requête [source] query</source>
        <translation>%1: the profile &apos;%2&apos; has no [source] query</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="494"/>
        <source>%1 : la requête ne renvoie pas de lignes (est-ce un SELECT ?)</source>
        <translation>%1: the query returns no rows (is it a SELECT?)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="498"/>
        <source>%1 : la requête a échoué (%2)</source>
        <translation>%1: the query failed (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="516"/>
        <source>%1 : le serveur 4D est injoignable (%2)</source>
        <translation>%1: cannot reach the 4D server (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="520"/>
        <source>%1 : le serveur 4D a refusé la connexion de « %2 »</source>
        <translation>%1: the 4D server refused the login of &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="525"/>
        <source>%1 : toutes les licences du serveur 4D sont prises (HTTP 402) : la session de ShopSync en demande une</source>
        <translation>%1: every licence of the 4D server is in use (HTTP 402): ShopSync&apos;s session needs one</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="535"/>
        <source>%1 : échec de la connexion à 4D (HTTP %2)</source>
        <translation>%1: 4D login failed (HTTP %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="539"/>
        <source>%1 : cette classe de données n&apos;existe pas sur le serveur 4D (HTTP 404)</source>
        <translation>%1: no such data class on the 4D server (HTTP 404)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="543"/>
        <source>%1 : le serveur 4D a répondu HTTP %2</source>
        <translation>%1: the 4D server answered HTTP %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="547"/>
        <source>%1 : la réponse du serveur 4D n&apos;est pas du JSON</source>
        <translation>%1: the 4D server&apos;s answer is not JSON</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="551"/>
        <source>%1 : réponse inattendue (pas de liste __ENTITIES)</source>
        <translation>%1: unexpected answer (no __ENTITIES list)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="555"/>
        <source>%1 : le serveur 4D a refusé la session</source>
        <translation>%1: the 4D server refused the session</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="560"/>
        <source>le profil « %1 » ne nomme aucun serveur 4D : indiquez [source] url et data_class</source>
        <translation>the profile &apos;%1&apos; names no 4D server: set [source] url and data_class</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="569"/>
        <source>%1 : le profil « %2 » n&apos;a pas de [source] data_class</source>
        <translation>%1: the profile &apos;%2&apos; has no [source] data_class</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="574"/>
        <source>%1 : le profil « %2 » n&apos;a pas d&apos;utilisateur [source] user pour la connexion</source>
        <translation>%1: the profile &apos;%2&apos; has no [source] user for the login</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="581"/>
        <source>%1 : le serveur ignore $skip (la même page est revenue deux fois)</source>
        <translation>%1: the server ignores $skip (the same page came back twice)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="587"/>
        <source>%1 : la réponse du serveur 4D ne porte pas de %2 : activez le suivi des modifications de données pour cette table (éditeur de structure : Activer le suivi des modifications), ou retirez changes = &quot;stamp&quot; du profil (docs/erp-profiles.md)</source>
        <translation>%1: the 4D server&apos;s answer carries no %2: turn on data change tracking for this table (Structure editor: Enable data change tracking), or remove changes = &quot;stamp&quot; from the profile (docs/erp-profiles.md)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="599"/>
        <source>%1 : ShopSync lit les suppressions dans %2, que 4D ajoute avec le suivi des modifications de données ; elle doit être exposée comme ressource REST (docs/erp-profiles.md)</source>
        <translation>%1: ShopSync reads deletions from %2, which 4D adds with data change tracking; it must be exposed as a REST resource (docs/erp-profiles.md)</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="138"/>
        <source>%1 : référence : %2</source>
        <translation>%1: reference: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="139"/>
        <source>%1 : marque : %2</source>
        <translation>%1: brand: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="140"/>
        <source>%1 : désignation : %2</source>
        <translation>%1: designation: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="141"/>
        <source>%1 : quantité : %2</source>
        <translation>%1: quantity: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="142"/>
        <source>%1 : prix : %2</source>
        <translation>%1: price: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="143"/>
        <source>%1 : taille : %2</source>
        <translation>%1: size: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="144"/>
        <source>%1 : code-barres : %2</source>
        <translation>%1: ean: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="145"/>
        <source>%1 : statut : %2</source>
        <translation>%1: status: %2</translation>
    </message>
</context>
<context>
    <name>ErpPage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="43"/>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="45"/>
        <source>Détection automatique</source>
        <translation>Automatic detection</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="49"/>
        <source>4D (export texte)</source>
        <translation>4D (text export)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="50"/>
        <source>4D (serveur REST)</source>
        <translation>4D (REST server)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="51"/>
        <source>Base ODBC</source>
        <translation>ODBC database</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="58"/>
        <source>Logiciel (préréglage) :</source>
        <translation>Software (preset):</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="61"/>
        <source>Fichier…</source>
        <translation>File…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="62"/>
        <source>Dossier…</source>
        <translation>Folder…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="66"/>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="144"/>
        <source>Export :</source>
        <translation>Export:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="70"/>
        <source>(inchangé — gardé dans le trousseau du système)</source>
        <translation>(unchanged — kept in the system keyring)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="71"/>
        <source>Mot de passe :</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="76"/>
        <source>Fichier stable depuis :</source>
        <translation>File unchanged for:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="82"/>
        <source>Aperçu des premières lignes</source>
        <translation>Preview the first rows</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="88"/>
        <source>Colonnes détectées (modifiables)</source>
        <translation>Detected columns (editable)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="92"/>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="92"/>
        <source>Marque</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="93"/>
        <source>Désignation</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="93"/>
        <source>Quantité</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="94"/>
        <source>Prix TTC</source>
        <translation>Price incl. VAT</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="94"/>
        <source>Taille (TLD)</source>
        <translation>Size (TLD)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="95"/>
        <source>Code EAN</source>
        <translation>EAN code</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="95"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="138"/>
        <source>Connexion ODBC :</source>
        <translation>ODBC connection:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="139"/>
        <source>Par exemple DSN=Bijou3 ; le mot de passe reste dans le trousseau du système.</source>
        <translation>For example DSN=Bijou3; the password stays in the system keyring.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="141"/>
        <source>Serveur 4D :</source>
        <translation>4D server:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="142"/>
        <source>L&apos;adresse du serveur REST de 4D, par exemple http://serveur:8080/rest.</source>
        <translation>The 4D REST server&apos;s address, for example http://server:8080/rest.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="146"/>
        <source>Le fichier que l&apos;ERP écrit, un dossier, ou un motif (C:/Export/stock_*.csv) : le fichier complet le plus récent est lu.</source>
        <translation>The file the ERP writes, a folder, or a pattern (C:/Export/stock_*.csv): the newest complete file is read.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="152"/>
        <source>Export de l&apos;ERP</source>
        <translation>ERP export</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="153"/>
        <source>Exports (*.csv *.txt *.xlsx *.xls *.dbf);;Tous les fichiers (*)</source>
        <translation>Exports (*.csv *.txt *.xlsx *.xls *.dbf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="159"/>
        <source>Dossier des exports</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="170"/>
        <source>Indiquez l&apos;export de l&apos;ERP : le fichier, le dossier ou le motif que l&apos;ERP écrit.</source>
        <translation>Name the ERP&apos;s export: the file, folder or pattern the ERP writes.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="183"/>
        <source>Indiquez d&apos;abord l&apos;export.</source>
        <translation>Enter the export first.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="187"/>
        <source>Lecture…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="208"/>
        <source>L&apos;export %1 ne contient aucune ligne de stock : choisissez l&apos;export complet.</source>
        <translation>The export %1 holds no stock line: choose the complete export.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="223"/>
        <source>Lecture impossible : %1</source>
        <translation>Cannot read: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="232"/>
        <source>Aperçu : %n première(s) ligne(s)</source>
        <translation>
            <numerusform>Preview: the first line</numerusform>
            <numerusform>Preview: the first %n lines</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="258"/>
        <source>(aucune)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="291"/>
        <source>Bienvenue dans ShopSync</source>
        <translation>Welcome to ShopSync</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="309"/>
        <source>Le type de site, son adresse et le jeton (ou la clé WooCommerce) qui l&apos;ouvre.</source>
        <translation>The kind of site, its address and the token (or the WooCommerce key) that opens it.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="327"/>
        <source>Bienvenue</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="304"/>
        <source>Le stock de la boutique</source>
        <translation>The shop&apos;s stock</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="305"/>
        <source>Choisissez l&apos;export de votre ERP et vérifiez les colonnes.</source>
        <translation>Choose your ERP&apos;s export and check the columns.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="306"/>
        <source>l&apos;export de l&apos;ERP</source>
        <translation>the ERP&apos;s export</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="308"/>
        <source>Le site</source>
        <translation>The site</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="310"/>
        <source>le site</source>
        <translation>the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="312"/>
        <source>Quand synchroniser</source>
        <translation>When to sync</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="312"/>
        <source>la planification</source>
        <translation>the schedule</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="314"/>
        <source>Règles de publication</source>
        <translation>Publishing rules</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="314"/>
        <source>les règles</source>
        <translation>the rules</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="315"/>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="315"/>
        <source>les préférences</source>
        <translation>the preferences</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="319"/>
        <source>ShopSync garde le stock du site à jour avec celui de votre logiciel de caisse (ERP).</source>
        <translation>ShopSync keeps the site&apos;s stock up to date with your point-of-sale software (ERP).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="321"/>
        <source>%n étape(s) : %1, puis une vérification avant la première synchronisation. Tout se modifie ensuite dans les paramètres.</source>
        <translation>
            <numerusform>%n step: %1, then a check before the first sync. Everything can be changed later in the settings.</numerusform>
            <numerusform>%n steps: %1, then a check before the first sync. Everything can be changed later in the settings.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="354"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="355"/>
        <source>Enregistrement impossible : %1</source>
        <translation>Cannot save: %1</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="207"/>
        <source>Général</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="210"/>
        <source>Comme le système</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="213"/>
        <source>Langue :</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="214"/>
        <source>Démarrer ShopSync avec la session</source>
        <translation>Start ShopSync with the session</translation>
    </message>
</context>
<context>
    <name>HeldForm</name>
    <message>
        <location filename="../../ui/held.ui" line="12"/>
        <source>Garder ces produits en ligne</source>
        <translation>Keep these products online</translation>
    </message>
    <message>
        <location filename="../../ui/held.ui" line="13"/>
        <source>Dépublier ces produits</source>
        <translation>Unpublish these products</translation>
    </message>
</context>
<context>
    <name>HeldWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="39"/>
        <source>ShopSync — Dépublication retenue</source>
        <translation>ShopSync — Held unpublishing</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="48"/>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="48"/>
        <source>Marque</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="48"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/held.py" line="67"/>
        <source>La dernière synchronisation retirerait %n produit(s) du site d&apos;un coup. C&apos;est plus que le seuil de sécurité : cela arrive quand l&apos;export de l&apos;ERP est incomplet. Vérifiez la liste, puis confirmez ou gardez-les en ligne.</source>
        <translation>
            <numerusform>The last sync would take %n product off the site at once. That is more than the safety threshold: it happens when the ERP export is incomplete. Check the list, then confirm or keep it online.</numerusform>
            <numerusform>The last sync would take %n products off the site at once. That is more than the safety threshold: it happens when the ERP export is incomplete. Check the list, then confirm or keep them online.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="92"/>
        <source>Dépublication retenue</source>
        <translation>Unpublishing held</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="93"/>
        <source>Confirmation impossible : %1</source>
        <translation>Could not confirm: %1</translation>
    </message>
</context>
<context>
    <name>ReferencesForm</name>
    <message>
        <location filename="../../ui/references.ui" line="7"/>
        <source>Les références de l&apos;ERP absentes du catalogue du site. Acceptez une suggestion pour relier la référence sans la réécrire dans l&apos;ERP, ou refusez-la.</source>
        <translation>ERP references missing from the site&apos;s catalogue. Accept a suggestion to connect the reference without rewriting it in the ERP, or reject it.</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="10"/>
        <source>Rechercher une référence ou une marque…</source>
        <translation>Search a reference or a brand…</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="11"/>
        <source>Seulement avec suggestion</source>
        <translation>Only with a suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="18"/>
        <source>Accepter la suggestion</source>
        <translation>Accept the suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="19"/>
        <source>Refuser</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="21"/>
        <source>Exporter les références à réécrire…</source>
        <translation>Export the references to rewrite…</translation>
    </message>
</context>
<context>
    <name>ReferencesWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="48"/>
        <source>ShopSync — Références</source>
        <translation>ShopSync — References</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="59"/>
        <source>Référence ERP</source>
        <translation>ERP reference</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="59"/>
        <source>Marque</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="59"/>
        <source>Désignation</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="60"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="60"/>
        <source>Référence du catalogue proposée</source>
        <translation>Suggested catalogue reference</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="83"/>
        <source>Recherche des références…</source>
        <translation>Looking for references…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="87"/>
        <source>Lecture impossible : %1</source>
        <translation>Cannot read: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="94"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="94"/>
        <source>Introuvable</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="98"/>
        <source>Marque hors site : sans effet tant qu&apos;elle n&apos;est pas publiée</source>
        <translation>Brand off the site: no effect until it is published</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="104"/>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/references.py" line="109"/>
        <source>%n référence(s) à relier</source>
        <translation>
            <numerusform>%n reference to connect</numerusform>
            <numerusform>%n references to connect</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/references.py" line="111"/>
        <source>%n avec suggestion</source>
        <translation>
            <numerusform>%n with a suggestion</numerusform>
            <numerusform>%n with a suggestion</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="177"/>
        <source>Exporter les références à réécrire</source>
        <translation>Export the references to rewrite</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="179"/>
        <source>Classeur Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="186"/>
        <location filename="../../shopsync/gui/windows/references.py" line="187"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="186"/>
        <source>Fichier écrit : %1</source>
        <translation>File written: %1</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="109"/>
        <source>aucun produit de cette marque dans le catalogue du site</source>
        <translation>no product of this brand in the site&apos;s catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="112"/>
        <source>aucune référence de l&apos;ERP ne correspond au catalogue du site</source>
        <translation>no ERP reference matches the site&apos;s catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="115"/>
        <source>seules %1 des références connues du site sont écrites comme il faut (seuil %2)</source>
        <translation>only %1 of the references the site knows are written the right way (threshold %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="119"/>
        <source>la première synchro dépublierait %1 des produits en ligne de ces marques (seuil %2)</source>
        <translation>the first sync would unpublish %1 of these brands&apos; products online (threshold %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="123"/>
        <source>%1 référence(s) à réécrire ou à accepter comme alias</source>
        <translation>%1 reference(s) to rewrite or to accept as aliases</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="126"/>
        <source>la première synchro dépublierait %1 produit(s) (%2, seuil %3)</source>
        <translation>the first sync would unpublish %1 product(s) (%2, threshold %3)</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="108"/>
        <source>Règles</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="113"/>
        <source>Hors site jusqu&apos;à décision</source>
        <translation>Off the site until decided</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="114"/>
        <source>En stock</source>
        <translation>In stock</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="115"/>
        <source>Pré-commande</source>
        <translation>Pre-order</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="116"/>
        <source>Hors site</source>
        <translation>Off the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="119"/>
        <source>Nouvelle marque :</source>
        <translation>New brand:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="121"/>
        <source>ex. NW, RETENU</source>
        <translation>e.g. NW, HELD</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="122"/>
        <source>Statuts ERP qui retiennent un produit :</source>
        <translation>ERP statuses that hold a product back:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="124"/>
        <source>ex. CDE</source>
        <translation>e.g. CDE</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="125"/>
        <source>Statuts ERP en pré-commande :</source>
        <translation>ERP statuses for pre-order:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="129"/>
        <source>jusqu&apos;à leur clôture sur le site (recommandé)</source>
        <translation>until they are closed on the site (recommended)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="132"/>
        <source>jusqu&apos;au prochain export de l&apos;ERP (l&apos;ERP importe lui-même les commandes web)</source>
        <translation>until the ERP&apos;s next export (the ERP takes in web orders itself)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="135"/>
        <source>Commandes web retirées du stock :</source>
        <translation>Web orders kept off the stock:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="137"/>
        <source>Continuer à vendre les produits épuisés (tout le site)</source>
        <translation>Keep selling sold-out products (whole site)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="142"/>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="143"/>
        <source>Délai de réapprovisionnement :</source>
        <translation>Restocking delay:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="145"/>
        <source>Message affiché :</source>
        <translation>Message shown:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="146"/>
        <source>Le nombre de jours du message suit le délai ci-dessus.</source>
        <translation>The number of days in the message follows the delay above.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="152"/>
        <source>Sécurité : demander avant de dépublier beaucoup de produits</source>
        <translation>Safety: ask before unpublishing many products</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="156"/>
        <source>Au-delà de (produits) :</source>
        <translation>Above (products):</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="160"/>
        <source>ou de (part du site publié) :</source>
        <translation>or above (share of the published site):</translation>
    </message>
</context>
<context>
    <name>Run</name>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="35"/>
        <source>Synchronisation terminée</source>
        <translation>Sync finished</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="36"/>
        <source>Rien de nouveau</source>
        <translation>Nothing new</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="37"/>
        <source>Site injoignable : changements gardés en attente</source>
        <translation>Site unreachable: changes kept pending</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="38"/>
        <source>Dépublication retenue : confirmez avec `shopsync confirm`</source>
        <translation>Unpublishing held: confirm with `shopsync confirm`</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="39"/>
        <source>Export ERP illisible : rien n&apos;a changé</source>
        <translation>ERP export unreadable: nothing changed</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="40"/>
        <source>Le site a refusé le jeton</source>
        <translation>The site refused the token</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="41"/>
        <source>Une synchronisation est déjà en cours</source>
        <translation>A sync is already running</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="42"/>
        <source>Simulation (rien n&apos;a été envoyé)</source>
        <translation>Dry run (nothing was sent)</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="43"/>
        <source>Erreur</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="49"/>
        <source>À publier</source>
        <translation>To publish</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="50"/>
        <source>À mettre à jour</source>
        <translation>To update</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="51"/>
        <source>À dépublier</source>
        <translation>To unpublish</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="52"/>
        <source>Dépublications retenues</source>
        <translation>Held unpublishing</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="60"/>
        <source>%1 : %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="72"/>
        <source>%1 — lus %2, changements %3, envoyés %4, en attente %5, retenus %6, refusés %7</source>
        <translation>%1 — read %2, changes %3, sent %4, pending %5, held %6, refused %7</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/sync/messages.py" line="89"/>
        <source>%n produit(s) seraient dépubliés : c&apos;est plus que le seuil de sécurité</source>
        <translation>
            <numerusform>%n product would be unpublished: that is over the safety threshold</numerusform>
            <numerusform>%n products would be unpublished: that is over the safety threshold</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="96"/>
        <source>erreur interne (%1) : voir logs/shopsync.log</source>
        <translation>internal error (%1): see logs/shopsync.log</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="100"/>
        <source>une autre synchronisation tient le verrou</source>
        <translation>another sync holds the lock</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="105"/>
        <source>le site a refusé le jeton : vérifiez-le dans les réglages</source>
        <translation>the site refused the token: check it in the settings</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="112"/>
        <source>le certificat du site %1 n&apos;est pas reconnu par ce PC (antivirus ou proxy ?) : rien n&apos;a été envoyé, nouvel essai automatique (détail dans le journal)</source>
        <translation>this PC does not trust the certificate of the site %1 (antivirus or proxy?): nothing was sent, automatic retry (details in the log)</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="125"/>
        <source>le site %1 a envoyé une réponse hors contrat (trop grande, trop lente ou mal formée) : rien n&apos;a été envoyé ni dépublié, nouvel essai automatique (détail dans le journal)</source>
        <translation>the site %1 sent an answer outside the contract (too large, too slow or malformed): nothing was sent or unpublished, it will be tried again automatically (details in the log)</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="138"/>
        <source>le site %1 n&apos;a pas répondu ; nouvel essai automatique (détail dans le journal)</source>
        <translation>the site %1 did not answer; it will be tried again automatically (details in the log)</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="145"/>
        <source>aucun jeton pour ce site : saisissez-le dans la fenêtre des réglages (il est gardé dans le trousseau du système) ou définissez SHOPSYNC_SITE_TOKEN</source>
        <translation>no token for this site: enter it in the settings window (it is kept in the system keyring) or set SHOPSYNC_SITE_TOKEN</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="153"/>
        <source>l&apos;export de l&apos;ERP ne contient aucun article : rien n&apos;a changé sur le site</source>
        <translation>the ERP export holds no item: nothing was changed on the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="157"/>
        <source>le catalogue du site est vide : rien à publier</source>
        <translation>the site&apos;s catalogue is empty: nothing to publish</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="63"/>
        <source>Planification</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="67"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="68"/>
        <source>Synchroniser toutes les :</source>
        <translation>Sync every:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="69"/>
        <source>Vérification complète chaque nuit à</source>
        <translation>Full check every night at</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="77"/>
        <source>Synchroniser dès qu&apos;un nouvel export arrive</source>
        <translation>Sync as soon as a new export arrives</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="83"/>
        <source>Fuseau horaire :</source>
        <translation>Time zone:</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="131"/>
        <source>ShopSync — Paramètres</source>
        <translation>ShopSync — Settings</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="146"/>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="150"/>
        <source>Paramètres enregistrés.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="155"/>
        <source>Enregistrement impossible : %1</source>
        <translation>Cannot save: %1</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="90"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="98"/>
        <source>Adresse du site :</source>
        <translation>Site address:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="191"/>
        <source>(inchangé — gardé dans le trousseau du système)</source>
        <translation>(unchanged — kept in the system keyring)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="145"/>
        <source>Jeton d&apos;accès :</source>
        <translation>Access token:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="28"/>
        <source>Le trousseau du système ne peut pas garder le jeton : rien n&apos;a été enregistré. Déverrouillez le trousseau de votre session (ou installez-en un, par exemple GNOME Keyring ou KWallet), puis cliquez de nouveau sur « %1 ». Sur un poste sans session (ShopSync en service), donnez le jeton par la variable d&apos;environnement SHOPSYNC_SITE_TOKEN.</source>
        <translation>The system keyring cannot keep the token: nothing was saved. Unlock your session&apos;s keyring (or install one, such as GNOME Keyring or KWallet), then click &quot;%1&quot; again. On a PC without a session (ShopSync as a service), give the token through the SHOPSYNC_SITE_TOKEN environment variable.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="40"/>
        <source>Le trousseau du système est illisible : le jeton de ce site ne peut pas y être lu. Saisissez le jeton donné par la plateforme, ou donnez-le par la variable d&apos;environnement SHOPSYNC_SITE_TOKEN.</source>
        <translation>The system keyring cannot be read: this site&apos;s token cannot be read from it. Type the token the platform gave you, or give it through the SHOPSYNC_SITE_TOKEN environment variable.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="55"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="58"/>
        <source>Une erreur inattendue s&apos;est produite ; le détail est dans le journal.</source>
        <translation>An unexpected error occurred; the details are in the log.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="147"/>
        <source>Le jeton vous est donné par la plateforme. Il n&apos;est jamais écrit dans un fichier.</source>
        <translation>The platform gives you the token. It is never written to a file.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="106"/>
        <source>Tester la connexion</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="95"/>
        <source>Type de site :</source>
        <translation>Kind of site:</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="127"/>
        <source>WooCommerce</source>
        <translation>WooCommerce</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="128"/>
        <source>Site de la plateforme (API ShopSync)</source>
        <translation>Platform site (ShopSync API)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="138"/>
        <source>Clé WooCommerce (ck_…:cs_…) :</source>
        <translation>WooCommerce key (ck_…:cs_…):</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="140"/>
        <source>La clé et le secret se créent dans WooCommerce, Réglages › Avancé › API REST (droits lecture/écriture) ; collez-les sous la forme ck_…:cs_…. Ils ne sont jamais écrits dans un fichier.</source>
        <translation>Create the key and secret in WooCommerce, Settings › Advanced › REST API (read/write permissions); paste them as ck_…:cs_…. They are never written to a file.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="193"/>
        <source>(donné par la variable d&apos;environnement SHOPSYNC_SITE_TOKEN)</source>
        <translation>(given by the SHOPSYNC_SITE_TOKEN environment variable)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="195"/>
        <source>(trousseau du système illisible)</source>
        <translation>(system keyring unreadable)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="196"/>
        <source>collez la clé et le secret : ck_…:cs_…</source>
        <translation>paste the key and secret: ck_…:cs_…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="197"/>
        <source>collez le jeton donné par la plateforme</source>
        <translation>paste the token the platform gave you</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="214"/>
        <source>Indiquez l&apos;adresse du site donnée par la plateforme.</source>
        <translation>Enter the site address the platform gave you.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="218"/>
        <source>Test en cours…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="251"/>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="255"/>
        <source>Le jeton est gardé dans le trousseau du système.</source>
        <translation>The token is kept in the system keyring.</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <location filename="../../shopsync/texts.py" line="107"/>
        <source>lecture de l&apos;export</source>
        <translation>reading the export</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="108"/>
        <source>catalogue du site</source>
        <translation>site catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="109"/>
        <source>application des règles</source>
        <translation>applying the rules</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="110"/>
        <source>envoi</source>
        <translation>uploading</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="215"/>
        <source>Le site a refusé le jeton : entrez-en un nouveau dans les paramètres.</source>
        <translation>The site refused the token: enter a new one in the settings.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/texts.py" line="219"/>
        <source>%n dépublication(s) attendent votre accord.</source>
        <translation>
            <numerusform>%n unpublishing awaits your approval.</numerusform>
            <numerusform>%n unpublishings await your approval.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/texts.py" line="250"/>
        <source>%n produit(s) refusé(s) par le site.</source>
        <translation>
            <numerusform>%n product refused by the site.</numerusform>
            <numerusform>%n products refused by the site.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="252"/>
        <source>Le disque refuse d&apos;écrire : %1</source>
        <translation>The disk refuses writes: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="255"/>
        <source>Base locale endommagée, reconstruite le %1 : la synchronisation a repris.</source>
        <translation>Local database damaged, rebuilt on %1: syncing has resumed.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="238"/>
        <source>La dernière synchronisation a échoué.</source>
        <translation>The last sync failed.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="27"/>
        <source>Le site a refusé le jeton</source>
        <translation>The site refused the token</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="221"/>
        <source>Export ERP illisible, rien n&apos;a changé sur le site : %1</source>
        <translation>ERP export unreadable, nothing changed on the site: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/texts.py" line="232"/>
        <location filename="../../shopsync/texts.py" line="241"/>
        <source>%n changement(s) en attente depuis %1</source>
        <translation>
            <numerusform>%n change pending since %1</numerusform>
            <numerusform>%n changes pending since %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="229"/>
        <source>Le site n&apos;a pas répondu à la dernière synchronisation.</source>
        <translation>The site did not answer the last sync.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="25"/>
        <source>Site injoignable</source>
        <translation>Site unreachable</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="26"/>
        <source>À vérifier</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="24"/>
        <source>Changements en attente</source>
        <translation>Changes pending</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="22"/>
        <source>Pas encore synchronisé</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="213"/>
        <source>Choisissez l&apos;export de l&apos;ERP et le site dans les paramètres.</source>
        <translation>Choose the ERP export and the site in the settings.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="23"/>
        <source>À jour</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="211"/>
        <source>Dernière synchronisation à %1</source>
        <translation>Last sync at %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="28"/>
        <source>La dernière synchronisation a échoué</source>
        <translation>The last sync failed</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="33"/>
        <source>terminée</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="34"/>
        <source>rien de nouveau</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="35"/>
        <source>site injoignable</source>
        <translation>site unreachable</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="36"/>
        <source>dépublication retenue</source>
        <translation>unpublishing held</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="37"/>
        <source>export illisible</source>
        <translation>unreadable export</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="38"/>
        <source>jeton refusé</source>
        <translation>token refused</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="39"/>
        <source>déjà en cours</source>
        <translation>already running</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="40"/>
        <source>erreur</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="41"/>
        <source>en cours</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="42"/>
        <source>simulation</source>
        <translation>dry run</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="47"/>
        <source>manuelle</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="48"/>
        <source>planifiée</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="49"/>
        <source>nocturne</source>
        <translation>nightly</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="50"/>
        <source>nouvel export</source>
        <translation>new export</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="51"/>
        <source>après veille</source>
        <translation>after sleep</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="52"/>
        <source>nouvel essai</source>
        <translation>retry</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="53"/>
        <source>démarrage</source>
        <translation>start-up</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="54"/>
        <source>confirmation</source>
        <translation>confirmation</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="55"/>
        <source>reprise</source>
        <translation>resume</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="56"/>
        <source>ligne de commande</source>
        <translation>command line</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="57"/>
        <source>démo</source>
        <translation>demo</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="58"/>
        <source>marques</source>
        <translation>brands</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="59"/>
        <source>références</source>
        <translation>references</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="60"/>
        <source>demande du support</source>
        <translation>support request</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="61"/>
        <source>changement dans l&apos;ERP</source>
        <translation>ERP change</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="67"/>
        <source>L&apos;adresse du site « %1 » ne convient pas : %2</source>
        <translation>The site address “%1” cannot be used: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="68"/>
        <source>Le site %1 ne répond pas : vérifiez l&apos;adresse et la connexion internet du magasin, puis réessayez.</source>
        <translation>The site %1 does not answer: check the address and the shop&apos;s internet connection, then try again.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="73"/>
        <source>%1 répond, mais ce n&apos;est pas l&apos;adresse de synchronisation du site : demandez-la à la plateforme.</source>
        <translation>%1 answers, but it is not the site&apos;s sync address: ask the platform for it.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="78"/>
        <source>Le site %1 répond, mais aucun jeton n&apos;est enregistré : saisissez celui que la plateforme vous a donné.</source>
        <translation>The site %1 answers, but no token is saved: enter the one the platform gave you.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="83"/>
        <source>Le site %1 répond, mais refuse le jeton : vérifiez-le (sans espace en trop) ou demandez-en un nouveau à la plateforme.</source>
        <translation>The site %1 answers but refuses the token: check it (no extra spaces) or ask the platform for a new one.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="88"/>
        <source>Le site %1 répond et accepte le jeton : %2 produit(s) au catalogue.</source>
        <translation>The site %1 answers and accepts the token: %2 product(s) in the catalogue.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="96"/>
        <source>%1 référence(s) lue(s) dans l&apos;export de l&apos;ERP</source>
        <translation>%1 reference(s) read from the ERP export</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="97"/>
        <source>%1 connectée(s) au catalogue du site</source>
        <translation>%1 connected to the site&apos;s catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="98"/>
        <source>%1 à réécrire dans l&apos;ERP</source>
        <translation>%1 to rewrite in the ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="99"/>
        <source>%1 marque(s) à décider</source>
        <translation>%1 brand(s) to decide</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="100"/>
        <source>%1 écrite(s) à l&apos;ancienne (produit renommé par la plateforme : connectée(s))</source>
        <translation>%1 written the old way (product renamed by the platform: connected)</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="115"/>
        <source>À décider (hors site)</source>
        <translation>To decide (off the site)</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="116"/>
        <source>En stock</source>
        <translation>In stock</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="117"/>
        <source>Pré-commande</source>
        <translation>Pre-order</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="118"/>
        <source>Hors site</source>
        <translation>Off the site</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="42"/>
        <source>prêt</source>
        <translation>ready</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="43"/>
        <source>à corriger</source>
        <translation>to fix</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="44"/>
        <source>pas prêt</source>
        <translation>not ready</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="45"/>
        <source>hors catalogue</source>
        <translation>off the catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="123"/>
        <source>identiques</source>
        <translation>exact</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="124"/>
        <source>écrites autrement</source>
        <translation>written differently</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="125"/>
        <source>avec suggestion</source>
        <translation>with a suggestion</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="126"/>
        <source>introuvables</source>
        <translation>not found</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="132"/>
        <source>Export : %1 ligne(s) lue(s), %2 refusée(s), %3 regroupée(s) avec une autre de la même référence ; %4 référence(s) distincte(s)</source>
        <translation>Export: %1 line(s) read, %2 rejected, %3 merged with another line of the same reference; %4 distinct reference(s)</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="137"/>
        <source>Références : %1 connectée(s) au catalogue du site, %2 à réécrire, %3 absente(s) du catalogue</source>
        <translation>References: %1 connected to the site&apos;s catalogue, %2 to rewrite, %3 absent from the catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="141"/>
        <source>Connectées : %1 publiée(s), %2 retenue(s) par leur marque (%3 à décider, %4 hors site), %5 retenue(s) par leur statut dans l&apos;ERP</source>
        <translation>Connected: %1 published, %2 held by their brand (%3 to decide, %4 off the site), %5 held by their ERP status</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="150"/>
        <source>Rien ne sera publié : l&apos;export ne contient aucun article lisible.</source>
        <translation>Nothing will be published: the export has no readable item.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="153"/>
        <source>Rien ne sera publié tant que le catalogue du site n&apos;a pas été lu.</source>
        <translation>Nothing will be published until the site&apos;s catalogue has been read.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="156"/>
        <source>Rien ne sera publié : le catalogue du site est vide.</source>
        <translation>Nothing will be published: the site&apos;s catalogue is empty.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="159"/>
        <source>Rien ne sera publié : aucune référence de l&apos;export ne correspond au catalogue du site.</source>
        <translation>Nothing will be published: no reference of the export matches the site&apos;s catalogue.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="163"/>
        <source>Rien ne sera publié : toutes les marques sont à décider (fenêtre Marques, ou `shopsync brands map`).</source>
        <translation>Nothing will be published: every brand is still to decide (Brands window, or `shopsync brands map`).</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="168"/>
        <source>Rien ne sera publié : toutes les marques connectées sont hors site.</source>
        <translation>Nothing will be published: every connected brand is off the site.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="171"/>
        <source>Rien ne sera publié : les marques connectées sont à décider ou hors site (fenêtre Marques, ou `shopsync brands map`).</source>
        <translation>Nothing will be published: the connected brands are to decide or off the site (Brands window, or `shopsync brands map`).</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="176"/>
        <source>Rien ne sera publié : tous les articles connectés sont retenus par leur statut dans l&apos;ERP.</source>
        <translation>Nothing will be published: every connected item is held by its ERP status.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="181"/>
        <source>Rien ne sera publié : chaque article connecté est retenu par sa marque ou par son statut dans l&apos;ERP.</source>
        <translation>Nothing will be published: every connected item is held by its brand or by its ERP status.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="239"/>
        <source>La dernière synchronisation a échoué : %1</source>
        <translation>The last sync failed: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/texts.py" line="246"/>
        <source>%n nouvelle(s) marque(s) à décider (%1).</source>
        <translation>
            <numerusform>%n new brand to decide (%1).</numerusform>
            <numerusform>%n new brands to decide (%1).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="27"/>
        <source>Synchronisation en cours…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="28"/>
        <source>Configuration en cours</source>
        <translation>Setting up</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="29"/>
        <source>La synchronisation commencera à la fin de l&apos;assistant de configuration.</source>
        <translation>Syncing will start when the setup assistant is finished.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="32"/>
        <source>En pause</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="33"/>
        <source>Les synchronisations automatiques sont suspendues.</source>
        <translation>Automatic syncs are suspended.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="34"/>
        <source>Nouvel essai à %1</source>
        <translation>Retrying at %1</translation>
    </message>
</context>
<context>
    <name>StatusForm</name>
    <message>
        <location filename="../../ui/status.ui" line="12"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="17"/>
        <source>Synchroniser maintenant</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="26"/>
        <source>Voir et décider…</source>
        <translation>Review and decide…</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="32"/>
        <source>Prochaine synchronisation :</source>
        <translation>Next sync:</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="34"/>
        <source>Changements en attente :</source>
        <translation>Pending changes:</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="36"/>
        <source>Dernier export lu :</source>
        <translation>Last export read:</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="40"/>
        <source>Changements envoyés par jour (30 derniers jours)</source>
        <translation>Changes sent per day (last 30 days)</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="42"/>
        <source>Dernières synchronisations</source>
        <translation>Recent syncs</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="44"/>
        <source>Erreurs et refus (fichier:ligne : champ : raison)</source>
        <translation>Errors and refusals (file:line: field: reason)</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="48"/>
        <source>Marques…</source>
        <translation>Brands…</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="49"/>
        <source>Références…</source>
        <translation>References…</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="50"/>
        <source>Paramètres…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="52"/>
        <source>Exporter un diagnostic…</source>
        <translation>Export a diagnostic…</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="55"/>
        <source>ShopSync — Statut</source>
        <translation>ShopSync — Status</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="89"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="89"/>
        <source>Déclencheur</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="89"/>
        <source>Lus</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="89"/>
        <source>Changements</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="90"/>
        <source>Envoyés</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="90"/>
        <source>En attente</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="90"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="90"/>
        <source>Résultat</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="171"/>
        <source>%1 : refusé par le site : %2</source>
        <translation>%1: refused by the site: %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="178"/>
        <source>Aucune erreur dans la dernière synchronisation.</source>
        <translation>No error in the last sync.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/status.py" line="188"/>
        <source>%n changement(s) depuis %1</source>
        <translation>
            <numerusform>%n change since %1</numerusform>
            <numerusform>%n changes since %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="190"/>
        <location filename="../../shopsync/gui/windows/status.py" line="201"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="222"/>
        <source>en pause</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="224"/>
        <source>arrêtée jusqu&apos;à un nouveau jeton</source>
        <translation>stopped until a new token</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="228"/>
        <source>non planifiée</source>
        <translation>not scheduled</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/status.py" line="196"/>
        <source>%1 — %n article(s), lu à %2</source>
        <translation>
            <numerusform>%1 — %n item, read at %2</numerusform>
            <numerusform>%1 — %n items, read at %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/status.py" line="206"/>
        <source>%n produit(s) seraient dépubliés d&apos;un coup : c&apos;est plus que le seuil de sécurité. Rien n&apos;est dépublié sans votre accord.</source>
        <translation>
            <numerusform>%n product would be unpublished at once: more than the safety threshold. Nothing is unpublished without your approval.</numerusform>
            <numerusform>%n products would be unpublished at once: more than the safety threshold. Nothing is unpublished without your approval.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="220"/>
        <location filename="../../shopsync/gui/windows/status.py" line="244"/>
        <source>en cours</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="230"/>
        <source>bientôt</source>
        <translation>soon</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="242"/>
        <source>Synchronisation…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="245"/>
        <source>Synchronisation en cours…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="287"/>
        <source>Exporter un diagnostic</source>
        <translation>Export a diagnostic</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="287"/>
        <source>Archive zip (*.zip)</source>
        <translation>Zip archive (*.zip)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="303"/>
        <source>Diagnostic exporté</source>
        <translation>Diagnostic exported</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="304"/>
        <source>Le diagnostic est prêt : %1
Le jeton et les mots de passe en ont été retirés.</source>
        <translation>The diagnostic is ready: %1
The token and passwords were removed from it.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="312"/>
        <source>Diagnostic</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="313"/>
        <source>Export impossible : %1</source>
        <translation>Cannot export: %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="331"/>
        <source>Le site ne suit pas la présence de ShopSync (Site API v1.1).</source>
        <translation>The site does not follow ShopSync&apos;s presence (Site API v1.1).</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="337"/>
        <source>Le site a reçu le dernier signal à l&apos;instant.</source>
        <translation>The site received the last signal just now.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/status.py" line="339"/>
        <source>Le site a reçu le dernier signal il y a %n min</source>
        <translation>
            <numerusform>The site received the last signal %n min ago</numerusform>
            <numerusform>The site received the last signal %n min ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="344"/>
        <source>synchronisation complète</source>
        <translation>full sync</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="345"/>
        <source>envoi du diagnostic</source>
        <translation>diagnostic upload</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="346"/>
        <source>pause</source>
        <translation>pause</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="347"/>
        <source>reprise</source>
        <translation>resume</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="349"/>
        <source>Demande du support en cours : %1</source>
        <translation>Support request in progress: %1</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="59"/>
        <source>Mise à jour disponible</source>
        <translation>Update available</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="60"/>
        <source>Mise à jour installée à la prochaine fermeture</source>
        <translation>Update will be installed when ShopSync closes</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="114"/>
        <source>Synchroniser maintenant</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="117"/>
        <source>Dépublication retenue…</source>
        <translation>Held unpublishing…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="118"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="119"/>
        <source>Marques</source>
        <translation>Brands</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="120"/>
        <source>Références</source>
        <translation>References</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="121"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="124"/>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="126"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="127"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="168"/>
        <source>ShopSync : à vérifier</source>
        <translation>ShopSync: needs attention</translation>
    </message>
</context>
<context>
    <name>_ReadyStep</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="215"/>
        <source>Avant la première synchronisation</source>
        <translation>Before the first sync</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="216"/>
        <source>Ce que le site et l&apos;export disent de la connexion.</source>
        <translation>What the site and the export say about the connection.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="242"/>
        <source>Vérification en cours…</source>
        <translation>Checking…</translation>
    </message>
</context>
</TS>
