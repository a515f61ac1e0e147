"""How fast and how lightly a zip-bomb upload is refused, and what the largest accepted .docx costs to read.

    .venv/bin/python bench/zip_bomb.py [--expanded-mb 50]

Builds in memory a .docx of about 150 KB whose document.xml expands to --expanded-mb MB (the case seen: a
149 KB file with 50 MB of XML kept a worker past gunicorn's timeout), then, each in its own forked process so
that the peak memory is that case's alone:
- the upload form's check (documents/forms.py check_upload): refused from the zip directory;
- the text extraction (documents/inspection.py inspect): refused the same way, never parsed;
- the largest .docx the limits accept (XML just under documents/archive_limits.py MAX_XML_EXPANDED), read
  whole, then through documents/bounded.py (the path uploads take);
- a dense .docx (a tiny paragraph every 34 bytes) that passes every zip limit but costs python-docx far more:
  read whole it overruns the budget (5 s, 512 MB); bounded, the worker waits DOCUMENTS_EXTRACTION_SECONDS
  at most and its own memory does not grow (the child's does, up to DOCUMENTS_EXTRACTION_MEMORY).
Prints wall time in seconds and the process's peak RSS in MB (ru_maxrss), before and after.
"""

import argparse
import multiprocessing
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.benchkit import start_django  # noqa: E402


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(name, data, action, results):
    before = peak_mb()
    started = time.perf_counter()
    outcome = action(data)
    results.put((name, len(data), time.perf_counter() - started, before, peak_mb(), outcome))


def realistic_docx(xml_size):
    """A .docx with xml_size bytes of paragraphs of varied words: it compresses like a real long document."""
    import io
    import random
    import zipfile

    from documents.tests.files import docx_file

    words = "ủy ban nhân dân tỉnh quyết định về việc ban hành quy chế phối hợp thực hiện kế hoạch năm"
    words = words.split()  # noqa: SIM905
    rng = random.Random(15)
    source = zipfile.ZipFile(io.BytesIO(docx_file("Tờ trình")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/document.xml":
                paragraphs, size = [], len(part)
                while size < xml_size:
                    text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 40)))
                    paragraphs.append(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode())
                    size += len(paragraphs[-1])
                part = part.replace(b"</w:body>", b"".join(paragraphs) + b"</w:body>")
            archive.writestr(name, part)
    return out.getvalue()


def dense_docx(xml_size):
    """Within every zip limit, but the costliest kind to parse: one tiny paragraph every 34 bytes."""
    import io
    import random
    import zipfile

    from documents.tests.files import docx_file

    rng = random.Random(15)
    source = zipfile.ZipFile(io.BytesIO(docx_file("Tờ trình")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/document.xml":
                letters = "abcdefghijklmnopqrstuvwxyz"
                count = xml_size // 34
                runs = (f"<w:r><w:t>{rng.choice(letters)}</w:t></w:r>" for _ in range(count))
                paragraphs = (f"<w:p>{run}</w:p>".encode() for run in runs)
                part = part.replace(b"</w:body>", b"".join(paragraphs) + b"</w:body>")
            archive.writestr(name, part)
    return out.getvalue()


def bounded_extract(data):
    from documents.bounded import bounded_inspect

    result = bounded_inspect(data, "docx")
    return f"{result.status}, {len(result.text):,} characters (in a child under the budget)"


def check_form(data):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.forms import check_upload

    try:
        check_upload(SimpleUploadedFile("to-trinh.docx", data))
    except ValidationError as error:
        return "refused: " + error.messages[0][:90] + "…"
    return "accepted"


def extract(data):
    from documents.inspection import inspect

    result = inspect(data, "docx")
    return f"{result.status}, {len(result.text):,} characters"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--expanded-mb", type=int, default=50)
    args = parser.parse_args()
    start_django("bench-zip-bomb")
    from documents.archive_limits import MAX_XML_EXPANDED
    from documents.tests.files import zip_bomb_docx

    bomb = zip_bomb_docx(args.expanded_mb * 1024 * 1024)
    largest = realistic_docx(MAX_XML_EXPANDED - 1024 * 1024)
    dense = dense_docx(MAX_XML_EXPANDED - 1024 * 1024)
    cases = [
        (f"bomb ({args.expanded_mb} MB of XML), upload form check", bomb, check_form),
        (f"bomb ({args.expanded_mb} MB of XML), text extraction", bomb, extract),
        ("largest accepted .docx, upload form check", largest, check_form),
        ("largest accepted .docx, text extraction", largest, extract),
        ("largest accepted .docx, bounded extraction", largest, bounded_extract),
        ("dense .docx within the zip limits, text extraction", dense, extract),
        ("dense .docx within the zip limits, bounded extraction", dense, bounded_extract),
    ]
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    print(f"{'case':<56} {'file KB':>8} {'seconds':>8} {'RSS MB before → peak':>22}  outcome")
    for name, data, action in cases:
        process = context.Process(target=run_case, args=(name, data, action, results))
        process.start()
        name, size, seconds, before, after, outcome = results.get()
        process.join()
        print(f"{name:<56} {size / 1024:>8.0f} {seconds:>8.3f} {before:>10.0f} → {after:>8.0f}  {outcome}")


if __name__ == "__main__":
    main()
