"""Pure exporters and importers: an assessment in, bytes out (workbook, JSON backup), and back."""
