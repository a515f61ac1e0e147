"""Demo pictures drawn locally with Pillow: the demo never downloads anything."""

import math
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Site

from editorial.collections import site_collection


def _png(image, name):
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return ImageFile(buffer, name=name)


def draw_emblem(size=256):
    """A round emblem: gold ring, red disc, yellow five-pointed star."""
    image = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, size - 2, size - 2), fill=(242, 194, 48))
    inset = size // 10
    draw.ellipse((inset, inset, size - inset, size - inset), fill=(200, 16, 46))
    centre, outer, inner = size / 2, size * 0.32, size * 0.13
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((centre + radius * math.cos(angle), centre + radius * math.sin(angle)))
    draw.polygon(points, fill=(255, 222, 0))
    return image


def draw_landscape(width=1200, height=360):
    """A banner of sky, hills and a river, in the portal's colours."""
    image = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = y / height
        draw.line(
            [(0, y), (width, y)], fill=(int(40 + 120 * shade), int(110 + 90 * shade), int(190 - 40 * shade))
        )
    for offset, colour in ((0, (46, 125, 50)), (60, (56, 142, 60)), (120, (76, 160, 70))):
        hill = [(0, height)]
        for x in range(0, width + 40, 40):
            hill.append((x, height * 0.55 + offset + 35 * math.sin((x + offset * 7) / 140)))
        hill.append((width, height))
        draw.polygon(hill, fill=colour)
    river = [
        (width * 0.35, height),
        (width * 0.48, height * 0.72),
        (width * 0.55, height * 0.72),
        (width * 0.62, height),
    ]
    draw.polygon(river, fill=(120, 180, 220))
    draw.ellipse((width - 220, 40, width - 140, 120), fill=(255, 214, 102))
    return image


def ensure_image(title, drawing, filename, site=None):
    """The image with this title, drawn and stored on first use only, in the library of `site`."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return in_library(existing, site)
    return image_model.objects.create(
        title=title, file=_png(drawing(), filename), collection=demo_collection(site)
    )


def demo_collection(site=None):
    """The library (collection) of `site`, the default site's when unset: the board's roles see and choose
    files in their own site's library only (editorial.collections)."""
    return site_collection(site or Site.objects.get(is_default_site=True))


def in_library(file, site=None):
    """The demo file, moved into the site's library if an older demo left it elsewhere."""
    collection = demo_collection(site)
    if file.collection_id != collection.pk:
        file.collection = collection
        file.save(update_fields=["collection"])
    return file


def draw_map(width=1000, height=700):
    """An administrative map: a province outline, commune seats and the coast, for the demo only."""
    image = PILImage.new("RGB", (width, height), (214, 234, 248))
    draw = ImageDraw.Draw(image)
    outline = [
        (120, 90),
        (430, 40),
        (700, 120),
        (880, 300),
        (860, 520),
        (640, 650),
        (330, 630),
        (140, 480),
        (90, 260),
    ]
    draw.polygon(outline, fill=(246, 240, 214), outline=(179, 18, 29))
    draw.line(outline + [outline[0]], fill=(179, 18, 29), width=5)
    for left, top in ((250, 200), (420, 300), (600, 240), (360, 460), (560, 500), (720, 400), (240, 380)):
        draw.ellipse((left - 9, top - 9, left + 9, top + 9), fill=(11, 60, 111))
    draw.ellipse((468, 338, 492, 362), fill=(179, 18, 29))
    return image
