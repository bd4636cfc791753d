"""Admin views for pledges: the list of signatures and its exports."""

from wagtail.admin.views.generic.models import IndexView

# A spreadsheet reads a CSV cell that begins with one of these as a formula (OWASP,
# "CSV Injection"); tab and carriage return too, which some spreadsheets skip.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SignatureIndexView(IndexView):
    """The signatures, and their CSV export with what signers typed kept as text.

    A signer's name, role, organisation or address can begin like a formula, which
    the editor's spreadsheet would run on opening the CSV: such a cell gets a leading
    apostrophe, which spreadsheets read as "this is text" and do not show. Wagtail
    leaves this to the spreadsheet (its security notes on CSV exports); the XLSX
    export already writes every string as text.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if (
            export_format == self.FORMAT_CSV
            and isinstance(value, str)
            and value.startswith(FORMULA_STARTS)
        ):
            return "'" + value
        return value
