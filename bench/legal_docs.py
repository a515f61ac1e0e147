"""Write a CSV of N realistic legal documents, time `import_legal_documents` on it, then time the search.

    .venv/bin/python bench/legal_docs.py [--documents 100000] [--runs 15]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_legal .venv/bin/python bench/legal_docs.py

Uses its own SQLite file under var/bench-legal/ (or DATABASE_URL), dev settings with DEBUG off and the Django
test client (no network). The import goes through the real importer (the same code as the management
command), so the time printed is the import time of that CSV. A second import of the same file is timed
too (it must change nothing). The search is timed twice per query: through the public page
(/van-ban/?…, the index page is added to the bench database if the demo has none) and by calling
legal_docs.search.find() for the first page directly. Prints median and p95 in milliseconds.
"""

import argparse
import csv
import datetime
import io
import random
import statistics
import time
from pathlib import Path

from benchkit import start_django  # noqa: E402

start_django("bench-legal")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from core.models import HomePage  # noqa: E402
from legal_docs.forms import DocumentSearchForm  # noqa: E402
from legal_docs.importer import HEADER, import_documents  # noqa: E402
from legal_docs.models import LegalDocument, LegalDocumentIndexPage  # noqa: E402
from legal_docs.search import find  # noqa: E402

# (type, issuer, number pattern, share): normative numbers carry the year, administrative ones do not.
KINDS = [
    ("Nghị định", "Chính phủ", "{n}/{year}/NĐ-CP", 8),
    ("Quyết định", "Thủ tướng Chính phủ", "{n}/QĐ-TTg", 6),
    ("Thông tư", "Bộ Tài chính", "{n}/{year}/TT-BTC", 5),
    ("Thông tư", "Bộ Kế hoạch và Đầu tư", "{n}/{year}/TT-BKHĐT", 4),
    ("Thông tư", "Bộ Thông tin và Truyền thông", "{n}/{year}/TT-BTTTT", 3),
    ("Nghị quyết", "Hội đồng nhân dân tỉnh", "{n}/{year}/NQ-HĐND", 6),
    ("Quyết định", "Ủy ban nhân dân tỉnh", "{n}/QĐ-UBND", 30),
    ("Quyết định", "Ủy ban nhân dân tỉnh", "{n}/{year}/QĐ-UBND", 6),
    ("Kế hoạch", "Ủy ban nhân dân tỉnh", "{n}/KH-UBND", 8),
    ("Công văn", "Sở Kế hoạch và Đầu tư", "{n}/SKHĐT-ĐT", 10),
    ("Quyết định", "Sở Kế hoạch và Đầu tư", "{n}/QĐ-SKHĐT", 5),
    ("Công văn", "Sở Nội vụ", "{n}/SNV-TCBC", 5),
    ("Quyết định", "Ủy ban nhân dân xã Tân Lập", "{n}/QĐ-UBND", 4),
]
SIGNERS = [
    ("Nguyễn Văn Minh", "Chủ tịch"),
    ("Trần Thị Thu Hà", "Phó Chủ tịch"),
    ("Lê Quang Huy", "Giám đốc"),
    ("Phạm Đức Thắng", "Phó Giám đốc"),
    ("Hoàng Thị Lan", "Bộ trưởng"),
    ("Đỗ Mạnh Hùng", "Thứ trưởng"),
]
FIELDS = [
    "Đầu tư công",
    "Đấu thầu",
    "Tài chính, ngân sách",
    "Công nghệ thông tin",
    "Tổ chức bộ máy",
    "Cải cách hành chính",
    "Đất đai",
    "Xây dựng",
    "Giáo dục và đào tạo",
    "Y tế",
]
OPENINGS = [
    "Về việc phê duyệt kế hoạch lựa chọn nhà thầu dự án {project}",
    "Về việc phê duyệt chủ trương đầu tư dự án {project}",
    "Quy định chi tiết một số điều của Luật Đầu tư công về {topic}",
    "Hướng dẫn thực hiện {topic} trên địa bàn tỉnh",
    "Về việc ban hành quy chế {topic}",
    "Sửa đổi, bổ sung một số điều của quy định về {topic}",
    "Về việc giao chỉ tiêu kế hoạch vốn đầu tư công năm {year} cho {project}",
    "Về việc điều chỉnh dự toán ngân sách nhà nước năm {year} đối với {topic}",
    "Ban hành kế hoạch triển khai {topic} giai đoạn {year} - {year5}",
    "Về việc thành lập tổ công tác {topic}",
]
PROJECTS = [
    "đường giao thông liên xã Tân Lập - Hòa Sơn",
    "cải tạo, nâng cấp trường Trung học cơ sở Lê Lợi",
    "xây dựng trụ sở Ủy ban nhân dân xã",
    "kè chống sạt lở bờ sông Đà",
    "nâng cấp hệ thống thủy lợi hồ Đồng Bến",
    "xây dựng trạm y tế xã Phú Cường",
    "chuyển đổi số trong cơ quan nhà nước",
    "mở rộng cụm công nghiệp Lương Sơn",
]
TOPICS = [
    "cải cách hành chính",
    "quản lý, sử dụng tài sản công",
    "cung cấp dịch vụ công trực tuyến",
    "tiếp nhận và giải quyết thủ tục hành chính",
    "quản lý chất lượng công trình xây dựng",
    "bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
    "lựa chọn nhà thầu qua mạng",
    "sử dụng hệ thống thư điện tử công vụ",
    "phòng, chống thiên tai",
    "tuyển dụng công chức cấp xã",
]


def write_csv(path, total, seed=2026):
    """Rows in issue order (so replaced documents come first), numbers unique per issuer and year."""
    rng = random.Random(seed)
    weights = [kind[3] for kind in KINDS]
    counters = {}
    start, span = datetime.date(2000, 1, 1), (datetime.date(2026, 10, 31) - datetime.date(2000, 1, 1)).days
    dates = sorted(start + datetime.timedelta(days=rng.randrange(span)) for _ in range(total))
    earlier = {}  # (type, issuer) -> numbers with a year, for replaces/amends
    samples = {}
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for issued in dates:
            doc_type, issuer, pattern, _share = rng.choices(KINDS, weights)[0]
            key = (pattern, issuer, issued.year)
            counters[key] = counters.get(key, 0) + 1
            number = pattern.format(n=counters[key], year=issued.year)
            effective = issued + datetime.timedelta(days=rng.choice([0, 0, 10, 15, 30, 45, 60]))
            expires = (
                effective + datetime.timedelta(days=365 * rng.randint(1, 5)) if rng.random() < 0.05 else None
            )
            signer, _title = rng.choice(SIGNERS)
            summary = rng.choice(OPENINGS).format(
                project=rng.choice(PROJECTS),
                topic=rng.choice(TOPICS),
                year=issued.year,
                year5=issued.year + 5,
            )
            replaces = amends = ""
            pool = earlier.setdefault((doc_type, issuer), [])
            if "{year}" in pattern:
                if pool and rng.random() < 0.04:
                    replaces = pool.pop(rng.randrange(len(pool)))
                elif pool and rng.random() < 0.04:
                    amends = rng.choice(pool)
                pool.append(number)
            status = "Ngưng hiệu lực" if rng.random() < 0.01 else ""
            fields = ";".join(rng.sample(FIELDS, rng.randint(1, 2)))
            writer.writerow(
                [
                    number,
                    doc_type,
                    issuer,
                    signer,
                    issued.strftime("%d/%m/%Y") if rng.random() < 0.8 else issued.isoformat(),
                    effective.strftime("%d/%m/%Y"),
                    expires.strftime("%d/%m/%Y") if expires else "",
                    status,
                    fields,
                    summary,
                    "",
                    replaces,
                    amends,
                ]
            )
            samples.setdefault(pattern, (number, issued.year))
    return samples


def index_page():
    page = LegalDocumentIndexPage.objects.live().first()
    if page is None:
        home = HomePage.objects.live().first()
        page = home.add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
        page.save_revision().publish()
    return page


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def queries(samples):
    nd_number, nd_year = samples["{n}/{year}/NĐ-CP"]
    n = nd_number.split("/")[0]
    qd_number, _year = samples["{n}/QĐ-UBND"]
    return [
        ("number as written", {"q": nd_number}),
        ("number, no diacritics", {"q": nd_number.replace("Đ", "D")}),
        ("number, slug spelling", {"q": f"{n}-{nd_year}-nd-cp"}),
        ("number/year only", {"q": f"{n}/{nd_year}"}),
        ("admin number (many years)", {"q": qd_number}),
        ("words, no diacritics", {"q": "ke hoach lua chon nha thau"}),
        ("words, no diacritics 2", {"q": "dich vu cong truc tuyen"}),
        ("words + type + year", {"q": "lua chon nha thau", "type": "quyet-dinh", "year": "2020"}),
        ("words + status", {"q": "dau tu cong", "status": "in_force"}),
        ("filters only: type", {"type": "nghi-dinh"}),
        ("filters only: issuer+year", {"issuer": "uy-ban-nhan-dan-tinh", "year": "2015"}),
        ("filters only: status", {"status": "expired"}),
        ("exact phrase", {"q": '"phê duyệt kế hoạch lựa chọn nhà thầu"'}),
        ("no filter, page 200", {"page": "200"}),
    ]


def time_page(client, url, params, runs):
    client.get(url, params)  # warm
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (params, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.get(url, params)
    return timings, len(captured)


def time_find(params, runs):
    filters = DocumentSearchForm(params).valid_filters()
    page = int(params.get("page", 1))
    timings = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        results, _facets = find(filters)
        results.count()
        list(results[(page - 1) * 20 : page * 20])
        timings.append((time.perf_counter() - started) * 1000)
    return timings[1:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--search-only", action="store_true", help="reuse the documents already imported")
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo_portal", verbosity=0, stdout=io.StringIO())
    var = Path(settings.VAR_DIR)
    var.mkdir(parents=True, exist_ok=True)
    path = var / f"van-ban-{options.documents}.csv"
    started = time.perf_counter()
    samples = write_csv(path, options.documents)
    print(
        f"CSV: {path} ({path.stat().st_size / 1e6:.1f} MB) written in {time.perf_counter() - started:.1f} s"
    )

    if not options.search_only:
        time_import(path)
    print(f"{LegalDocument.objects.filter(live=True).count()} live documents")
    time_search(samples, options.runs)


def time_import(path):
    before = LegalDocument.objects.count()
    result = import_documents(path, progress=True)
    print(f"import ({connection.vendor}, {before} documents before): {result}")
    result = import_documents(path, progress=True)
    print(f"re-import of the same file: {result}")


def time_search(samples, runs):
    page = index_page()
    client = Client()
    url = page.url
    print(f"\nsearch, {runs} runs each; page = GET {url}?… through the test client; find() = first page")
    print(f"{'query':<28} {'page med':>9} {'page p95':>9} {'queries':>8} {'find med':>9} {'find p95':>9}")
    all_page, all_find = [], []
    for label, params in queries(samples):
        page_times, count = time_page(client, url, params, runs)
        find_times = time_find(params, runs)
        all_page += page_times
        all_find += find_times
        page_figures = f"{statistics.median(page_times):>9.1f} {percentile(page_times, 0.95):>9.1f}"
        find_figures = f"{statistics.median(find_times):>9.1f} {percentile(find_times, 0.95):>9.1f}"
        print(f"{label:<28} {page_figures} {count:>8} {find_figures}")
    print(
        f"{'ALL':<28} {statistics.median(all_page):>9.1f} {percentile(all_page, 0.95):>9.1f} {'':>8} "
        f"{statistics.median(all_find):>9.1f} {percentile(all_find, 0.95):>9.1f}"
    )


if __name__ == "__main__":
    main()
