"""What ShopSync tells a person about the connection: match listings and the readiness report.

`cells` writes CSV and XLSX with formulas neutralised, `sources` loads the ERP items and the
catalogue the commands compare, `readiness` computes the report (pure), `html`/`sheets` render
it. Nothing here is imported by a sync.
"""
