using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Domain.Tests.CostSharing;

/// <summary>The side the screen offers someone to sign for (<see cref="CostSharingAgreement.SideToSign"/>) is the side their signature counts for.</summary>
public class SideToSignTests
{
    private static readonly Dictionary<string, Func<CostSharingAgreement>> Agreements = new()
    {
        ["draft"] = () => Costs.AnAgreement(24, Costs.Line()),
        ["proposed"] = Proposed,
        ["proposed, IT signed"] = () => SignedBy(Proposed(), Given.ItLead()),
        ["proposed, training signed"] = () => SignedBy(Proposed(), Given.TrainingManager()),
        ["signed"] = Costs.ASignedAgreement,
    };

    private static readonly Actor[] People =
    [
        Given.TrainingManager(),
        Given.TrainingManager("trainer-2"),
        Given.ItLead(),
        Given.ItLead("it-lead-2"),
        Given.Person("it-liaison-1", "IT"),
        Given.Executive(),
        Given.Person(Given.TrainerId, "Training", Roles.TrainingManager, Roles.ItLead),
    ];

    public static TheoryData<string> Scenarios => [.. Agreements.Keys];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_side_offered_is_the_side_the_signature_counts_for_and_none_when_it_is_refused(string scenario)
    {
        foreach (var person in People)
        {
            var offered = Agreements[scenario]().SideToSign(person, Costs.Signatories);
            AgreementSide? signed;
            try
            {
                signed = Agreements[scenario]().Sign(person, Costs.Signatories, Given.Now);
            }
            catch (DomainException)
            {
                signed = null;
            }

            Assert.True(offered == signed, $"{scenario}, {person.UserId}: offered {offered}, signed {signed}.");
        }
    }

    private static CostSharingAgreement Proposed()
    {
        var agreement = Costs.AnAgreement(24, Costs.Line());
        agreement.Propose();
        return agreement;
    }

    private static CostSharingAgreement SignedBy(CostSharingAgreement agreement, Actor signer)
    {
        agreement.Sign(signer, Costs.Signatories, Given.Now);
        return agreement;
    }
}
