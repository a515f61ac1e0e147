import factory
from django.utils import timezone

from royalties.models import RoyaltyProposal, RoyaltyRate


class RoyaltyRateFactory(factory.django.DjangoModelFactory):
    name = "Tin"
    amount = 150_000

    class Meta:
        model = RoyaltyRate
        django_get_or_create = ("name",)


class RoyaltyProposalFactory(factory.django.DjangoModelFactory):
    """Pass `page` (a published item) and `proposed_by`; board, month, payee, amount follow as in the form."""

    category = factory.SubFactory(RoyaltyRateFactory)
    proposed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = RoyaltyProposal

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        proposal = model_class(*args, **kwargs)
        proposal.full_clean(exclude=["payee", "amount"])
        proposal.save()
        return proposal
