using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.CostSharing;

/// <summary>Who may sign for each side of a rollout's agreement.</summary>
/// <param name="TrainingOwnerId">The rollout's training owner signs for Training.</param>
/// <param name="ItLiaisonId">The rollout's IT liaison, or any IT lead, signs for IT.</param>
public sealed record AgreementSignatories(string TrainingOwnerId, string? ItLiaisonId)
{
    public IReadOnlyList<AgreementSide> SidesOf(Actor actor)
    {
        var sides = new List<AgreementSide>();
        if (actor.UserId == TrainingOwnerId)
        {
            sides.Add(AgreementSide.Training);
        }

        if (actor.UserId == ItLiaisonId || actor.IsInRole(Roles.ItLead))
        {
            sides.Add(AgreementSide.It);
        }

        return sides;
    }
}

/// <summary>Draft -> Proposed -> Signed (both sides, in either order); Proposed -> Draft by withdrawing.</summary>
public sealed partial class CostSharingAgreement
{
    public void Propose()
    {
        if (ProposeRefusal() is { } refusal)
        {
            throw new DomainException(refusal);
        }

        State = AgreementState.Proposed;
    }

    /// <summary>Why <see cref="Propose"/> would refuse now, or null when it would not: the screen shows it beside the disabled action.</summary>
    public string? ProposeRefusal()
    {
        if (State != AgreementState.Draft)
        {
            return "Only a draft agreement can be proposed.";
        }

        return EveryLineCategorisedAndSplit ? null : "Add at least one cost line, each split between departments, before proposing.";
    }

    /// <summary>Back to draft to change something; any signature already given is dropped, as it was for other terms.</summary>
    public void Withdraw()
    {
        if (State != AgreementState.Proposed)
        {
            throw new DomainException("Only a proposed agreement can be withdrawn.");
        }

        State = AgreementState.Draft;
        ClearSignatures();
    }

    /// <summary>Signs for the side <paramref name="signer"/> stands for; returns it. The second signature makes the version signed.</summary>
    public AgreementSide Sign(Actor signer, AgreementSignatories signatories, DateTimeOffset now)
    {
        if (SignRefusal(signer, signatories, out var side) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        if (side == AgreementSide.Training)
        {
            (TrainingSignedById, TrainingSignedAt) = (signer.UserId, now);
        }
        else
        {
            (ItSignedById, ItSignedAt) = (signer.UserId, now);
        }

        if (TrainingSignedAt is not null && ItSignedAt is not null)
        {
            State = AgreementState.Signed;
            _versions.Add(new CostSharingAgreementVersion(this));
        }

        return side;
    }

    public DateTimeOffset? SignedAt(AgreementSide side) => side == AgreementSide.Training ? TrainingSignedAt : ItSignedAt;

    /// <summary>The last signed version before the current one (the current one itself once signed is excluded).</summary>
    public CostSharingAgreementVersion? PreviousSignedVersion =>
        _versions.Where(v => v.Number < VersionNumber).MaxBy(v => v.Number);

    /// <summary>What the current version changes from the last signed one; null for a first version.</summary>
    public AgreementChanges? ChangesSincePreviousVersion() => PreviousSignedVersion is { } previous
        ? AgreementChanges.Between(previous.Number, previous.TermMonths, previous.Lines, VersionNumber, TermMonths, _lines)
        : null;

    private void ClearSignatures()
    {
        (TrainingSignedById, TrainingSignedAt) = (null, null);
        (ItSignedById, ItSignedAt) = (null, null);
    }

    /// <summary>The side <paramref name="signer"/>'s signature would count for now, or null when <see cref="Sign"/> would refuse it.</summary>
    public AgreementSide? SideToSign(Actor signer, AgreementSignatories signatories)
        => SignRefusal(signer, signatories, out var side) is null ? side : null;

    private string? SignRefusal(Actor signer, AgreementSignatories signatories, out AgreementSide side)
    {
        side = default;
        if (State != AgreementState.Proposed)
        {
            return State == AgreementState.Signed
                ? "This version is already signed by both sides."
                : "Only a proposed agreement can be signed; propose it first.";
        }

        var sides = signatories.SidesOf(signer);
        if (sides.Count == 0)
        {
            return "Only the rollout's training owner signs for Training, and its IT liaison or an IT lead for IT.";
        }

        if (signer.UserId == TrainingSignedById || signer.UserId == ItSignedById)
        {
            return "You have already signed this agreement; the other side must be signed by someone else.";
        }

        var open = sides.Where(s => SignedAt(s) is null).ToList();
        if (open.Count == 0)
        {
            return $"The {sides[0].DisplayName()} side has already signed this version.";
        }

        side = open[0];
        return null;
    }
}
