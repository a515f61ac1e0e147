from wagtail import hooks

from .home_blocks import home_page_blocks

hooks.register("construct_home_page_context", home_page_blocks)
