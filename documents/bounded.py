"""Text extraction under a time and memory budget: no upload keeps a worker past DOCUMENTS_EXTRACTION_SECONDS
or grows it past DOCUMENTS_EXTRACTION_MEMORY (docs/requirements.md, Files: a file never breaks an upload).

The zip checks (documents/archive_limits.py) refuse bombs from the archive's directory, but a file within
them can still be costly to parse (19 MB of tiny XML paragraphs took 22 s and 550 MB in python-docx, see
bench/zip_bomb.py). So the parse runs in a forked child with an address-space limit, and is killed when it
runs out of time; the file is then stored as unreadable (ExtractionStatus.FAILED), as any broken file is.
"""

import multiprocessing
import os
import resource

from django.conf import settings

from .enums import ExtractionStatus
from .inspection import Inspection, identify, inspect


def current_address_space():
    """Bytes of address space the process has now (the child starts with the worker's whole mapping)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def extract_in_child(data, extension, sender):
    limit = current_address_space() + settings.DOCUMENTS_EXTRACTION_MEMORY
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    sender.send(inspect(data, extension))  # inspect never raises: a MemoryError becomes FAILED
    sender.close()


def bounded_inspect(data, extension=""):
    """inspect(), in a child process under the budget; FAILED when the child is out of time or memory."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=extract_in_child, args=(data, extension, sender), daemon=True)
    child.start()
    sender.close()
    result = None
    try:
        if receiver.poll(settings.DOCUMENTS_EXTRACTION_SECONDS):
            result = receiver.recv()
    except (EOFError, OSError):
        result = None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    return result or Inspection(identify(data, extension).format, ExtractionStatus.FAILED)
