"""Choices for investment projects and bidding, worded as the laws word them."""

from django.db import models


class ProjectStatus(models.TextChoices):
    """The three groups Nghị định 43/2011 Điều 10 asks the portal to publish."""

    PREPARING = "preparing", "Chuẩn bị đầu tư"
    IN_PROGRESS = "in_progress", "Đang triển khai"
    COMPLETED = "completed", "Đã hoàn thành"


class ProjectType(models.TextChoices):
    """Classification by Luật Đầu tư công (Điều 6): national importance, then groups A, B, C by size."""

    NATIONAL = "national", "Dự án quan trọng quốc gia"
    GROUP_A = "group_a", "Dự án nhóm A"
    GROUP_B = "group_b", "Dự án nhóm B"
    GROUP_C = "group_c", "Dự án nhóm C"


class FundingSource(models.TextChoices):
    CENTRAL_BUDGET = "central_budget", "Ngân sách trung ương"
    LOCAL_BUDGET = "local_budget", "Ngân sách địa phương"
    ODA = "oda", "Vốn ODA và vốn vay ưu đãi nước ngoài"
    PPP = "ppp", "Đầu tư theo phương thức đối tác công tư (PPP)"
    ENTERPRISE = "enterprise", "Vốn của doanh nghiệp, nhà đầu tư"
    MIXED = "mixed", "Hỗn hợp nhiều nguồn vốn"


class SelectionMethod(models.TextChoices):
    """Hình thức lựa chọn nhà thầu, Luật Đấu thầu 2023 (Điều 20 to 29)."""

    OPEN = "open", "Đấu thầu rộng rãi"
    RESTRICTED = "restricted", "Đấu thầu hạn chế"
    DIRECT_CONTRACTING = "direct_contracting", "Chỉ định thầu"
    COMPETITIVE_QUOTATION = "competitive_quotation", "Chào hàng cạnh tranh"
    DIRECT_PROCUREMENT = "direct_procurement", "Mua sắm trực tiếp"
    SELF_PERFORMANCE = "self_performance", "Tự thực hiện"
    COMMUNITY = "community", "Tham gia thực hiện của cộng đồng"
    PRICE_NEGOTIATION = "price_negotiation", "Đàm phán giá"
    SPECIAL_CASE = "special_case", "Lựa chọn nhà thầu trong trường hợp đặc biệt"


class ProjectSort(models.TextChoices):
    DATE = "date", "Mới nhất"
    BUDGET = "budget", "Vốn đầu tư lớn nhất"
    BUDGET_ASC = "budget_asc", "Vốn đầu tư nhỏ nhất"
