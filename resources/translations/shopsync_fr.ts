<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name />
    <message>
        <location filename="../../shopsync/gui/app.py" line="160" />
        <source>Mise à jour %1 installée</source>
        <translation>Mise à jour %1 installée</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="162" />
        <source>ShopSync a été mis à jour : version %1 (avant : %2)</source>
        <translation>ShopSync a été mis à jour : version %1 (avant : %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="166" />
        <source>ShopSync ne s'est pas fermé à temps</source>
        <translation>ShopSync ne s'est pas fermé à temps</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="167" />
        <source>une synchronisation ne s'est pas terminée à temps</source>
        <translation>une synchronisation ne s'est pas terminée à temps</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="168" />
        <source>des fichiers étaient utilisés, Windows demandait un redémarrage</source>
        <translation>des fichiers étaient utilisés, Windows demandait un redémarrage</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="169" />
        <source>l'installateur a échoué, rien n'a changé</source>
        <translation>l'installateur a échoué, rien n'a changé</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="170" />
        <source>la version installée n'est pas la bonne</source>
        <translation>la version installée n'est pas la bonne</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="171" />
        <source>des fichiers attendaient un redémarrage</source>
        <translation>des fichiers attendaient un redémarrage</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="172" />
        <source>l'installateur n'est pas signé par l'éditeur attendu</source>
        <translation>l'installateur n'est pas signé par l'éditeur attendu</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="173" />
        <source>raison inconnue</source>
        <translation>raison inconnue</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/app.py" line="174" />
        <source>Mise à jour %1 non installée : %2</source>
        <translation>Mise à jour %1 non installée : %2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../shopsync/gui/app.py" line="54" />
        <source>Une erreur inattendue s'est produite ; le détail est dans le journal.</source>
        <translation>Une erreur inattendue s'est produite ; le détail est dans le journal.</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="31" />
        <source>utilisation : </source>
        <translation>utilisation : </translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="32" />
        <source>arguments</source>
        <translation>arguments</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="33" />
        <location filename="../../shopsync/cli_parser.py" line="34" />
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="35" />
        <source>afficher cette aide et quitter</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="38" />
        <source>sous-commandes</source>
        <translation>sous-commandes</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="39" />
        <source>%(prog)s : erreur : %(message)s
</source>
        <translation>%(prog)s : erreur : %(message)s
</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="42" />
        <source>argument %(argument_name)s : %(message)s</source>
        <translation>argument %(argument_name)s : %(message)s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="45" />
        <source>arguments inconnus : %s</source>
        <translation>arguments inconnus : %s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="46" />
        <source>arguments obligatoires manquants : %s</source>
        <translation>arguments obligatoires manquants : %s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="49" />
        <source>l'un de ces arguments est obligatoire : %s</source>
        <translation>l'un de ces arguments est obligatoire : %s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="52" />
        <source>impossible avec l'argument %s</source>
        <translation>impossible avec l'argument %s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="53" />
        <source>une valeur est attendue</source>
        <translation>une valeur est attendue</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="54" />
        <source>une valeur au plus est attendue</source>
        <translation>une valeur au plus est attendue</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="57" />
        <source>une valeur au moins est attendue</source>
        <translation>une valeur au moins est attendue</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="60" />
        <source>valeur ignorée : %r</source>
        <translation>valeur ignorée : %r</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="61" />
        <source>option ambiguë : %(option)s peut désigner %(matches)s</source>
        <translation>option ambiguë : %(option)s peut désigner %(matches)s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="64" />
        <source>option inattendue : %s</source>
        <translation>option inattendue : %s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="65" />
        <source>valeur %(type)s invalide : %(value)r</source>
        <translation>valeur %(type)s invalide : %(value)r</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="68" />
        <source>choix invalide : %(value)r (au choix : %(choices)s)</source>
        <translation>choix invalide : %(value)r (au choix : %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="71" />
        <source>commande inconnue %(parser_name)r (au choix : %(choices)s)</source>
        <translation>commande inconnue %(parser_name)r (au choix : %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="74" />
        <source>impossible d'ouvrir « %(filename)s » : %(error)s</source>
        <translation>impossible d'ouvrir « %(filename)s » : %(error)s</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="77" />
        <source>afficher la version et quitter</source>
        <translation>afficher la version et quitter</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="84" />
        <source>%s valeur attendue</source>
        <translation>%s valeur attendue</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli_parser.py" line="85" />
        <source>%s valeurs attendues</source>
        <translation>%s valeurs attendues</translation>
    </message>
</context>
<context>
    <name>BrandsForm</name>
    <message>
        <location filename="../../ui/brands.ui" line="7" />
        <source>Chaque marque de l'ERP, avec la marque du site où elle va et son mode. Une marque non décidée reste hors du site.</source>
        <translation>Chaque marque de l'ERP, avec la marque du site où elle va et son mode. Une marque non décidée reste hors du site.</translation>
    </message>
    <message>
        <location filename="../../ui/brands.ui" line="8" />
        <source>Rechercher une marque…</source>
        <translation>Rechercher une marque…</translation>
    </message>
    <message>
        <location filename="../../ui/brands.ui" line="14" />
        <source>Annuler les modifications</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <location filename="../../ui/brands.ui" line="15" />
        <source>Enregistrer</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>BrandsWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="50" />
        <source>ShopSync — Marques</source>
        <translation>ShopSync — Marques</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="64" />
        <source>Marque ERP</source>
        <translation>Marque ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="64" />
        <source>Produits</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="64" />
        <source>Reliés au catalogue</source>
        <translation>Reliés au catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="65" />
        <source>Marque du site</source>
        <translation>Marque du site</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="65" />
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="91" />
        <source>Chargement des marques…</source>
        <translation>Chargement des marques…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="95" />
        <source>Lecture impossible : %1</source>
        <translation>Lecture impossible : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="105" />
        <source>Nouvelle marque : à décider</source>
        <translation>Nouvelle marque : à décider</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="116" />
        <source>(même nom)</source>
        <translation>(même nom)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="127" />
        <source>%n marque(s) à décider.</source>
        <translation><numerusform>%n marque à décider.</numerusform><numerusform>%n marques à décider.</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="127" />
        <source>Toutes les marques sont décidées.</source>
        <translation>Toutes les marques sont décidées.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="179" />
        <source>Aucune modification.</source>
        <translation>Aucune modification.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="181" />
        <source>Calcul de l'effet…</source>
        <translation>Calcul de l'effet…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="194" />
        <source>%n produit(s) seront publiés</source>
        <translation><numerusform>%n produit sera publié</numerusform><numerusform>%n produits seront publiés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="196" />
        <source>%n dépublié(s)</source>
        <translation><numerusform>%n dépublié</numerusform><numerusform>%n dépubliés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="199" />
        <source>%n mis à jour</source>
        <translation><numerusform>%n mis à jour</numerusform><numerusform>%n mis à jour</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="200" />
        <source> à l'enregistrement.</source>
        <translation> à l'enregistrement.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/brands.py" line="219" />
        <source>%n marque(s) enregistrée(s).</source>
        <translation><numerusform>%n marque enregistrée.</numerusform><numerusform>%n marques enregistrées.</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="223" />
        <source>Marques</source>
        <translation>Marques</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/brands.py" line="223" />
        <source>Enregistrement impossible : %1</source>
        <translation>Enregistrement impossible : %1</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../shopsync/commands/status.py" line="11" />
        <source>afficher la dernière synchronisation, les changements en attente, les dépublications retenues et l'état</source>
        <translation>afficher la dernière synchronisation, les changements en attente, les dépublications retenues et l'état</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="21" />
        <source>un seul document JSON</source>
        <translation>un seul document JSON</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="67" />
        <source>État : %1</source>
        <translation>État : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="76" />
        <source>Dernière synchronisation : %1 — %2 (lus %3, envoyés %4)</source>
        <translation>Dernière synchronisation : %1 — %2 (lus %3, envoyés %4)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="90" />
        <source>Changements en attente : %1</source>
        <translation>Changements en attente : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/commands/status.py" line="93" />
        <source>%n dépublication(s) retenue(s) : `shopsync confirm` pour les lancer</source>
        <translation><numerusform>%n dépublication retenue : `shopsync confirm` pour la lancer</numerusform><numerusform>%n dépublications retenues : `shopsync confirm` pour les lancer</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/status.py" line="108" />
        <source>Pourquoi : %1</source>
        <translation>Pourquoi : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="16" />
        <source>démarrer le site d'essai avec des données d'exemple, synchroniser et montrer la boutique</source>
        <translation>démarrer le site d'essai avec des données d'exemple, synchroniser et montrer la boutique</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="28" />
        <source>s'arrêter après la première synchronisation</source>
        <translation>s'arrêter après la première synchronisation</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="33" />
        <source>ne jamais ouvrir l'application de la barre des tâches</source>
        <translation>ne jamais ouvrir l'application de la barre des tâches</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="39" />
        <source>port du site d'essai (0 : un port libre)</source>
        <translation>port du site d'essai (0 : un port libre)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="94" />
        <source>Site de démonstration : %1/  (boutique en ligne)</source>
        <translation>Site de démonstration : %1/  (boutique en ligne)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="95" />
        <source>Dossier ShopSync : %1</source>
        <translation>Dossier ShopSync : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="99" />
        <source>1re synchronisation : %1</source>
        <translation>1re synchronisation : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="109" />
        <source>Vente simulée (1 Tissot Seastar) puis synchronisation : %1</source>
        <translation>Vente simulée (1 Tissot Seastar) puis synchronisation : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="120" />
        <location filename="../../shopsync/commands/status.py" line="102" />
        <source>Marques à décider : %1</source>
        <translation>Marques à décider : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/demo.py" line="129" />
        <source>Le site reste ouvert : Ctrl-C pour arrêter.</source>
        <translation>Le site reste ouvert : Ctrl-C pour arrêter.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/commands/status.py" line="106" />
        <source>%n produit(s) refusé(s) par le site</source>
        <translation><numerusform>%n produit refusé par le site</numerusform><numerusform>%n produits refusés par le site</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="10" />
        <source>lister les marques de l'ERP et leur choix, ou décider d'une marque pour le site</source>
        <translation>lister les marques de l'ERP et leur choix, ou décider d'une marque pour le site</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="22" />
        <source>chaque marque de l'ERP avec son nombre de produits et son choix</source>
        <translation>chaque marque de l'ERP avec son nombre de produits et son choix</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="28" />
        <source>choisir le mode d'une marque (une marque absente de l'ERP est permise)</source>
        <translation>choisir le mode d'une marque (une marque absente de l'ERP est permise)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="50" />
        <source>marque vide : donnez la marque telle que l'ERP l'écrit</source>
        <translation>marque vide : donnez la marque telle que l'ERP l'écrit</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/brands.py" line="89" />
        <source>← à décider</source>
        <translation>← à décider</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/confirm.py" line="10" />
        <source>confirmer les dépublications retenues par la sécurité (la prochaine synchronisation les effectue)</source>
        <translation>confirmer les dépublications retenues par la sécurité (la prochaine synchronisation les effectue)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/commands/confirm.py" line="27" />
        <source>%n dépublication(s) confirmée(s) : la prochaine synchronisation les effectue.</source>
        <translation><numerusform>%n dépublication confirmée : la prochaine synchronisation l'effectue.</numerusform><numerusform>%n dépublications confirmées : la prochaine synchronisation les effectue.</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="27" />
        <source>Garde la boutique en ligne au niveau du stock de l'ERP du magasin.</source>
        <translation>Garde la boutique en ligne au niveau du stock de l'ERP du magasin.</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="111" />
        <source>erreur interne (%1) ; le détail est dans le journal (logs/shopsync.log).</source>
        <translation>erreur interne (%1) ; le détail est dans le journal (logs/shopsync.log).</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="126" />
        <source>%1 : ce fichier ou son dossier n'existe pas</source>
        <translation>%1 : ce fichier ou son dossier n'existe pas</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="128" />
        <source>%1 : accès refusé par le système</source>
        <translation>%1 : accès refusé par le système</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="130" />
        <source>%1 : un fichier est à la place d'un dossier attendu</source>
        <translation>%1 : un fichier est à la place d'un dossier attendu</translation>
    </message>
    <message>
        <location filename="../../shopsync/cli.py" line="132" />
        <source>%1 : le système refuse ce fichier (%2)</source>
        <translation>%1 : le système refuse ce fichier (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/demo_data.py" line="125" />
        <source>Écrite autrement que sur le site (connectée quand même) : %1 → %2</source>
        <translation>Écrite autrement que sur le site (connectée quand même) : %1 → %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/demo_data.py" line="128" />
        <source>Référence à réécrire : %1 → %2 (proposée, score %3)</source>
        <translation>Référence à réécrire : %1 → %2 (proposée, score %3)</translation>
    </message>
    <message>
        <location filename="../../shopsync/demo_data.py" line="131" />
        <source>Absente du catalogue du site : %1 (demande de référencement)</source>
        <translation>Absente du catalogue du site : %1 (demande de référencement)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="15" />
        <source>lister, accepter ou refuser des alias de référence (référence ERP → référence du catalogue)</source>
        <translation>lister, accepter ou refuser des alias de référence (référence ERP → référence du catalogue)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="25" />
        <source>chaque alias accepté ou refusé</source>
        <translation>chaque alias accepté ou refusé</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="29" />
        <source>un seul document JSON : {"aliases": [...]}</source>
        <translation>un seul document JSON : {"aliases": [...]}</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="34" />
        <source>seulement les alias dont la cible a disparu du catalogue</source>
        <translation>seulement les alias dont la cible a disparu du catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="38" />
        <source>relier ERP_REF à CATALOG_REF à chaque synchronisation</source>
        <translation>relier ERP_REF à CATALOG_REF à chaque synchronisation</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="39" />
        <source>retenir que ERP_REF n'est pas CATALOG_REF</source>
        <translation>retenir que ERP_REF n'est pas CATALOG_REF</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="55" />
        <source>dossier de ShopSync (voir shopsync --help)</source>
        <translation>dossier de ShopSync (voir shopsync --help)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="71" />
        <source>attention : %1 n'est pas dans le catalogue de la dernière synchro ; l'alias ne servira que si cette référence y apparaît</source>
        <translation>attention : %1 n'est pas dans le catalogue de la dernière synchro ; l'alias ne servira que si cette référence y apparaît</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="77" />
        <source>%1 → %2 : accepté</source>
        <translation>%1 → %2 : accepté</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="80" />
        <source>%1 ≠ %2 : refusé</source>
        <translation>%1 ≠ %2 : refusé</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="93" />
        <source>aucun alias</source>
        <translation>aucun alias</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/aliases.py" line="95" />
        <source>(périmé : absent du catalogue)</source>
        <translation>(périmé : absent du catalogue)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="18" />
        <source>rapprocher les références de l'export ERP du catalogue du site (identiques, écrites autrement, suggérées)</source>
        <translation>rapprocher les références de l'export ERP du catalogue du site (identiques, écrites autrement, suggérées)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="30" />
        <source>l'export de l'ERP à lire</source>
        <translation>l'export de l'ERP à lire</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="36" />
        <source>catalogue CSV avec les colonnes reference,brand,title</source>
        <translation>catalogue CSV avec les colonnes reference,brand,title</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="41" />
        <source>télécharger le catalogue depuis le site</source>
        <translation>télécharger le catalogue depuis le site</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="51" />
        <source>format de sortie (par défaut : selon l'extension de --output, sinon jsonl)</source>
        <translation>format de sortie (par défaut : selon l'extension de --output, sinon jsonl)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="57" />
        <source>écrire dans ce fichier plutôt que sur la sortie standard</source>
        <translation>écrire dans ce fichier plutôt que sur la sortie standard</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="64" />
        <source>candidats par référence (5 par défaut)</source>
        <translation>candidats par référence (5 par défaut)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/match.py" line="111" />
        <source>%1 références ERP, %2 produits au catalogue : %3</source>
        <translation>%1 références ERP, %2 produits au catalogue : %3</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="19" />
        <source>chercher, télécharger (vérifiée) ou installer une mise à jour signée de ShopSync</source>
        <translation>chercher, télécharger (vérifiée) ou installer une mise à jour signée de ShopSync</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="31" />
        <source>check : une version plus récente est-elle proposée ; download : la télécharger et la vérifier ; apply : l'installer et redémarrer ShopSync</source>
        <translation>check : une version plus récente est-elle proposée ; download : la télécharger et la vérifier ; apply : l'installer et redémarrer ShopSync</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="40" />
        <source>un seul document JSON sur la sortie standard</source>
        <translation>un seul document JSON sur la sortie standard</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="74" />
        <source>Version %1 en cours d'installation : ShopSync se ferme, s'installe puis redémarre ; le résultat s'affichera au démarrage.</source>
        <translation>Version %1 en cours d'installation : ShopSync se ferme, s'installe puis redémarre ; le résultat s'affichera au démarrage.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="79" />
        <source>Version %1 installée : ShopSync redémarre.</source>
        <translation>Version %1 installée : ShopSync redémarre.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="81" />
        <source>ShopSync est à jour (version %1).</source>
        <translation>ShopSync est à jour (version %1).</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="84" />
        <source>Mise à jour disponible : version %1 (installée : %2).</source>
        <translation>Mise à jour disponible : version %1 (installée : %2).</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="88" />
        <source>Téléchargée et vérifiée : %1</source>
        <translation>Téléchargée et vérifiée : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="91" />
        <source>Aucune mise à jour n'est publiée à l'adresse du dépôt (introuvable) : vérifiez [update] url ; nouvel essai plus tard.</source>
        <translation>Aucune mise à jour n'est publiée à l'adresse du dépôt (introuvable) : vérifiez [update] url ; nouvel essai plus tard.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="97" />
        <source>Le dépôt des mises à jour est injoignable : nouvel essai plus tard.</source>
        <translation>Le dépôt des mises à jour est injoignable : nouvel essai plus tard.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/update.py" line="101" />
        <source>Mise à jour refusée : rien n'a été installé.</source>
        <translation>Mise à jour refusée : rien n'a été installé.</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="23" />
        <source>lancer le site d'essai (Site API v1.2, boutique sur /, /admin pour la plateforme) pour les démonstrations et les tests ; son état est gardé en SQLite dans --data</source>
        <translation>lancer le site d'essai (Site API v1.2, boutique sur /, /admin pour la plateforme) pour les démonstrations et les tests ; son état est gardé en SQLite dans --data</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="66" />
        <source>adresse d'écoute (127.0.0.1 par défaut)</source>
        <translation>adresse d'écoute (127.0.0.1 par défaut)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="72" />
        <source>port (8765 par défaut ; 0 = un port libre)</source>
        <translation>port (8765 par défaut ; 0 = un port libre)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="77" />
        <source>le jeton de la boutique (par défaut : $SHOPSYNC_SANDBOX_TOKEN ou « sandbox-token »)</source>
        <translation>le jeton de la boutique (par défaut : $SHOPSYNC_SANDBOX_TOKEN ou « sandbox-token »)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="86" />
        <source>catalogue CSV : reference,brand,title,has_sizes[,sizes] (par défaut : le catalogue d'exemple, si le dossier --data n'en a pas encore)</source>
        <translation>catalogue CSV : reference,brand,title,has_sizes[,sizes] (par défaut : le catalogue d'exemple, si le dossier --data n'en a pas encore)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="95" />
        <source>dossier de l'état SQLite du site d'essai (par défaut : sandbox/ dans le dossier de ShopSync)</source>
        <translation>dossier de l'état SQLite du site d'essai (par défaut : sandbox/ dans le dossier de ShopSync)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="105" />
        <source>part des requêtes de l'API qui échouent (0 à 1)</source>
        <translation>part des requêtes de l'API qui échouent (0 à 1)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="111" />
        <source>servir ce dépôt de mises à jour TUF (shopsync-release init) sous /updates</source>
        <translation>servir ce dépôt de mises à jour TUF (shopsync-release init) sous /updates</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="119" />
        <source>graine qui choisit les requêtes en échec</source>
        <translation>graine qui choisit les requêtes en échec</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="126" />
        <source>articles par lot avant la réponse 413 (500 par défaut)</source>
        <translation>articles par lot avant la réponse 413 (500 par défaut)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="133" />
        <source>durée d'une panne « lente » en secondes (2 par défaut)</source>
        <translation>durée d'une panne « lente » en secondes (2 par défaut)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="140" />
        <source>le connecteur est en retard après ce délai sans signal (45m par défaut)</source>
        <translation>le connecteur est en retard après ce délai sans signal (45m par défaut)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="149" />
        <source>le connecteur est silencieux après ce délai sans signal (6h par défaut)</source>
        <translation>le connecteur est silencieux après ce délai sans signal (6h par défaut)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="157" />
        <source>confirm : tant que le connecteur est silencieux, les produits en stock affichent « disponibilité à confirmer » (off par défaut)</source>
        <translation>confirm : tant que le connecteur est silencieux, les produits en stock affichent « disponibilité à confirmer » (off par défaut)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="197" />
        <source>catalogue : %1</source>
        <translation>catalogue : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="201" />
        <source>catalogue : %1 produit(s) gardé(s) dans le dossier de données</source>
        <translation>catalogue : %1 produit(s) gardé(s) dans le dossier de données</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="208" />
        <source>catalogue : le catalogue d'exemple (%1) ; --catalog FICHIER.csv pour le vôtre</source>
        <translation>catalogue : le catalogue d'exemple (%1) ; --catalog FICHIER.csv pour le vôtre</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="214" />
        <source>ATTENTION : catalogue VIDE (pas de --catalog, pas de catalogue d'exemple) : rien ne pourra être publié ; relancez avec --catalog FICHIER.csv</source>
        <translation>ATTENTION : catalogue VIDE (pas de --catalog, pas de catalogue d'exemple) : rien ne pourra être publié ; relancez avec --catalog FICHIER.csv</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="242" />
        <source>boutique : %1/   contrat : %2/openapi.json</source>
        <translation>boutique : %1/   contrat : %2/openapi.json</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="244" />
        <source>back-office : %1/admin (mot de passe : le jeton de la boutique)</source>
        <translation>back-office : %1/admin (mot de passe : le jeton de la boutique)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="247" />
        <source>données : %1</source>
        <translation>données : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="251" />
        <source>mises à jour : %1/updates/ depuis %2</source>
        <translation>mises à jour : %1/updates/ depuis %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="254" />
        <source>pannes : %1 des requêtes de l'API (graine %2)</source>
        <translation>pannes : %1 des requêtes de l'API (graine %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="256" />
        <source>Ctrl-C pour arrêter.</source>
        <translation>Ctrl-C pour arrêter.</translation>
    </message>
    <message>
        <location filename="../../shopsync/site/sandbox/cli.py" line="283" />
        <source>Site d'essai ShopSync arrêté.</source>
        <translation>Site d'essai ShopSync arrêté.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/_common.py" line="21" />
        <source>afficher la version et quitter</source>
        <translation>afficher la version et quitter</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/_common.py" line="27" />
        <source>dossier de ShopSync (config.toml, shopsync.db, logs/) ; par défaut : $SHOPSYNC_HOME ou le dossier de données de l'utilisateur</source>
        <translation>dossier de ShopSync (config.toml, shopsync.db, logs/) ; par défaut : $SHOPSYNC_HOME ou le dossier de données de l'utilisateur</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="21" />
        <source>rapport de préparation : l'ERP est-il prêt à être relié au site ?</source>
        <translation>rapport de préparation : l'ERP est-il prêt à être relié au site ?</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="33" />
        <source>export de l'ERP (par défaut : les réglages)</source>
        <translation>export de l'ERP (par défaut : les réglages)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="39" />
        <location filename="../../shopsync/commands/match.py" line="47" />
        <source>profil de l'ERP (par défaut : les réglages)</source>
        <translation>profil de l'ERP (par défaut : les réglages)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="43" />
        <source>catalogue CSV (reference,brand,title)</source>
        <translation>catalogue CSV (reference,brand,title)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="48" />
        <source>vérification de première connexion : le site, le jeton, son catalogue, puis le rapport</source>
        <translation>vérification de première connexion : le site, le jeton, son catalogue, puis le rapport</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="53" />
        <source>Code de sortie : 0 prêt ; 4 à corriger ou pas prêt (une personne doit agir avant de relier la boutique) ; 2 réglages ou fichiers illisibles ; 3 site injoignable (--site).</source>
        <translation>Code de sortie : 0 prêt ; 4 à corriger ou pas prêt (une personne doit agir avant de relier la boutique) ; 2 réglages ou fichiers illisibles ; 3 site injoignable (--site).</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="60" />
        <source>rapport.html, rapport.xlsx ou rapport.csv (par défaut : un résumé sur la sortie standard)</source>
        <translation>rapport.html, rapport.xlsx ou rapport.csv (par défaut : un résumé sur la sortie standard)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="75" />
        <source>--output %1 : un fichier .html, .xlsx ou .csv est attendu</source>
        <translation>--output %1 : un fichier .html, .xlsx ou .csv est attendu</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="98" />
        <source>aucun catalogue à comparer : donnez --catalog FICHIER.csv ou --site (ou lancez d'abord une synchronisation)</source>
        <translation>aucun catalogue à comparer : donnez --catalog FICHIER.csv ou --site (ou lancez d'abord une synchronisation)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="142" />
        <source>Verdict : %1 — rapport écrit dans %2</source>
        <translation>Verdict : %1 — rapport écrit dans %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="199" />
        <source>Verdict : %1</source>
        <translation>Verdict : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="206" />
        <source>%1 références ERP : %2 connectées (%3), %4 à réécrire, %5 absentes du catalogue ; %6 produits du site dépubliés à la 1re synchro</source>
        <translation>%1 références ERP : %2 connectées (%3), %4 à réécrire, %5 absentes du catalogue ; %6 produits du site dépubliés à la 1re synchro</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="221" />
        <source>Marque</source>
        <translation>Marque</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="221" />
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="221" />
        <source>Connectés</source>
        <translation>Connectés</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="222" />
        <source>À réécrire</source>
        <translation>À réécrire</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="222" />
        <source>Absents</source>
        <translation>Absents</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="223" />
        <source>Dépubliés</source>
        <translation>Dépubliés</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="223" />
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="229" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="234" />
        <source>À réécrire (référence ERP → écriture suggérée) :</source>
        <translation>À réécrire (référence ERP → écriture suggérée) :</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/check.py" line="238" />
        <source>… et %1 autres (--output rapport.xlsx)</source>
        <translation>… et %1 autres (--output rapport.xlsx)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/gui.py" line="11" />
        <source>démarrer l'application de la barre des tâches (par défaut sans commande)</source>
        <translation>démarrer l'application de la barre des tâches (par défaut sans commande)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/gui.py" line="22" />
        <source>démarrer dans la barre des tâches sans ouvrir de fenêtre</source>
        <translation>démarrer dans la barre des tâches sans ouvrir de fenêtre</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/gui.py" line="25" />
        <location filename="../../shopsync/commands/run.py" line="34" />
        <location filename="../../shopsync/commands/sync.py" line="43" />
        <source>journal détaillé (débogage)</source>
        <translation>journal détaillé (débogage)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="19" />
        <source>lire un export de l'ERP et afficher les articles en stock que ShopSync y comprend</source>
        <translation>lire un export de l'ERP et afficher les articles en stock que ShopSync y comprend</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="33" />
        <source>l'export (CSV/TXT, XLSX/XLS/ODS, DBF) ou un motif ; facultatif quand le profil nomme sa propre source (ODBC, 4D REST) ou que config.toml nomme l'export</source>
        <translation>l'export (CSV/TXT, XLSX/XLS/ODS, DBF) ou un motif ; facultatif quand le profil nomme sa propre source (ODBC, 4D REST) ou que config.toml nomme l'export</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="43" />
        <source>profil de l'ERP : auto, bijou3, cestia, m3soft, 4d-text, 4d-rest, odbc, un profil du dossier de ShopSync ou un fichier .toml (par défaut : celui de config.toml, sinon auto)</source>
        <translation>profil de l'ERP : auto, bijou3, cestia, m3soft, 4d-text, 4d-rest, odbc, un profil du dossier de ShopSync ou un fichier .toml (par défaut : celui de config.toml, sinon auto)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="54" />
        <source>jsonl : un objet JSON par article (par défaut) ; table : colonnes alignées ; summary : les comptes seulement</source>
        <translation>jsonl : un objet JSON par article (par défaut) ; table : colonnes alignées ; summary : les comptes seulement</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="139" />
        <source>séparateur %1</source>
        <translation>séparateur %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="141" />
        <source>feuille %1</source>
        <translation>feuille %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="157" />
        <source>source : %1</source>
        <translation>source : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="159" />
        <source>lu comme : %1 (profil %2)</source>
        <translation>lu comme : %1 (profil %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="166" />
        <source>colonnes : %1</source>
        <translation>colonnes : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="168" />
        <source>lignes de données : %1</source>
        <translation>lignes de données : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="170" />
        <source>articles : %1 (%2 avec un prix, %3 marques, %4 pièces en stock)</source>
        <translation>articles : %1 (%2 avec un prix, %3 marques, %4 pièces en stock)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="173" />
        <source>lignes rejetées : %1</source>
        <translation>lignes rejetées : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/read.py" line="174" />
        <source>avertissements : %1</source>
        <translation>avertissements : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/run.py" line="18" />
        <source>synchroniser selon le planning (--headless : en service, sans fenêtre)</source>
        <translation>synchroniser selon le planning (--headless : en service, sans fenêtre)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/run.py" line="29" />
        <source>sans application de barre des tâches : le planificateur seul (service)</source>
        <translation>sans application de barre des tâches : le planificateur seul (service)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/screenshots.py" line="11" />
        <source>dessiner le menu et chaque fenêtre avec les données de démonstration en fichiers PNG (hors écran)</source>
        <translation>dessiner le menu et chaque fenêtre avec les données de démonstration en fichiers PNG (hors écran)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/screenshots.py" line="20" />
        <source>dossier des fichiers PNG</source>
        <translation>dossier des fichiers PNG</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="11" />
        <source>une synchronisation : lire l'export de l'ERP, envoyer au site ce qui a changé</source>
        <translation>une synchronisation : lire l'export de l'ERP, envoyer au site ce qui a changé</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="22" />
        <source>une seule synchronisation, puis quitter (par défaut)</source>
        <translation>une seule synchronisation, puis quitter (par défaut)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="27" />
        <source>montrer ce qui changerait, sans rien envoyer</source>
        <translation>montrer ce qui changerait, sans rien envoyer</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="32" />
        <source>tout relire (comme la réconciliation de nuit)</source>
        <translation>tout relire (comme la réconciliation de nuit)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/sync.py" line="37" />
        <source>un seul document JSON sur la sortie standard (le texte va sur la sortie d'erreur)</source>
        <translation>un seul document JSON sur la sortie standard (le texte va sur la sortie d'erreur)</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/quit.py" line="48" />
        <source>ShopSync tourne encore après %1 s.</source>
        <translation>ShopSync tourne encore après %1 s.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/quit.py" line="52" />
        <source>ShopSync s'est fermé.</source>
        <translation>ShopSync s'est fermé.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/quit.py" line="54" />
        <source>ShopSync a été prié de se fermer.</source>
        <translation>ShopSync a été prié de se fermer.</translation>
    </message>
    <message>
        <location filename="../../shopsync/commands/quit.py" line="56" />
        <source>ShopSync n'était pas ouvert.</source>
        <translation>ShopSync n'était pas ouvert.</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="57" />
        <source>true ou false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="64" />
        <source>un texte</source>
        <translation>un texte</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="71" />
        <source>une liste de textes</source>
        <translation>une liste de textes</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="84" />
        <source> ou </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="104" />
        <source>un nombre entier à partir de %1</source>
        <translation>un nombre entier à partir de %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="106" />
        <source>un nombre entier de %1 à %2</source>
        <translation>un nombre entier de %1 à %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="127" />
        <source>un nombre plus grand que %1, au plus %2</source>
        <translation>un nombre plus grand que %1, au plus %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="129" />
        <source>un nombre de %1 à %2</source>
        <translation>un nombre de %1 à %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="152" />
        <source>une part plus grande que 0, au plus 1 (0.2), ou un pourcentage écrit "20 %"</source>
        <translation>une part plus grande que 0, au plus 1 (0.2), ou un pourcentage écrit "20 %"</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="187" />
        <source>une heure HH:MM (03:00), ou "" pour aucune</source>
        <translation>une heure HH:MM (03:00), ou "" pour aucune</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="203" />
        <source>un fuseau horaire (Europe/Paris, Indian/Reunion…)</source>
        <translation>un fuseau horaire (Europe/Paris, Indian/Reunion…)</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="212" />
        <source>"" ou le chemin d'un fichier qui existe</source>
        <translation>"" ou le chemin d'un fichier qui existe</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="105" />
        <source>%1 : ce n'est pas un fichier TOML valide</source>
        <translation>%1 : ce n'est pas un fichier TOML valide</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="106" />
        <source>%1 : ce n'est pas un fichier TOML valide (ligne %2, colonne %3)</source>
        <translation>%1 : ce n'est pas un fichier TOML valide (ligne %2, colonne %3)</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="123" />
        <source>%1 : [%2] doit être une table de clés (clé = valeur)</source>
        <translation>%1 : [%2] doit être une table de clés (clé = valeur)</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="270" />
        <source>les identifiants WooCommerce s'écrivent clé:secret (ck_…:cs_…), tels que WooCommerce les donne dans Réglages › Avancé › API REST</source>
        <translation>les identifiants WooCommerce s'écrivent clé:secret (ck_…:cs_…), tels que WooCommerce les donne dans Réglages › Avancé › API REST</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="91" />
        <source>%1 : [%2] %3 : attendu %4, trouvé %5</source>
        <translation>%1 : [%2] %3 : attendu %4, trouvé %5</translation>
    </message>
    <message>
        <location filename="../../shopsync/settings_schema.py" line="167" />
        <source>une durée : un nombre et une unité (30s, 15m, 2h, 1d)</source>
        <translation>une durée : un nombre et une unité (30s, 15m, 2h, 1d)</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="221" />
        <source>le trousseau du système est illisible (%1) : le jeton du site %2 ne peut pas y être lu. Réparez le trousseau, ou définissez %3.</source>
        <translation>le trousseau du système est illisible (%1) : le jeton du site %2 ne peut pas y être lu. Réparez le trousseau, ou définissez %3.</translation>
    </message>
    <message>
        <location filename="../../shopsync/config.py" line="256" />
        <source>le trousseau du système ne peut pas garder le jeton du site (%1) ; sans trousseau, définissez %2.</source>
        <translation>le trousseau du système ne peut pas garder le jeton du site (%1) ; sans trousseau, définissez %2.</translation>
    </message>
    <message>
        <location filename="../../shopsync/services/settings.py" line="80" />
        <source>le trousseau du système ne peut pas garder le mot de passe de l'ERP (%1) ; sans trousseau, définissez SHOPSYNC_ODBC_PASSWORD ou SHOPSYNC_4D_PASSWORD.</source>
        <translation>le trousseau du système ne peut pas garder le mot de passe de l'ERP (%1) ; sans trousseau, définissez SHOPSYNC_ODBC_PASSWORD ou SHOPSYNC_4D_PASSWORD.</translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/chart.py" line="32" />
        <source>%n changement(s) sur 30 jours</source>
        <translation><numerusform>%n changement sur 30 jours</numerusform><numerusform>%n changements sur 30 jours</numerusform></translation>
    </message>
</context>
<context>
    <name>Erp</name>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="18" />
        <source>%1 : aucun fichier d'export ne correspond</source>
        <translation>%1 : aucun fichier d'export ne correspond</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="22" />
        <source>%1 : fichier introuvable</source>
        <translation>%1 : fichier introuvable</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="26" />
        <source>%1 : c'est un dossier, pas un fichier d'export</source>
        <translation>%1 : c'est un dossier, pas un fichier d'export</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="30" />
        <source>%1 : accès refusé (l'ERP est-il encore en train de l'écrire ?)</source>
        <translation>%1 : accès refusé (l'ERP est-il encore en train de l'écrire ?)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="34" />
        <source>%1 : le fichier est vide</source>
        <translation>%1 : le fichier est vide</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="39" />
        <source>aucun fichier d'export indiqué, et le profil « %1 » ne nomme pas de source : choisissez le fichier dans les réglages ([erp] path dans config.toml)</source>
        <translation>aucun fichier d'export indiqué, et le profil « %1 » ne nomme pas de source : choisissez le fichier dans les réglages ([erp] path dans config.toml)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="63" />
        <source>%1 Mo</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="69" />
        <source>%1 : ce n'est pas un fichier d'export mais %2 ; rien n'a été lu</source>
        <translation>%1 : ce n'est pas un fichier d'export mais %2 ; rien n'a été lu</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="74" />
        <source>un tube nommé (FIFO)</source>
        <translation>un tube nommé (FIFO)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="75" />
        <source>un périphérique</source>
        <translation>un périphérique</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="76" />
        <source>une socket</source>
        <translation>une socket</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="77" />
        <source>un fichier spécial</source>
        <translation>un fichier spécial</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="87" />
        <source>%1 : %2, plus que les %3 qu'un export peut faire (les plus gros exports connus font environ 20 Mo) ; rien n'a été lu</source>
        <translation>%1 : %2, plus que les %3 qu'un export peut faire (les plus gros exports connus font environ 20 Mo) ; rien n'a été lu</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="98" />
        <source>%1 : plus de %2 lignes, plus qu'un export peut en avoir (les plus gros exports connus en ont environ 200 000) ; rien n'a été lu</source>
        <translation>%1 : plus de %2 lignes, plus qu'un export peut en avoir (les plus gros exports connus en ont environ 200 000) ; rien n'a été lu</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="109" />
        <source>%1 : le classeur décompressé dépasse %2, plus qu'un export peut faire ; rien n'a été lu</source>
        <translation>%1 : le classeur décompressé dépasse %2, plus qu'un export peut faire ; rien n'a été lu</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="136" />
        <source>… et %1 lignes refusées de plus</source>
        <translation>… et %1 lignes refusées de plus</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="138" />
        <source>… et %1 avertissements de plus</source>
        <translation>… et %1 avertissements de plus</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="146" />
        <source>« %1 » n'est pas un prix</source>
        <translation>« %1 » n'est pas un prix</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="150" />
        <source>« %1 » est négatif</source>
        <translation>« %1 » est négatif</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="154" />
        <source>« %1 » n'est pas un nombre entier</source>
        <translation>« %1 » n'est pas un nombre entier</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="158" />
        <source>« %1 » est en notation scientifique : ses chiffres sont perdus</source>
        <translation>« %1 » est en notation scientifique : ses chiffres sont perdus</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="162" />
        <source>« %1 » n'est pas un code-barres</source>
        <translation>« %1 » n'est pas un code-barres</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="166" />
        <source>%1 (ligne refusée)</source>
        <translation>%1 (ligne refusée)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="170" />
        <source>vide, compté comme 0</source>
        <translation>vide, compté comme 0</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="174" />
        <source>%1 (vendu en trop), compté comme 0</source>
        <translation>%1 (vendu en trop), compté comme 0</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="178" />
        <source>%1 ; code-barres ignoré</source>
        <translation>%1 ; code-barres ignoré</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="182" />
        <source>pas de colonne de quantité : chaque ligne compte pour une pièce</source>
        <translation>pas de colonne de quantité : chaque ligne compte pour une pièce</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="187" />
        <source>trop peu de champs (%1 sur %2 attendus ; le fichier a-t-il été coupé pendant son écriture ?)</source>
        <translation>trop peu de champs (%1 sur %2 attendus ; le fichier a-t-il été coupé pendant son écriture ?)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="197" />
        <source>vide : la ligne est ignorée</source>
        <translation>vide : la ligne est ignorée</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="202" />
        <source>%1 diffère de %2 pour « %3 » (vu d'abord ligne %4) ; le plus élevé est gardé, %5</source>
        <translation>%1 diffère de %2 pour « %3 » (vu d'abord ligne %4) ; le plus élevé est gardé, %5</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="213" />
        <source>l'en-tête « %1 » est sur les colonnes %2 et %3 : la colonne %4 est lue (pour lire la colonne %5 à la place, donnez son numéro dans le profil : [columns] %6 = %5)</source>
        <translation>l'en-tête « %1 » est sur les colonnes %2 et %3 : la colonne %4 est lue (pour lire la colonne %5 à la place, donnez son numéro dans le profil : [columns] %6 = %5)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="240" />
        <source>%1 : illisible (%2)</source>
        <translation>%1 : illisible (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="245" />
        <source>%1 : son fichier témoin est plus ancien que le fichier : encore en cours d'écriture</source>
        <translation>%1 : son fichier témoin est plus ancien que le fichier : encore en cours d'écriture</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="252" />
        <source>%1 : encore en cours d'écriture (modifié il y a moins de %2 s) ; il sera lu dès qu'il ne change plus</source>
        <translation>%1 : encore en cours d'écriture (modifié il y a moins de %2 s) ; il sera lu dès qu'il ne change plus</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="262" />
        <source>%1 : change encore après %2 s ; non lu</source>
        <translation>%1 : change encore après %2 s ; non lu</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="268" />
        <source>%1 : pas un export lisible : cela ressemble à %2. ShopSync lit les exports CSV/TXT, XLSX/XLS/ODS et DBF.</source>
        <translation>%1 : pas un export lisible : cela ressemble à %2. ShopSync lit les exports CSV/TXT, XLSX/XLS/ODS et DBF.</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="279" />
        <source>un document PDF</source>
        <translation>un document PDF</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="280" />
        <source>une image PNG</source>
        <translation>une image PNG</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="281" />
        <source>une image JPEG</source>
        <translation>une image JPEG</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="282" />
        <source>une image GIF</source>
        <translation>une image GIF</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="283" />
        <source>une archive gzip</source>
        <translation>une archive gzip</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="284" />
        <source>une archive 7-Zip</source>
        <translation>une archive 7-Zip</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="285" />
        <source>une archive RAR</source>
        <translation>une archive RAR</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="286" />
        <source>une base de données SQLite</source>
        <translation>une base de données SQLite</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="287" />
        <source>un programme Windows</source>
        <translation>un programme Windows</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="288" />
        <source>un programme</source>
        <translation>un programme</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="289" />
        <source>des données binaires (octets NUL)</source>
        <translation>des données binaires (octets NUL)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="290" />
        <source>des données binaires (caractères de contrôle)</source>
        <translation>des données binaires (caractères de contrôle)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="295" />
        <source>%1 : illisible (%2 : %3) ; détails dans le journal</source>
        <translation>%1 : illisible (%2 : %3) ; détails dans le journal</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="299" />
        <source>%1 : %2 (un guillemet ouvert n'est jamais fermé ?)</source>
        <translation>%1 : %2 (un guillemet ouvert n'est jamais fermé ?)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="303" />
        <source>%1 : lire des classeurs demande python-calamine (%2)</source>
        <translation>%1 : lire des classeurs demande python-calamine (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="307" />
        <source>%1 : lire un DBF demande dbfread (%2)</source>
        <translation>%1 : lire un DBF demande dbfread (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="311" />
        <source>%1 : le REST de 4D demande httpx (%2)</source>
        <translation>%1 : le REST de 4D demande httpx (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="316" />
        <source>%1 : l'ODBC demande pyodbc et le gestionnaire de pilotes ODBC du système (pip install 'shopsync[odbc]' ; sous Linux, unixODBC) : %2</source>
        <translation>%1 : l'ODBC demande pyodbc et le gestionnaire de pilotes ODBC du système (pip install 'shopsync[odbc]' ; sous Linux, unixODBC) : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="329" />
        <source>%1 : le classeur n'a aucune feuille</source>
        <translation>%1 : le classeur n'a aucune feuille</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="334" />
        <source>%1 : pas de feuille numéro %2 (feuilles : « %3 »)</source>
        <translation>%1 : pas de feuille numéro %2 (feuilles : « %3 »)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="340" />
        <source>%1 : pas de feuille nommée « %2 » (feuilles : « %3 »)</source>
        <translation>%1 : pas de feuille nommée « %2 » (feuilles : « %3 »)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="353" />
        <source>feuille « %1 » lue : pas de colonne de référence dans %2 avant elle (pour lire une autre feuille, nommez-la dans le profil : [options] sheet = "...")</source>
        <translation>feuille « %1 » lue : pas de colonne de référence dans %2 avant elle (pour lire une autre feuille, nommez-la dans le profil : [options] sheet = "...")</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="420" />
        <source>%1 : pas de colonne de référence ; %2. Noms essayés pour la référence : « %3 ». Nommez la colonne dans un profil d'ERP ([columns] reference = "...").</source>
        <translation>%1 : pas de colonne de référence ; %2. Noms essayés pour la référence : « %3 ». Nommez la colonne dans un profil d'ERP ([columns] reference = "...").</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="434" />
        <source>en-têtes trouvés ligne %1 : « %2 »</source>
        <translation>en-têtes trouvés ligne %1 : « %2 »</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="503" />
        <source>%1 : la colonne « %2 » de [source] key ou changes_column n'est pas parmi les colonnes de la requête (« %3 »)</source>
        <translation>%1 : la colonne « %2 » de [source] key ou changes_column n'est pas parmi les colonnes de la requête (« %3 »)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="345" />
        <source>%1 : la feuille « %2 » est vide</source>
        <translation>%1 : la feuille « %2 » est vide</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="363" />
        <source>%1 : pas un classeur lisible (%2)</source>
        <translation>%1 : pas un classeur lisible (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="367" />
        <source>le classeur est protégé par un mot de passe</source>
        <translation>le classeur est protégé par un mot de passe</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="374" />
        <source>%1 : pas une table DBF lisible (%2)</source>
        <translation>%1 : pas une table DBF lisible (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="378" />
        <source>fichier mémo (.dbt/.fpt) absent : les champs mémo sont lus vides</source>
        <translation>fichier mémo (.dbt/.fpt) absent : les champs mémo sont lus vides</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="382" />
        <source>une partie du texte ne se décode pas en %1</source>
        <translation>une partie du texte ne se décode pas en %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="386" />
        <source>%1 : valeur illisible (%2)</source>
        <translation>%1 : valeur illisible (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="394" />
        <source>la ligne %1 n'est pas en UTF-8 (le reste du fichier l'est) : lue en %2</source>
        <translation>la ligne %1 n'est pas en UTF-8 (le reste du fichier l'est) : lue en %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="401" />
        <source>les lignes %1 ne sont pas en UTF-8 (le reste du fichier l'est) : lues en %2</source>
        <translation>les lignes %1 ne sont pas en UTF-8 (le reste du fichier l'est) : lues en %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="408" />
        <source>%1, … (%2 lignes en tout)</source>
        <translation>%1, … (%2 lignes en tout)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="415" />
        <source>%1 : la ligne d'en-tête %2 du profil est après les données</source>
        <translation>%1 : la ligne d'en-tête %2 du profil est après les données</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="430" />
        <source>aucune ligne d'en-tête trouvée</source>
        <translation>aucune ligne d'en-tête trouvée</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="441" />
        <source>%1 : aucun article lisible (la source n'a renvoyé aucune ligne)</source>
        <translation>%1 : aucun article lisible (la source n'a renvoyé aucune ligne)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="446" />
        <source>%1 : aucun article lisible (%2 lignes refusées) : rien n'a été modifié sur le site</source>
        <translation>%1 : aucun article lisible (%2 lignes refusées) : rien n'a été modifié sur le site</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="456" />
        <source>%1 : aucun article lisible (%2 enregistrements refusés) : rien n'a été modifié sur le site</source>
        <translation>%1 : aucun article lisible (%2 enregistrements refusés) : rien n'a été modifié sur le site</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="466" />
        <source>%1 : plus aucun article lisible : rien n'a été modifié sur le site</source>
        <translation>%1 : plus aucun article lisible : rien n'a été modifié sur le site</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="475" />
        <source>le profil « %1 » ne nomme aucune source ODBC : indiquez [source] dsn ou connection_string (copiez le profil fourni dans le dossier profiles/ du dossier de ShopSync)</source>
        <translation>le profil « %1 » ne nomme aucune source ODBC : indiquez [source] dsn ou connection_string (copiez le profil fourni dans le dossier profiles/ du dossier de ShopSync)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="486" />
        <source>%1 : connexion impossible (%2)</source>
        <translation>%1 : connexion impossible (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="490" />
        <source>%1 : le profil « %2 » n'a pas de requête [source] query</source>
        <translation>%1 : le profil « %2 » n'a pas de requête [source] query</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="494" />
        <source>%1 : la requête ne renvoie pas de lignes (est-ce un SELECT ?)</source>
        <translation>%1 : la requête ne renvoie pas de lignes (est-ce un SELECT ?)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="498" />
        <source>%1 : la requête a échoué (%2)</source>
        <translation>%1 : la requête a échoué (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="516" />
        <source>%1 : le serveur 4D est injoignable (%2)</source>
        <translation>%1 : le serveur 4D est injoignable (%2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="520" />
        <source>%1 : le serveur 4D a refusé la connexion de « %2 »</source>
        <translation>%1 : le serveur 4D a refusé la connexion de « %2 »</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="525" />
        <source>%1 : toutes les licences du serveur 4D sont prises (HTTP 402) : la session de ShopSync en demande une</source>
        <translation>%1 : toutes les licences du serveur 4D sont prises (HTTP 402) : la session de ShopSync en demande une</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="535" />
        <source>%1 : échec de la connexion à 4D (HTTP %2)</source>
        <translation>%1 : échec de la connexion à 4D (HTTP %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="539" />
        <source>%1 : cette classe de données n'existe pas sur le serveur 4D (HTTP 404)</source>
        <translation>%1 : cette classe de données n'existe pas sur le serveur 4D (HTTP 404)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="543" />
        <source>%1 : le serveur 4D a répondu HTTP %2</source>
        <translation>%1 : le serveur 4D a répondu HTTP %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="547" />
        <source>%1 : la réponse du serveur 4D n'est pas du JSON</source>
        <translation>%1 : la réponse du serveur 4D n'est pas du JSON</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="551" />
        <source>%1 : réponse inattendue (pas de liste __ENTITIES)</source>
        <translation>%1 : réponse inattendue (pas de liste __ENTITIES)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="555" />
        <source>%1 : le serveur 4D a refusé la session</source>
        <translation>%1 : le serveur 4D a refusé la session</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="560" />
        <source>le profil « %1 » ne nomme aucun serveur 4D : indiquez [source] url et data_class</source>
        <translation>le profil « %1 » ne nomme aucun serveur 4D : indiquez [source] url et data_class</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="569" />
        <source>%1 : le profil « %2 » n'a pas de [source] data_class</source>
        <translation>%1 : le profil « %2 » n'a pas de [source] data_class</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="574" />
        <source>%1 : le profil « %2 » n'a pas d'utilisateur [source] user pour la connexion</source>
        <translation>%1 : le profil « %2 » n'a pas d'utilisateur [source] user pour la connexion</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="581" />
        <source>%1 : le serveur ignore $skip (la même page est revenue deux fois)</source>
        <translation>%1 : le serveur ignore $skip (la même page est revenue deux fois)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="587" />
        <source>%1 : la réponse du serveur 4D ne porte pas de %2 : activez le suivi des modifications de données pour cette table (éditeur de structure : Activer le suivi des modifications), ou retirez changes = "stamp" du profil (docs/erp-profiles.md)</source>
        <translation>%1 : la réponse du serveur 4D ne porte pas de %2 : activez le suivi des modifications de données pour cette table (éditeur de structure : Activer le suivi des modifications), ou retirez changes = "stamp" du profil (docs/erp-profiles.md)</translation>
    </message>
    <message>
        <location filename="../../shopsync/erp/messages.py" line="599" />
        <source>%1 : ShopSync lit les suppressions dans %2, que 4D ajoute avec le suivi des modifications de données ; elle doit être exposée comme ressource REST (docs/erp-profiles.md)</source>
        <translation>%1 : ShopSync lit les suppressions dans %2, que 4D ajoute avec le suivi des modifications de données ; elle doit être exposée comme ressource REST (docs/erp-profiles.md)</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="138" />
        <source>%1 : référence : %2</source>
        <translation>%1 : référence : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="139" />
        <source>%1 : marque : %2</source>
        <translation>%1 : marque : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="140" />
        <source>%1 : désignation : %2</source>
        <translation>%1 : désignation : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="141" />
        <source>%1 : quantité : %2</source>
        <translation>%1 : quantité : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="142" />
        <source>%1 : prix : %2</source>
        <translation>%1 : prix : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="143" />
        <source>%1 : taille : %2</source>
        <translation>%1 : taille : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="144" />
        <source>%1 : code-barres : %2</source>
        <translation>%1 : code-barres : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/model.py" line="145" />
        <source>%1 : statut : %2</source>
        <translation>%1 : statut : %2</translation>
    </message>
</context>
<context>
    <name>ErpPage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="43" />
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="45" />
        <source>Détection automatique</source>
        <translation>Détection automatique</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="49" />
        <source>4D (export texte)</source>
        <translation>4D (export texte)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="50" />
        <source>4D (serveur REST)</source>
        <translation>4D (serveur REST)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="51" />
        <source>Base ODBC</source>
        <translation>Base ODBC</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="58" />
        <source>Logiciel (préréglage) :</source>
        <translation>Logiciel (préréglage) :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="61" />
        <source>Fichier…</source>
        <translation>Fichier…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="62" />
        <source>Dossier…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="66" />
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="144" />
        <source>Export :</source>
        <translation>Export :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="70" />
        <source>(inchangé — gardé dans le trousseau du système)</source>
        <translation>(inchangé — gardé dans le trousseau du système)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="71" />
        <source>Mot de passe :</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="76" />
        <source>Fichier stable depuis :</source>
        <translation>Fichier stable depuis :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="82" />
        <source>Aperçu des premières lignes</source>
        <translation>Aperçu des premières lignes</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="88" />
        <source>Colonnes détectées (modifiables)</source>
        <translation>Colonnes détectées (modifiables)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="92" />
        <source>Référence</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="92" />
        <source>Marque</source>
        <translation>Marque</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="93" />
        <source>Désignation</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="93" />
        <source>Quantité</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="94" />
        <source>Prix TTC</source>
        <translation>Prix TTC</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="94" />
        <source>Taille (TLD)</source>
        <translation>Taille (TLD)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="95" />
        <source>Code EAN</source>
        <translation>Code EAN</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="95" />
        <source>Statut</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="138" />
        <source>Connexion ODBC :</source>
        <translation>Connexion ODBC :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="139" />
        <source>Par exemple DSN=Bijou3 ; le mot de passe reste dans le trousseau du système.</source>
        <translation>Par exemple DSN=Bijou3 ; le mot de passe reste dans le trousseau du système.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="141" />
        <source>Serveur 4D :</source>
        <translation>Serveur 4D :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="142" />
        <source>L'adresse du serveur REST de 4D, par exemple http://serveur:8080/rest.</source>
        <translation>L'adresse du serveur REST de 4D, par exemple http://serveur:8080/rest.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="146" />
        <source>Le fichier que l'ERP écrit, un dossier, ou un motif (C:/Export/stock_*.csv) : le fichier complet le plus récent est lu.</source>
        <translation>Le fichier que l'ERP écrit, un dossier, ou un motif (C:/Export/stock_*.csv) : le fichier complet le plus récent est lu.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="152" />
        <source>Export de l'ERP</source>
        <translation>Export de l'ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="153" />
        <source>Exports (*.csv *.txt *.xlsx *.xls *.dbf);;Tous les fichiers (*)</source>
        <translation>Exports (*.csv *.txt *.xlsx *.xls *.dbf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="159" />
        <source>Dossier des exports</source>
        <translation>Dossier des exports</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="170" />
        <source>Indiquez l'export de l'ERP : le fichier, le dossier ou le motif que l'ERP écrit.</source>
        <translation>Indiquez l'export de l'ERP : le fichier, le dossier ou le motif que l'ERP écrit.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="183" />
        <source>Indiquez d'abord l'export.</source>
        <translation>Indiquez d'abord l'export.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="187" />
        <source>Lecture…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="208" />
        <source>L'export %1 ne contient aucune ligne de stock : choisissez l'export complet.</source>
        <translation>L'export %1 ne contient aucune ligne de stock : choisissez l'export complet.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="223" />
        <source>Lecture impossible : %1</source>
        <translation>Lecture impossible : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="232" />
        <source>Aperçu : %n première(s) ligne(s)</source>
        <translation><numerusform>Aperçu : %n première ligne</numerusform><numerusform>Aperçu : %n premières lignes</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/erp_page.py" line="258" />
        <source>(aucune)</source>
        <translation>(aucune)</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="291" />
        <source>Bienvenue dans ShopSync</source>
        <translation>Bienvenue dans ShopSync</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="309" />
        <source>Le type de site, son adresse et le jeton (ou la clé WooCommerce) qui l'ouvre.</source>
        <translation>Le type de site, son adresse et le jeton (ou la clé WooCommerce) qui l'ouvre.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="327" />
        <source>Bienvenue</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="304" />
        <source>Le stock de la boutique</source>
        <translation>Le stock de la boutique</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="305" />
        <source>Choisissez l'export de votre ERP et vérifiez les colonnes.</source>
        <translation>Choisissez l'export de votre ERP et vérifiez les colonnes.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="306" />
        <source>l'export de l'ERP</source>
        <translation>l'export de l'ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="308" />
        <source>Le site</source>
        <translation>Le site</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="310" />
        <source>le site</source>
        <translation>le site</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="312" />
        <source>Quand synchroniser</source>
        <translation>Quand synchroniser</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="312" />
        <source>la planification</source>
        <translation>la planification</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="314" />
        <source>Règles de publication</source>
        <translation>Règles de publication</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="314" />
        <source>les règles</source>
        <translation>les règles</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="315" />
        <source>Préférences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="315" />
        <source>les préférences</source>
        <translation>les préférences</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="319" />
        <source>ShopSync garde le stock du site à jour avec celui de votre logiciel de caisse (ERP).</source>
        <translation>ShopSync garde le stock du site à jour avec celui de votre logiciel de caisse (ERP).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="321" />
        <source>%n étape(s) : %1, puis une vérification avant la première synchronisation. Tout se modifie ensuite dans les paramètres.</source>
        <translation><numerusform>%n étape : %1, puis une vérification avant la première synchronisation. Tout se modifie ensuite dans les paramètres.</numerusform><numerusform>%n étapes : %1, puis une vérification avant la première synchronisation. Tout se modifie ensuite dans les paramètres.</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="354" />
        <source>Paramètres</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="355" />
        <source>Enregistrement impossible : %1</source>
        <translation>Enregistrement impossible : %1</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="207" />
        <source>Général</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="210" />
        <source>Comme le système</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="213" />
        <source>Langue :</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="214" />
        <source>Démarrer ShopSync avec la session</source>
        <translation>Démarrer ShopSync avec la session</translation>
    </message>
</context>
<context>
    <name>HeldForm</name>
    <message>
        <location filename="../../ui/held.ui" line="12" />
        <source>Garder ces produits en ligne</source>
        <translation>Garder ces produits en ligne</translation>
    </message>
    <message>
        <location filename="../../ui/held.ui" line="13" />
        <source>Dépublier ces produits</source>
        <translation>Dépublier ces produits</translation>
    </message>
</context>
<context>
    <name>HeldWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="39" />
        <source>ShopSync — Dépublication retenue</source>
        <translation>ShopSync — Dépublication retenue</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="48" />
        <source>Référence</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="48" />
        <source>Marque</source>
        <translation>Marque</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="48" />
        <source>Produit</source>
        <translation>Produit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/held.py" line="67" />
        <source>La dernière synchronisation retirerait %n produit(s) du site d'un coup. C'est plus que le seuil de sécurité : cela arrive quand l'export de l'ERP est incomplet. Vérifiez la liste, puis confirmez ou gardez-les en ligne.</source>
        <translation><numerusform>La dernière synchronisation retirerait %n produit du site d'un coup. C'est plus que le seuil de sécurité : cela arrive quand l'export de l'ERP est incomplet. Vérifiez la liste, puis confirmez ou gardez-le en ligne.</numerusform><numerusform>La dernière synchronisation retirerait %n produits du site d'un coup. C'est plus que le seuil de sécurité : cela arrive quand l'export de l'ERP est incomplet. Vérifiez la liste, puis confirmez ou gardez-les en ligne.</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="92" />
        <source>Dépublication retenue</source>
        <translation>Dépublication retenue</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/held.py" line="93" />
        <source>Confirmation impossible : %1</source>
        <translation>Confirmation impossible : %1</translation>
    </message>
</context>
<context>
    <name>ReferencesForm</name>
    <message>
        <location filename="../../ui/references.ui" line="7" />
        <source>Les références de l'ERP absentes du catalogue du site. Acceptez une suggestion pour relier la référence sans la réécrire dans l'ERP, ou refusez-la.</source>
        <translation>Les références de l'ERP absentes du catalogue du site. Acceptez une suggestion pour relier la référence sans la réécrire dans l'ERP, ou refusez-la.</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="10" />
        <source>Rechercher une référence ou une marque…</source>
        <translation>Rechercher une référence ou une marque…</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="11" />
        <source>Seulement avec suggestion</source>
        <translation>Seulement avec suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="18" />
        <source>Accepter la suggestion</source>
        <translation>Accepter la suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="19" />
        <source>Refuser</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../../ui/references.ui" line="21" />
        <source>Exporter les références à réécrire…</source>
        <translation>Exporter les références à réécrire…</translation>
    </message>
</context>
<context>
    <name>ReferencesWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="48" />
        <source>ShopSync — Références</source>
        <translation>ShopSync — Références</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="59" />
        <source>Référence ERP</source>
        <translation>Référence ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="59" />
        <source>Marque</source>
        <translation>Marque</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="59" />
        <source>Désignation</source>
        <translation>Désignation</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="60" />
        <source>Statut</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="60" />
        <source>Référence du catalogue proposée</source>
        <translation>Référence du catalogue proposée</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="83" />
        <source>Recherche des références…</source>
        <translation>Recherche des références…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="87" />
        <source>Lecture impossible : %1</source>
        <translation>Lecture impossible : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="94" />
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="94" />
        <source>Introuvable</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="98" />
        <source>Marque hors site : sans effet tant qu'elle n'est pas publiée</source>
        <translation>Marque hors site : sans effet tant qu'elle n'est pas publiée</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="104" />
        <source>aucune</source>
        <translation>aucune</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/references.py" line="109" />
        <source>%n référence(s) à relier</source>
        <translation><numerusform>%n référence à relier</numerusform><numerusform>%n références à relier</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/references.py" line="111" />
        <source>%n avec suggestion</source>
        <translation><numerusform>%n avec suggestion</numerusform><numerusform>%n avec suggestion</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="177" />
        <source>Exporter les références à réécrire</source>
        <translation>Exporter les références à réécrire</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="179" />
        <source>Classeur Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Classeur Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="186" />
        <location filename="../../shopsync/gui/windows/references.py" line="187" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/references.py" line="186" />
        <source>Fichier écrit : %1</source>
        <translation>Fichier écrit : %1</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="109" />
        <source>aucun produit de cette marque dans le catalogue du site</source>
        <translation>aucun produit de cette marque dans le catalogue du site</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="112" />
        <source>aucune référence de l'ERP ne correspond au catalogue du site</source>
        <translation>aucune référence de l'ERP ne correspond au catalogue du site</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="115" />
        <source>seules %1 des références connues du site sont écrites comme il faut (seuil %2)</source>
        <translation>seules %1 des références connues du site sont écrites comme il faut (seuil %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="119" />
        <source>la première synchro dépublierait %1 des produits en ligne de ces marques (seuil %2)</source>
        <translation>la première synchro dépublierait %1 des produits en ligne de ces marques (seuil %2)</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="123" />
        <source>%1 référence(s) à réécrire ou à accepter comme alias</source>
        <translation>%1 référence(s) à réécrire ou à accepter comme alias</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="126" />
        <source>la première synchro dépublierait %1 produit(s) (%2, seuil %3)</source>
        <translation>la première synchro dépublierait %1 produit(s) (%2, seuil %3)</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="108" />
        <source>Règles</source>
        <translation>Règles</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="113" />
        <source>Hors site jusqu'à décision</source>
        <translation>Hors site jusqu'à décision</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="114" />
        <source>En stock</source>
        <translation>En stock</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="115" />
        <source>Pré-commande</source>
        <translation>Pré-commande</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="116" />
        <source>Hors site</source>
        <translation>Hors site</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="119" />
        <source>Nouvelle marque :</source>
        <translation>Nouvelle marque :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="121" />
        <source>ex. NW, RETENU</source>
        <translation>ex. NW, RETENU</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="122" />
        <source>Statuts ERP qui retiennent un produit :</source>
        <translation>Statuts ERP qui retiennent un produit :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="124" />
        <source>ex. CDE</source>
        <translation>ex. CDE</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="125" />
        <source>Statuts ERP en pré-commande :</source>
        <translation>Statuts ERP en pré-commande :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="129" />
        <source>jusqu'à leur clôture sur le site (recommandé)</source>
        <translation>jusqu'à leur clôture sur le site (recommandé)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="132" />
        <source>jusqu'au prochain export de l'ERP (l'ERP importe lui-même les commandes web)</source>
        <translation>jusqu'au prochain export de l'ERP (l'ERP importe lui-même les commandes web)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="135" />
        <source>Commandes web retirées du stock :</source>
        <translation>Commandes web retirées du stock :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="137" />
        <source>Continuer à vendre les produits épuisés (tout le site)</source>
        <translation>Continuer à vendre les produits épuisés (tout le site)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="142" />
        <source> jours</source>
        <translation> jours</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="143" />
        <source>Délai de réapprovisionnement :</source>
        <translation>Délai de réapprovisionnement :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="145" />
        <source>Message affiché :</source>
        <translation>Message affiché :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="146" />
        <source>Le nombre de jours du message suit le délai ci-dessus.</source>
        <translation>Le nombre de jours du message suit le délai ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="152" />
        <source>Sécurité : demander avant de dépublier beaucoup de produits</source>
        <translation>Sécurité : demander avant de dépublier beaucoup de produits</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="156" />
        <source>Au-delà de (produits) :</source>
        <translation>Au-delà de (produits) :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="160" />
        <source>ou de (part du site publié) :</source>
        <translation>ou de (part du site publié) :</translation>
    </message>
</context>
<context>
    <name>Run</name>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="35" />
        <source>Synchronisation terminée</source>
        <translation>Synchronisation terminée</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="36" />
        <source>Rien de nouveau</source>
        <translation>Rien de nouveau</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="37" />
        <source>Site injoignable : changements gardés en attente</source>
        <translation>Site injoignable : changements gardés en attente</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="38" />
        <source>Dépublication retenue : confirmez avec `shopsync confirm`</source>
        <translation>Dépublication retenue : confirmez avec `shopsync confirm`</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="39" />
        <source>Export ERP illisible : rien n'a changé</source>
        <translation>Export ERP illisible : rien n'a changé</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="40" />
        <source>Le site a refusé le jeton</source>
        <translation>Le site a refusé le jeton</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="41" />
        <source>Une synchronisation est déjà en cours</source>
        <translation>Une synchronisation est déjà en cours</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="42" />
        <source>Simulation (rien n'a été envoyé)</source>
        <translation>Simulation (rien n'a été envoyé)</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="43" />
        <source>Erreur</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="49" />
        <source>À publier</source>
        <translation>À publier</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="50" />
        <source>À mettre à jour</source>
        <translation>À mettre à jour</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="51" />
        <source>À dépublier</source>
        <translation>À dépublier</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="52" />
        <source>Dépublications retenues</source>
        <translation>Dépublications retenues</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="60" />
        <source>%1 : %2 — %3</source>
        <translation>%1 : %2 — %3</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="72" />
        <source>%1 — lus %2, changements %3, envoyés %4, en attente %5, retenus %6, refusés %7</source>
        <translation>%1 — lus %2, changements %3, envoyés %4, en attente %5, retenus %6, refusés %7</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/sync/messages.py" line="89" />
        <source>%n produit(s) seraient dépubliés : c'est plus que le seuil de sécurité</source>
        <translation><numerusform>%n produit serait dépublié : c'est plus que le seuil de sécurité</numerusform><numerusform>%n produits seraient dépubliés : c'est plus que le seuil de sécurité</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="96" />
        <source>erreur interne (%1) : voir logs/shopsync.log</source>
        <translation>erreur interne (%1) : voir logs/shopsync.log</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="100" />
        <source>une autre synchronisation tient le verrou</source>
        <translation>une autre synchronisation tient le verrou</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="105" />
        <source>le site a refusé le jeton : vérifiez-le dans les réglages</source>
        <translation>le site a refusé le jeton : vérifiez-le dans les réglages</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="112" />
        <source>le certificat du site %1 n'est pas reconnu par ce PC (antivirus ou proxy ?) : rien n'a été envoyé, nouvel essai automatique (détail dans le journal)</source>
        <translation>le certificat du site %1 n'est pas reconnu par ce PC (antivirus ou proxy ?) : rien n'a été envoyé, nouvel essai automatique (détail dans le journal)</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="125" />
        <source>le site %1 a envoyé une réponse hors contrat (trop grande, trop lente ou mal formée) : rien n'a été envoyé ni dépublié, nouvel essai automatique (détail dans le journal)</source>
        <translation>le site %1 a envoyé une réponse hors contrat (trop grande, trop lente ou mal formée) : rien n'a été envoyé ni dépublié, nouvel essai automatique (détail dans le journal)</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="138" />
        <source>le site %1 n'a pas répondu ; nouvel essai automatique (détail dans le journal)</source>
        <translation>le site %1 n'a pas répondu ; nouvel essai automatique (détail dans le journal)</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="145" />
        <source>aucun jeton pour ce site : saisissez-le dans la fenêtre des réglages (il est gardé dans le trousseau du système) ou définissez SHOPSYNC_SITE_TOKEN</source>
        <translation>aucun jeton pour ce site : saisissez-le dans la fenêtre des réglages (il est gardé dans le trousseau du système) ou définissez SHOPSYNC_SITE_TOKEN</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="153" />
        <source>l'export de l'ERP ne contient aucun article : rien n'a changé sur le site</source>
        <translation>l'export de l'ERP ne contient aucun article : rien n'a changé sur le site</translation>
    </message>
    <message>
        <location filename="../../shopsync/sync/messages.py" line="157" />
        <source>le catalogue du site est vide : rien à publier</source>
        <translation>le catalogue du site est vide : rien à publier</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="63" />
        <source>Planification</source>
        <translation>Planification</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="67" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="68" />
        <source>Synchroniser toutes les :</source>
        <translation>Synchroniser toutes les :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="69" />
        <source>Vérification complète chaque nuit à</source>
        <translation>Vérification complète chaque nuit à</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="77" />
        <source>Synchroniser dès qu'un nouvel export arrive</source>
        <translation>Synchroniser dès qu'un nouvel export arrive</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/pages.py" line="83" />
        <source>Fuseau horaire :</source>
        <translation>Fuseau horaire :</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="131" />
        <source>ShopSync — Paramètres</source>
        <translation>ShopSync — Paramètres</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="146" />
        <source>Enregistrement…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="150" />
        <source>Paramètres enregistrés.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="155" />
        <source>Enregistrement impossible : %1</source>
        <translation>Enregistrement impossible : %1</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="90" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="98" />
        <source>Adresse du site :</source>
        <translation>Adresse du site :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="191" />
        <source>(inchangé — gardé dans le trousseau du système)</source>
        <translation>(inchangé — gardé dans le trousseau du système)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="145" />
        <source>Jeton d'accès :</source>
        <translation>Jeton d'accès :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="28" />
        <source>Le trousseau du système ne peut pas garder le jeton : rien n'a été enregistré. Déverrouillez le trousseau de votre session (ou installez-en un, par exemple GNOME Keyring ou KWallet), puis cliquez de nouveau sur « %1 ». Sur un poste sans session (ShopSync en service), donnez le jeton par la variable d'environnement SHOPSYNC_SITE_TOKEN.</source>
        <translation>Le trousseau du système ne peut pas garder le jeton : rien n'a été enregistré. Déverrouillez le trousseau de votre session (ou installez-en un, par exemple GNOME Keyring ou KWallet), puis cliquez de nouveau sur « %1 ». Sur un poste sans session (ShopSync en service), donnez le jeton par la variable d'environnement SHOPSYNC_SITE_TOKEN.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="40" />
        <source>Le trousseau du système est illisible : le jeton de ce site ne peut pas y être lu. Saisissez le jeton donné par la plateforme, ou donnez-le par la variable d'environnement SHOPSYNC_SITE_TOKEN.</source>
        <translation>Le trousseau du système est illisible : le jeton de ce site ne peut pas y être lu. Saisissez le jeton donné par la plateforme, ou donnez-le par la variable d'environnement SHOPSYNC_SITE_TOKEN.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="55" />
        <source>Enregistrer</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="58" />
        <source>Une erreur inattendue s'est produite ; le détail est dans le journal.</source>
        <translation>Une erreur inattendue s'est produite ; le détail est dans le journal.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="147" />
        <source>Le jeton vous est donné par la plateforme. Il n'est jamais écrit dans un fichier.</source>
        <translation>Le jeton vous est donné par la plateforme. Il n'est jamais écrit dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="106" />
        <source>Tester la connexion</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="95" />
        <source>Type de site :</source>
        <translation>Type de site :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="127" />
        <source>WooCommerce</source>
        <translation>WooCommerce</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="128" />
        <source>Site de la plateforme (API ShopSync)</source>
        <translation>Site de la plateforme (API ShopSync)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="138" />
        <source>Clé WooCommerce (ck_…:cs_…) :</source>
        <translation>Clé WooCommerce (ck_…:cs_…) :</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="140" />
        <source>La clé et le secret se créent dans WooCommerce, Réglages › Avancé › API REST (droits lecture/écriture) ; collez-les sous la forme ck_…:cs_…. Ils ne sont jamais écrits dans un fichier.</source>
        <translation>La clé et le secret se créent dans WooCommerce, Réglages › Avancé › API REST (droits lecture/écriture) ; collez-les sous la forme ck_…:cs_…. Ils ne sont jamais écrits dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="193" />
        <source>(donné par la variable d'environnement SHOPSYNC_SITE_TOKEN)</source>
        <translation>(donné par la variable d'environnement SHOPSYNC_SITE_TOKEN)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="195" />
        <source>(trousseau du système illisible)</source>
        <translation>(trousseau du système illisible)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="196" />
        <source>collez la clé et le secret : ck_…:cs_…</source>
        <translation>collez la clé et le secret : ck_…:cs_…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="197" />
        <source>collez le jeton donné par la plateforme</source>
        <translation>collez le jeton donné par la plateforme</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="214" />
        <source>Indiquez l'adresse du site donnée par la plateforme.</source>
        <translation>Indiquez l'adresse du site donnée par la plateforme.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="218" />
        <source>Test en cours…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="251" />
        <source>Suivant</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/site_page.py" line="255" />
        <source>Le jeton est gardé dans le trousseau du système.</source>
        <translation>Le jeton est gardé dans le trousseau du système.</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <location filename="../../shopsync/texts.py" line="107" />
        <source>lecture de l'export</source>
        <translation>lecture de l'export</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="108" />
        <source>catalogue du site</source>
        <translation>catalogue du site</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="109" />
        <source>application des règles</source>
        <translation>application des règles</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="110" />
        <source>envoi</source>
        <translation>envoi</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="215" />
        <source>Le site a refusé le jeton : entrez-en un nouveau dans les paramètres.</source>
        <translation>Le site a refusé le jeton : entrez-en un nouveau dans les paramètres.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/texts.py" line="219" />
        <source>%n dépublication(s) attendent votre accord.</source>
        <translation><numerusform>%n dépublication attend votre accord.</numerusform><numerusform>%n dépublications attendent votre accord.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/texts.py" line="250" />
        <source>%n produit(s) refusé(s) par le site.</source>
        <translation><numerusform>%n produit refusé par le site.</numerusform><numerusform>%n produits refusés par le site.</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="252" />
        <source>Le disque refuse d'écrire : %1</source>
        <translation>Le disque refuse d'écrire : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="255" />
        <source>Base locale endommagée, reconstruite le %1 : la synchronisation a repris.</source>
        <translation>Base locale endommagée, reconstruite le %1 : la synchronisation a repris.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="238" />
        <source>La dernière synchronisation a échoué.</source>
        <translation>La dernière synchronisation a échoué.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="27" />
        <source>Le site a refusé le jeton</source>
        <translation>Le site a refusé le jeton</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="221" />
        <source>Export ERP illisible, rien n'a changé sur le site : %1</source>
        <translation>Export ERP illisible, rien n'a changé sur le site : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/texts.py" line="232" />
        <location filename="../../shopsync/texts.py" line="241" />
        <source>%n changement(s) en attente depuis %1</source>
        <translation><numerusform>%n changement en attente depuis %1</numerusform><numerusform>%n changements en attente depuis %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="229" />
        <source>Le site n'a pas répondu à la dernière synchronisation.</source>
        <translation>Le site n'a pas répondu à la dernière synchronisation.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="25" />
        <source>Site injoignable</source>
        <translation>Site injoignable</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="26" />
        <source>À vérifier</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="24" />
        <source>Changements en attente</source>
        <translation>Changements en attente</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="22" />
        <source>Pas encore synchronisé</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="213" />
        <source>Choisissez l'export de l'ERP et le site dans les paramètres.</source>
        <translation>Choisissez l'export de l'ERP et le site dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="23" />
        <source>À jour</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="211" />
        <source>Dernière synchronisation à %1</source>
        <translation>Dernière synchronisation à %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="28" />
        <source>La dernière synchronisation a échoué</source>
        <translation>La dernière synchronisation a échoué</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="33" />
        <source>terminée</source>
        <translation>terminée</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="34" />
        <source>rien de nouveau</source>
        <translation>rien de nouveau</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="35" />
        <source>site injoignable</source>
        <translation>site injoignable</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="36" />
        <source>dépublication retenue</source>
        <translation>dépublication retenue</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="37" />
        <source>export illisible</source>
        <translation>export illisible</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="38" />
        <source>jeton refusé</source>
        <translation>jeton refusé</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="39" />
        <source>déjà en cours</source>
        <translation>déjà en cours</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="40" />
        <source>erreur</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="41" />
        <source>en cours</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="42" />
        <source>simulation</source>
        <translation>simulation</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="47" />
        <source>manuelle</source>
        <translation>manuelle</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="48" />
        <source>planifiée</source>
        <translation>planifiée</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="49" />
        <source>nocturne</source>
        <translation>nocturne</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="50" />
        <source>nouvel export</source>
        <translation>nouvel export</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="51" />
        <source>après veille</source>
        <translation>après veille</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="52" />
        <source>nouvel essai</source>
        <translation>nouvel essai</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="53" />
        <source>démarrage</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="54" />
        <source>confirmation</source>
        <translation>confirmation</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="55" />
        <source>reprise</source>
        <translation>reprise</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="56" />
        <source>ligne de commande</source>
        <translation>ligne de commande</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="57" />
        <source>démo</source>
        <translation>démo</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="58" />
        <source>marques</source>
        <translation>marques</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="59" />
        <source>références</source>
        <translation>références</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="60" />
        <source>demande du support</source>
        <translation>demande du support</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="61" />
        <source>changement dans l'ERP</source>
        <translation>changement dans l'ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="67" />
        <source>L'adresse du site « %1 » ne convient pas : %2</source>
        <translation>L'adresse du site « %1 » ne convient pas : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="68" />
        <source>Le site %1 ne répond pas : vérifiez l'adresse et la connexion internet du magasin, puis réessayez.</source>
        <translation>Le site %1 ne répond pas : vérifiez l'adresse et la connexion internet du magasin, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="73" />
        <source>%1 répond, mais ce n'est pas l'adresse de synchronisation du site : demandez-la à la plateforme.</source>
        <translation>%1 répond, mais ce n'est pas l'adresse de synchronisation du site : demandez-la à la plateforme.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="78" />
        <source>Le site %1 répond, mais aucun jeton n'est enregistré : saisissez celui que la plateforme vous a donné.</source>
        <translation>Le site %1 répond, mais aucun jeton n'est enregistré : saisissez celui que la plateforme vous a donné.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="83" />
        <source>Le site %1 répond, mais refuse le jeton : vérifiez-le (sans espace en trop) ou demandez-en un nouveau à la plateforme.</source>
        <translation>Le site %1 répond, mais refuse le jeton : vérifiez-le (sans espace en trop) ou demandez-en un nouveau à la plateforme.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="88" />
        <source>Le site %1 répond et accepte le jeton : %2 produit(s) au catalogue.</source>
        <translation>Le site %1 répond et accepte le jeton : %2 produit(s) au catalogue.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="96" />
        <source>%1 référence(s) lue(s) dans l'export de l'ERP</source>
        <translation>%1 référence(s) lue(s) dans l'export de l'ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="97" />
        <source>%1 connectée(s) au catalogue du site</source>
        <translation>%1 connectée(s) au catalogue du site</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="98" />
        <source>%1 à réécrire dans l'ERP</source>
        <translation>%1 à réécrire dans l'ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="99" />
        <source>%1 marque(s) à décider</source>
        <translation>%1 marque(s) à décider</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="100" />
        <source>%1 écrite(s) à l'ancienne (produit renommé par la plateforme : connectée(s))</source>
        <translation>%1 écrite(s) à l'ancienne (produit renommé par la plateforme : connectée(s))</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="115" />
        <source>À décider (hors site)</source>
        <translation>À décider (hors site)</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="116" />
        <source>En stock</source>
        <translation>En stock</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="117" />
        <source>Pré-commande</source>
        <translation>Pré-commande</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="118" />
        <source>Hors site</source>
        <translation>Hors site</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="42" />
        <source>prêt</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="43" />
        <source>à corriger</source>
        <translation>à corriger</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="44" />
        <source>pas prêt</source>
        <translation>pas prêt</translation>
    </message>
    <message>
        <location filename="../../shopsync/report/readiness.py" line="45" />
        <source>hors catalogue</source>
        <translation>hors catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="123" />
        <source>identiques</source>
        <translation>identiques</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="124" />
        <source>écrites autrement</source>
        <translation>écrites autrement</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="125" />
        <source>avec suggestion</source>
        <translation>avec suggestion</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="126" />
        <source>introuvables</source>
        <translation>introuvables</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="132" />
        <source>Export : %1 ligne(s) lue(s), %2 refusée(s), %3 regroupée(s) avec une autre de la même référence ; %4 référence(s) distincte(s)</source>
        <translation>Export : %1 ligne(s) lue(s), %2 refusée(s), %3 regroupée(s) avec une autre de la même référence ; %4 référence(s) distincte(s)</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="137" />
        <source>Références : %1 connectée(s) au catalogue du site, %2 à réécrire, %3 absente(s) du catalogue</source>
        <translation>Références : %1 connectée(s) au catalogue du site, %2 à réécrire, %3 absente(s) du catalogue</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="141" />
        <source>Connectées : %1 publiée(s), %2 retenue(s) par leur marque (%3 à décider, %4 hors site), %5 retenue(s) par leur statut dans l'ERP</source>
        <translation>Connectées : %1 publiée(s), %2 retenue(s) par leur marque (%3 à décider, %4 hors site), %5 retenue(s) par leur statut dans l'ERP</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="150" />
        <source>Rien ne sera publié : l'export ne contient aucun article lisible.</source>
        <translation>Rien ne sera publié : l'export ne contient aucun article lisible.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="153" />
        <source>Rien ne sera publié tant que le catalogue du site n'a pas été lu.</source>
        <translation>Rien ne sera publié tant que le catalogue du site n'a pas été lu.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="156" />
        <source>Rien ne sera publié : le catalogue du site est vide.</source>
        <translation>Rien ne sera publié : le catalogue du site est vide.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="159" />
        <source>Rien ne sera publié : aucune référence de l'export ne correspond au catalogue du site.</source>
        <translation>Rien ne sera publié : aucune référence de l'export ne correspond au catalogue du site.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="163" />
        <source>Rien ne sera publié : toutes les marques sont à décider (fenêtre Marques, ou `shopsync brands map`).</source>
        <translation>Rien ne sera publié : toutes les marques sont à décider (fenêtre Marques, ou `shopsync brands map`).</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="168" />
        <source>Rien ne sera publié : toutes les marques connectées sont hors site.</source>
        <translation>Rien ne sera publié : toutes les marques connectées sont hors site.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="171" />
        <source>Rien ne sera publié : les marques connectées sont à décider ou hors site (fenêtre Marques, ou `shopsync brands map`).</source>
        <translation>Rien ne sera publié : les marques connectées sont à décider ou hors site (fenêtre Marques, ou `shopsync brands map`).</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="176" />
        <source>Rien ne sera publié : tous les articles connectés sont retenus par leur statut dans l'ERP.</source>
        <translation>Rien ne sera publié : tous les articles connectés sont retenus par leur statut dans l'ERP.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="181" />
        <source>Rien ne sera publié : chaque article connecté est retenu par sa marque ou par son statut dans l'ERP.</source>
        <translation>Rien ne sera publié : chaque article connecté est retenu par sa marque ou par son statut dans l'ERP.</translation>
    </message>
    <message>
        <location filename="../../shopsync/texts.py" line="239" />
        <source>La dernière synchronisation a échoué : %1</source>
        <translation>La dernière synchronisation a échoué : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/texts.py" line="246" />
        <source>%n nouvelle(s) marque(s) à décider (%1).</source>
        <translation><numerusform>%n nouvelle marque à décider (%1).</numerusform><numerusform>%n nouvelles marques à décider (%1).</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="27" />
        <source>Synchronisation en cours…</source>
        <translation>Synchronisation en cours…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="28" />
        <source>Configuration en cours</source>
        <translation>Configuration en cours</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="29" />
        <source>La synchronisation commencera à la fin de l'assistant de configuration.</source>
        <translation>La synchronisation commencera à la fin de l'assistant de configuration.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="32" />
        <source>En pause</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="33" />
        <source>Les synchronisations automatiques sont suspendues.</source>
        <translation>Les synchronisations automatiques sont suspendues.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/state.py" line="34" />
        <source>Nouvel essai à %1</source>
        <translation>Nouvel essai à %1</translation>
    </message>
</context>
<context>
    <name>StatusForm</name>
    <message>
        <location filename="../../ui/status.ui" line="12" />
        <source>État</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="17" />
        <source>Synchroniser maintenant</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="26" />
        <source>Voir et décider…</source>
        <translation>Voir et décider…</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="32" />
        <source>Prochaine synchronisation :</source>
        <translation>Prochaine synchronisation :</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="34" />
        <source>Changements en attente :</source>
        <translation>Changements en attente :</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="36" />
        <source>Dernier export lu :</source>
        <translation>Dernier export lu :</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="40" />
        <source>Changements envoyés par jour (30 derniers jours)</source>
        <translation>Changements envoyés par jour (30 derniers jours)</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="42" />
        <source>Dernières synchronisations</source>
        <translation>Dernières synchronisations</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="44" />
        <source>Erreurs et refus (fichier:ligne : champ : raison)</source>
        <translation>Erreurs et refus (fichier:ligne : champ : raison)</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="48" />
        <source>Marques…</source>
        <translation>Marques…</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="49" />
        <source>Références…</source>
        <translation>Références…</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="50" />
        <source>Paramètres…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../../ui/status.ui" line="52" />
        <source>Exporter un diagnostic…</source>
        <translation>Exporter un diagnostic…</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="55" />
        <source>ShopSync — Statut</source>
        <translation>ShopSync — Statut</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="89" />
        <source>Heure</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="89" />
        <source>Déclencheur</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="89" />
        <source>Lus</source>
        <translation>Lus</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="89" />
        <source>Changements</source>
        <translation>Changements</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="90" />
        <source>Envoyés</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="90" />
        <source>En attente</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="90" />
        <source>Durée</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="90" />
        <source>Résultat</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="171" />
        <source>%1 : refusé par le site : %2</source>
        <translation>%1 : refusé par le site : %2</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="178" />
        <source>Aucune erreur dans la dernière synchronisation.</source>
        <translation>Aucune erreur dans la dernière synchronisation.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/status.py" line="188" />
        <source>%n changement(s) depuis %1</source>
        <translation><numerusform>%n changement depuis %1</numerusform><numerusform>%n changements depuis %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="190" />
        <location filename="../../shopsync/gui/windows/status.py" line="201" />
        <source>aucun</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="222" />
        <source>en pause</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="224" />
        <source>arrêtée jusqu'à un nouveau jeton</source>
        <translation>arrêtée jusqu'à un nouveau jeton</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="228" />
        <source>non planifiée</source>
        <translation>non planifiée</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/status.py" line="196" />
        <source>%1 — %n article(s), lu à %2</source>
        <translation><numerusform>%1 — %n article, lu à %2</numerusform><numerusform>%1 — %n articles, lu à %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/status.py" line="206" />
        <source>%n produit(s) seraient dépubliés d'un coup : c'est plus que le seuil de sécurité. Rien n'est dépublié sans votre accord.</source>
        <translation><numerusform>%n produit serait dépublié d'un coup : c'est plus que le seuil de sécurité. Rien n'est dépublié sans votre accord.</numerusform><numerusform>%n produits seraient dépubliés d'un coup : c'est plus que le seuil de sécurité. Rien n'est dépublié sans votre accord.</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="220" />
        <location filename="../../shopsync/gui/windows/status.py" line="244" />
        <source>en cours</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="230" />
        <source>bientôt</source>
        <translation>bientôt</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="242" />
        <source>Synchronisation…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="245" />
        <source>Synchronisation en cours…</source>
        <translation>Synchronisation en cours…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="287" />
        <source>Exporter un diagnostic</source>
        <translation>Exporter un diagnostic</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="287" />
        <source>Archive zip (*.zip)</source>
        <translation>Archive zip (*.zip)</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="303" />
        <source>Diagnostic exporté</source>
        <translation>Diagnostic exporté</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="304" />
        <source>Le diagnostic est prêt : %1
Le jeton et les mots de passe en ont été retirés.</source>
        <translation>Le diagnostic est prêt : %1
Le jeton et les mots de passe en ont été retirés.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="312" />
        <source>Diagnostic</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="313" />
        <source>Export impossible : %1</source>
        <translation>Export impossible : %1</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="331" />
        <source>Le site ne suit pas la présence de ShopSync (Site API v1.1).</source>
        <translation>Le site ne suit pas la présence de ShopSync (Site API v1.1).</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="337" />
        <source>Le site a reçu le dernier signal à l'instant.</source>
        <translation>Le site a reçu le dernier signal à l'instant.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../shopsync/gui/windows/status.py" line="339" />
        <source>Le site a reçu le dernier signal il y a %n min</source>
        <translation><numerusform>Le site a reçu le dernier signal il y a %n min</numerusform><numerusform>Le site a reçu le dernier signal il y a %n min</numerusform></translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="344" />
        <source>synchronisation complète</source>
        <translation>synchronisation complète</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="345" />
        <source>envoi du diagnostic</source>
        <translation>envoi du diagnostic</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="346" />
        <source>pause</source>
        <translation>pause</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="347" />
        <source>reprise</source>
        <translation>reprise</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/status.py" line="349" />
        <source>Demande du support en cours : %1</source>
        <translation>Demande du support en cours : %1</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="59" />
        <source>Mise à jour disponible</source>
        <translation>Mise à jour disponible</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="60" />
        <source>Mise à jour installée à la prochaine fermeture</source>
        <translation>Mise à jour installée à la prochaine fermeture</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="114" />
        <source>Synchroniser maintenant</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="117" />
        <source>Dépublication retenue…</source>
        <translation>Dépublication retenue…</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="118" />
        <source>Statut</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="119" />
        <source>Marques</source>
        <translation>Marques</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="120" />
        <source>Références</source>
        <translation>Références</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="121" />
        <source>Paramètres</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="124" />
        <source>Reprendre</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="126" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="127" />
        <source>Quitter</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/tray.py" line="168" />
        <source>ShopSync : à vérifier</source>
        <translation>ShopSync : à vérifier</translation>
    </message>
</context>
<context>
    <name>_ReadyStep</name>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="215" />
        <source>Avant la première synchronisation</source>
        <translation>Avant la première synchronisation</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="216" />
        <source>Ce que le site et l'export disent de la connexion.</source>
        <translation>Ce que le site et l'export disent de la connexion.</translation>
    </message>
    <message>
        <location filename="../../shopsync/gui/windows/settings/__init__.py" line="242" />
        <source>Vérification en cours…</source>
        <translation>Vérification en cours…</translation>
    </message>
</context>
</TS>