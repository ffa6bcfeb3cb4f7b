using ElearningRollout.Application.CostSharing;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Application.Common;

namespace ElearningRollout.Application.Gates;

/// <summary>
/// Two of the Budget agreement gate's required items are facts about the cost-sharing agreement, so they follow it rather
/// than being ticked by hand. The template marks them (<see cref="AgreementFact"/>) and gates copy the mark, so the link
/// survives administrators rewording or reordering the checklist: "every cost line has a category and an owner
/// department split" is met when every line is categorised and split; "recurring costs priced" when both sides signed.
/// </summary>
public sealed class BudgetGateLink(CostSharingQueries costSharing) : IFeatureService
{
    public const string Evidence = "Follows the cost-sharing agreement (Costs tab).";

    public static bool IsAgreementDriven(ClearanceGate gate, Guid itemId)
        => gate.Kind == GateKind.BudgetAgreement && DrivenItems(gate).Any(i => i.Id == itemId);

    /// <summary>Sets the driven items from the agreement as stored now; does nothing on other gates or a cleared one.</summary>
    public async Task ApplyAsync(ClearanceGate gate, string setById, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (gate.Kind != GateKind.BudgetAgreement || gate.IsCleared)
        {
            return;
        }

        var status = await costSharing.BudgetAgreementStatusAsync(gate.RolloutId, cancellationToken);
        foreach (var item in DrivenItems(gate))
        {
            var met = item.FollowsAgreement switch
            {
                AgreementFact.EveryLineCategorisedAndSplit => status.HasAgreement && status.EveryLineCategorisedAndSplit,
                AgreementFact.AgreementSigned => status.IsSigned,
                _ => false,
            };
            var state = met ? ChecklistItemState.Met : ChecklistItemState.Open;
            if (item.State != state)
            {
                gate.SetChecklistItem(item.Id, state, Evidence, setById, now);
            }
        }
    }

    public static void EnsureNotAgreementDriven(ClearanceGate gate, Guid itemId)
    {
        if (IsAgreementDriven(gate, itemId))
        {
            throw new DomainException("This item follows the cost-sharing agreement: complete and sign the agreement on the Costs tab.");
        }
    }

    private static IEnumerable<GateChecklistItem> DrivenItems(ClearanceGate gate)
        => gate.Checklist.Where(i => i.FollowsAgreement is not null);
}
