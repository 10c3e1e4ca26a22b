"""The readiness report as one self-contained HTML page, in French (the shop reads it).

No external stylesheet, script, font or image: the file is mailed to a shop or opened offline.
Every value from the ERP or the catalogue goes through `html.escape` — references and titles are
data typed by people, and a `<script>` in a product title must stay text.
"""

from __future__ import annotations

import time
from html import escape

from shopsync.report.readiness import (
    MAX_UNPUBLISH_SHARE,
    MIN_CONNECTED_SHARE,
    NOT_READY,
    READY,
    TO_FIX,
    WARN_UNPUBLISH_SHARE,
    Readiness,
)

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:70rem;padding:0 1rem;color:#222;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,Consolas,monospace}
.verdict{display:inline-block;padding:.3rem .8rem;border-radius:.3rem;font-weight:bold}
.pret{background:#dff5e1;color:#17642a}.corriger{background:#fff1d6;color:#8a5a00}
.pas{background:#fde0e0;color:#9b1c1c}.hors{background:#eee;color:#555}
.muted{color:#666;font-size:.9rem}tr.total td{font-weight:bold}
"""

_CLASS = {READY: "pret", TO_FIX: "corriger", NOT_READY: "pas"}


def _badge(verdict: str) -> str:
    return f'<span class="verdict {_CLASS.get(verdict, "hors")}">{escape(verdict)}</span>'


def _pct(x: float) -> str:
    return f"{x:.0%}".replace("%", "\u202f%")


def render(report: Readiness, *, list_limit: int = 2000) -> str:
    """The page. Long lists are cut at `list_limit` rows (the XLSX report has them all)."""
    e = escape
    stamp = time.strftime("%d/%m/%Y à %H:%M", time.localtime(report.generated_at))
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>ShopSync — rapport de préparation</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Connexion ERP ↔ site : rapport de préparation</h1>",
        f'<p class="muted">Établi le {e(stamp)} · export ERP : <code>{e(report.erp_source)}</code>'
        f" · catalogue : <code>{e(report.catalog_source)}</code></p>",
        f"<p>Verdict : {_badge(report.verdict)}</p>",
    ]
    if report.reasons:
        out.append("<ul>" + "".join(f"<li>{e(r)}</li>" for r in report.reasons) + "</ul>")
    t = report.total
    out.append(
        f"<p>{t.items} références dans l'ERP : <strong>{t.connected}</strong> connectées "
        f"({_pct(t.matched_share)}), <strong>{t.to_rewrite}</strong> à réécrire, "
        f"{t.not_in_catalog} absentes du catalogue du site. La première synchro dépublierait "
        f"<strong>{t.would_unpublish}</strong> des {t.catalog_products} produits en ligne de ces "
        "marques.</p>"
    )

    out.append(_counts(report))
    out.append("<h2>Par marque</h2><table><thead><tr>")
    for head in (
        "Marque", "Articles ERP", "Connectés", "Part", "À réécrire", "Absents du catalogue",
        "Produits du catalogue", "Dépubliés à la 1re synchro", "Verdict",
    ):  # fmt: skip
        out.append(f"<th>{e(head)}</th>")
    out.append("</tr></thead><tbody>")
    for row in [*report.rows, t]:
        cls = ' class="total"' if row is t else ""
        out.append(
            f"<tr{cls}><td>{e(row.brand)}</td><td class=n>{row.items}</td>"
            f"<td class=n>{row.connected}</td><td class=n>{_pct(row.matched_share)}</td>"
            f"<td class=n>{row.to_rewrite}</td><td class=n>{row.not_in_catalog}</td>"
            f"<td class=n>{row.catalog_products}</td><td class=n>{row.would_unpublish}</td>"
            f"<td>{_badge(row.verdict)}</td></tr>"
        )
    out.append("</tbody></table>")

    out.append(
        f"<h2>Références à réécrire ({len(report.rewrites)})</h2>"
        "<p>Le site connaît un produit écrit presque pareil. Corrigez la référence dans l'ERP, "
        "ou acceptez la correspondance : <code>shopsync aliases accept RÉF_ERP RÉF_SITE</code>."
        "</p>"
    )
    if report.rewrites:
        out.append(
            "<table><thead><tr><th>Marque</th><th>Référence ERP</th><th>Écriture suggérée</th>"
            "<th>Score</th><th>Autres candidats</th></tr></thead><tbody>"
        )
        for r in report.rewrites[:list_limit]:
            others = ", ".join(f"<code>{e(c.reference)}</code>" for c in r.candidates[1:])
            out.append(
                f"<tr><td>{e(r.brand or '')}</td><td><code>{e(r.reference)}</code></td>"
                f"<td><code>{e(r.catalog_reference or '')}</code></td>"
                f"<td class=n>{r.score:.2f}</td><td>{others}</td></tr>"
            )
        out.append("</tbody></table>")
        out.append(_cut(len(report.rewrites), list_limit))

    out.append(
        f"<h2>Produits que la première synchro dépublierait ({len(report.unpublish)})</h2>"
        "<p>Produits en ligne des marques présentes dans l'ERP auxquels aucune référence de "
        "l'ERP ne se rattache. Une fois connecté, le site les retire chaque jour.</p>"
    )
    if report.unpublish:
        out.append(
            "<table><thead><tr><th>Marque</th><th>Référence du site</th><th>Produit</th></tr>"
            "</thead><tbody>"
        )
        for p in report.unpublish[:list_limit]:
            out.append(
                f"<tr><td>{e(p.brand)}</td><td><code>{e(p.reference)}</code></td>"
                f"<td>{e(p.title)}</td></tr>"
            )
        out.append("</tbody></table>")
        out.append(_cut(len(report.unpublish), list_limit))

    out.append(
        f"<h2>Articles absents du catalogue ({len(report.absent)})</h2>"
        "<p>Aucun produit du site ne leur ressemble assez : ils ne seront pas en ligne tant que "
        "l'équipe de la plateforme ne les a pas référencés.</p>"
    )
    if report.absent:
        out.append("<details><summary>Voir la liste</summary><table><thead><tr>")
        out.append("<th>Marque</th><th>Référence ERP</th><th>Proches (non retenus)</th></tr>")
        out.append("</thead><tbody>")
        for r in report.absent[:list_limit]:
            near = ", ".join(f"<code>{e(c.reference)}</code>" for c in r.candidates)
            out.append(
                f"<tr><td>{e(r.brand or '')}</td><td><code>{e(r.reference)}</code></td>"
                f"<td>{near}</td></tr>"
            )
        out.append("</tbody></table></details>")
        out.append(_cut(len(report.absent), list_limit))

    if report.normalized:
        out.append(
            f"<h2>Connectées sans réécriture ({len(report.normalized)})</h2>"
            "<p>Écrites autrement que sur le site (casse, points, tirets, espaces) ou par un alias "
            "accepté : ShopSync les connecte telles quelles.</p><details><summary>Voir la liste"
            "</summary><table><thead><tr><th>Référence ERP</th><th>Référence du site</th>"
            "<th>Comment</th></tr></thead><tbody>"
        )
        for r in report.normalized[:list_limit]:
            how = "alias accepté" if r.alias else "normalisation"
            out.append(
                f"<tr><td><code>{e(r.reference)}</code></td>"
                f"<td><code>{e(r.catalog_reference or '')}</code></td><td>{how}</td></tr>"
            )
        out.append("</tbody></table></details>")
    if report.duplicates:
        out.append(
            f"<h2>Plusieurs références ERP pour un produit ({len(report.duplicates)})</h2>"
            "<p>Ces produits du site reçoivent le stock de plusieurs références de l'ERP.</p><ul>"
        )
        for cat, refs in sorted(report.duplicates.items())[:list_limit]:
            erp = ", ".join(f"<code>{e(x)}</code>" for x in refs)
            out.append(f"<li><code>{e(cat)}</code> ← {erp}</li>")
        out.append("</ul>")

    out.append(
        "<h2>Comment le verdict est établi</h2><ul>"
        f"<li><strong>pas prêt</strong> : aucune référence ne se connecte, ou moins de "
        f"{_pct(MIN_CONNECTED_SHARE)} des références connues du site sont bien écrites, ou la "
        f"première synchro dépublierait plus de {_pct(MAX_UNPUBLISH_SHARE)} des produits en ligne "
        "des marques de l'ERP ;</li>"
        "<li><strong>à corriger</strong> : il reste des références à réécrire, ou la première "
        f"synchro dépublierait plus de {_pct(WARN_UNPUBLISH_SHARE)} de ces produits ;</li>"
        "<li><strong>prêt</strong> : sinon.</li></ul></body></html>"
    )
    return "\n".join(out)


def _counts(report: Readiness) -> str:
    """What a sync will do with this export and the shop's current decisions: the one
    counting (shopsync/sync/counts.py), in the words the sync summary and `status` use."""
    counts = report.counts
    if counts is None:
        return ""
    sentences = counts.sentences(why=False)
    why = counts.why_nothing()
    out = ["<h2>Ce qu'une synchronisation publiera</h2><ul id='counts'>"]
    out += [f"<li>{escape(s)}</li>" for s in sentences]
    out.append("</ul>")
    if why:
        out.append(f"<p id='nothing-published'><strong>{escape(why)}</strong></p>")
    return "".join(out)


def _cut(total: int, limit: int) -> str:
    if total <= limit:
        return ""
    return f'<p class="muted">… {total - limit} de plus : voir le rapport XLSX.</p>'
