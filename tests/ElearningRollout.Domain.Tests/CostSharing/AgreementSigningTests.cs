using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Domain.Tests.CostSharing;

public class AgreementSigningTests
{
    [Fact]
    public void Both_sides_sign_in_either_order_and_the_version_is_kept()
    {
        var agreement = Costs.AnAgreement(24, Costs.Line());
        agreement.Propose();

        Assert.Equal(AgreementSide.It, agreement.Sign(Given.ItLead(), Costs.Signatories, Given.Now));
        Assert.Equal(AgreementState.Proposed, agreement.State);
        Assert.Equal(AgreementSide.Training, agreement.Sign(Given.TrainingManager(), Costs.Signatories, Given.Now.AddHours(2)));

        Assert.Equal(AgreementState.Signed, agreement.State);
        var version = Assert.Single(agreement.Versions);
        Assert.Equal((1, Given.TrainerId, "it-lead-1", Given.Now), (version.Number, version.TrainingSignedById, version.ItSignedById, version.ItSignedAt));
        Assert.Equal(agreement.Lines[0].Id, Assert.Single(version.Lines).LineId);
    }

    [Fact]
    public void The_IT_liaison_signs_for_IT_without_being_an_IT_lead()
    {
        var agreement = Costs.AnAgreement(12, Costs.Line());
        agreement.Propose();

        Assert.Equal(AgreementSide.It, agreement.Sign(Given.Person("it-liaison-1", "IT"), Costs.Signatories, Given.Now));
    }

    [Fact]
    public void A_draft_cannot_be_signed_and_an_empty_agreement_cannot_be_proposed()
    {
        var empty = Costs.AnAgreement();

        Assert.Equal("Only a proposed agreement can be signed; propose it first.",
            Refusal.Of(() => empty.Sign(Given.TrainingManager(), Costs.Signatories, Given.Now)));
        Assert.Equal("Add at least one cost line, each split between departments, before proposing.", Refusal.Of(empty.Propose));
    }

    [Fact]
    public void The_reason_an_agreement_cannot_be_proposed_is_the_refusal_propose_gives()
    {
        var empty = Costs.AnAgreement();
        var proposed = Costs.AnAgreement(12, Costs.Line());
        proposed.Propose();
        var ready = Costs.AnAgreement(12, Costs.Line());

        Assert.Equal(Refusal.Of(empty.Propose), empty.ProposeRefusal());
        Assert.Equal(Refusal.Of(proposed.Propose), proposed.ProposeRefusal());
        Assert.Null(ready.ProposeRefusal());
    }

    [Fact]
    public void A_side_signs_once_and_nobody_signs_for_both_sides()
    {
        var agreement = Costs.AnAgreement(12, Costs.Line());
        agreement.Propose();
        agreement.Sign(Given.ItLead(), Costs.Signatories, Given.Now);

        Assert.Equal("The IT side has already signed this version.",
            Refusal.Of(() => agreement.Sign(Given.ItLead("it-lead-2"), Costs.Signatories, Given.Now)));

        // The training owner who is also an IT lead may sign once, for one side only.
        var ownerAndItLead = Given.Person(Given.TrainerId, "Training", "TrainingManager", "ItLead");
        var other = Costs.AnAgreement(12, Costs.Line());
        other.Propose();
        Assert.Equal(AgreementSide.Training, other.Sign(ownerAndItLead, Costs.Signatories, Given.Now));
        Assert.Equal("You have already signed this agreement; the other side must be signed by someone else.",
            Refusal.Of(() => other.Sign(ownerAndItLead, Costs.Signatories, Given.Now)));
        Assert.Equal(AgreementState.Proposed, other.State);
    }

    [Fact]
    public void Someone_who_is_neither_owner_nor_IT_cannot_sign()
    {
        var agreement = Costs.AnAgreement(12, Costs.Line());
        agreement.Propose();

        Assert.Equal("Only the rollout's training owner signs for Training, and its IT liaison or an IT lead for IT.",
            Refusal.Of(() => agreement.Sign(Given.Executive(), Costs.Signatories, Given.Now)));
    }

    [Fact]
    public void A_proposed_agreement_is_not_edited_until_withdrawn_which_drops_signatures()
    {
        var agreement = Costs.AnAgreement(12, Costs.Line());
        agreement.Propose();
        agreement.Sign(Given.ItLead(), Costs.Signatories, Given.Now);

        Assert.Equal("The agreement is proposed for signature; withdraw it before changing it.",
            Refusal.Of(() => agreement.AddLine(Costs.Line())));

        agreement.Withdraw();
        agreement.AddLine(Costs.Line(amount: 50m));

        Assert.Equal((AgreementState.Draft, 1, null), (agreement.State, agreement.VersionNumber, agreement.ItSignedById));
    }
}
