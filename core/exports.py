"""Export buttons an editor can see: Wagtail puts "Download XLSX / CSV" in an unlabelled "…" menu."""

from django.utils.functional import cached_property
from wagtail.admin.widgets.button import HeaderButton

XLSX_LABEL = "Tải về Excel (XLSX)"
CSV_LABEL = "Tải về CSV"


class LabelledExportButtons:
    """For a Wagtail listing with list_export (put first): the export buttons in the header, labelled, for
    the filters and period shown (the file is named after the period, see each view's get_filename)."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.show_export_buttons:
            buttons += [
                HeaderButton(XLSX_LABEL, url=self.xlsx_export_url, icon_name="download", priority=90),
                HeaderButton(CSV_LABEL, url=self.csv_export_url, icon_name="download", priority=100),
            ]
        return buttons

    @cached_property
    def header_more_buttons(self):
        exports = (self.xlsx_export_url, self.csv_export_url)
        return [button for button in super().header_more_buttons if button.url not in exports]
