"""Writers: the template, the finalised report workbook and the consolidation (rekap)."""
