"""An index for the page tree's "children of" queries (depth = n AND path BETWEEN ...).

Menus, section lists and the site map ask for the children of the home page; the path range alone covers
every page below it (50,000 articles), so without this index each of those queries scanned them all.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0005_home_page_blocks"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_page_depth_path_idx ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS portal_page_depth_path_idx",
        )
    ]
