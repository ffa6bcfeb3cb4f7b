namespace ElearningRollout.Domain.Risks;

/// <summary>
/// Moves of a risk or issue through its statuses (<see cref="RiskEntry.ActionsFrom"/> says which are open from each);
/// resolving and accepting take a text, and so does closing an entry still open.
/// </summary>
public enum RiskAction
{
    StartMitigating,
    Resolve,
    Accept,
    Reopen,
    Close,
}
