"""What a shop reads when its export cannot be found or opened: the cases a person fixes by
hand (the export moved, the ERP still writing, an empty file), in the shop's language from
the same catalogue as the tray (shopsync/i18n.py). The file's path leads every sentence.
"""

from __future__ import annotations

from shopsync.i18n import arg, translate


def no_match(pattern: object) -> str:
    return arg(translate("Erp", "%1 : aucun fichier d'export ne correspond"), pattern)


def no_such_file(path: object) -> str:
    return arg(translate("Erp", "%1 : fichier introuvable"), path)


def is_a_folder(path: object) -> str:
    return arg(translate("Erp", "%1 : c'est un dossier, pas un fichier d'export"), path)


def permission_denied(path: object) -> str:
    return arg(translate("Erp", "%1 : accès refusé (l'ERP est-il encore en train de l'écrire ?)"), path)


def empty_file(path: object) -> str:
    return arg(translate("Erp", "%1 : le fichier est vide"), path)


def no_source(profile: str) -> str:
    return arg(
        translate(
            "Erp",
            "aucun fichier d'export indiqué, et le profil « %1 » ne nomme pas de source : "
            "choisissez le fichier dans les réglages ([erp] path dans config.toml)",
        ),
        profile,
    )
