using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.CostSharing;

/// <summary>
/// Editing the lines. Only a draft is edited; editing a signed agreement first starts its next version
/// (the signed one stays readable in <see cref="Versions"/>); a proposed one must be withdrawn first.
/// </summary>
public sealed partial class CostSharingAgreement
{
    public CostLine AddLine(CostLineTerms terms)
    {
        EnsureEditable();
        var line = new CostLine(++LastLineNumber, terms);
        _lines.Add(line);
        return line;
    }

    /// <summary>Saving a line unchanged changes nothing, so it cannot start a new version by accident.</summary>
    public void ChangeLine(Guid lineId, CostLineTerms terms)
    {
        var line = Line(lineId);
        if (line.Says(terms))
        {
            return;
        }

        if (line.Currency != terms.Currency && _actuals.Any(a => a.CostLineId == lineId))
        {
            throw new DomainException("Actual spend is recorded against this line in its currency, so its currency cannot change.");
        }

        EnsureEditable();
        line.Apply(terms);
    }

    public void RemoveLine(Guid lineId)
    {
        var line = Line(lineId);
        if (_actuals.Any(a => a.CostLineId == lineId))
        {
            throw new DomainException("Actual spend is recorded against this line, so it stays; change its amount instead.");
        }

        EnsureEditable();
        _lines.Remove(line);
    }

    public CostLine Line(Guid lineId) => _lines.SingleOrDefault(l => l.Id == lineId)
        ?? throw new DomainException("That cost line is not on this agreement.");

    private void EnsureEditable()
    {
        switch (State)
        {
            case AgreementState.Proposed:
                throw new DomainException("The agreement is proposed for signature; withdraw it before changing it.");
            case AgreementState.Signed:
                StartNextVersion();
                break;
        }
    }

    private void StartNextVersion()
    {
        VersionNumber++;
        State = AgreementState.Draft;
        ClearSignatures();
    }
}
