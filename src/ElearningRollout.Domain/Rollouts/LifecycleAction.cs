using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Rollouts;

/// <summary>The moves of a rollout's lifecycle (phase moves are separate: completing, skipping, sending back).</summary>
public enum LifecycleAction
{
    Activate,
    PutOnHold,
    Resume,
    GoLive,
    Close,
    Cancel,
}

/// <summary>
/// The one table of lifecycle moves: from which statuses each may be made, and what a person reads when it may not.
/// The transition methods of <see cref="Rollout"/> guard with it and <see cref="Rollout.AvailableLifecycleActions"/>
/// answers from it, so what a screen offers and what the rollout accepts cannot drift apart.
/// Draft -> Active &lt;-> OnHold; Active -> Live (through the Go-live phase) -> Closed; any non-final status -> Cancelled.
/// </summary>
public static class LifecycleMoves
{
    private static readonly IReadOnlyList<Move> Table =
    [
        new(LifecycleAction.Activate, [LifecycleStatus.Draft], NeedsReason: false, _ => "Only a draft rollout can be activated."),
        new(LifecycleAction.PutOnHold, [LifecycleStatus.Active], NeedsReason: true, _ => "Only an active rollout can be put on hold."),
        new(LifecycleAction.Resume, [LifecycleStatus.OnHold], NeedsReason: false, _ => "Only a rollout on hold can be resumed."),

        // Going live completes the Go-live phase, so it is refused as phase moves are.
        new(LifecycleAction.GoLive, [LifecycleStatus.Active], NeedsReason: false, status => status switch
        {
            LifecycleStatus.Draft => "Activate the rollout before moving its phases.",
            LifecycleStatus.OnHold => "The rollout is on hold; resume it before moving its phases.",
            _ => "The rollout can go live only from its Go-live phase.",
        }),
        new(LifecycleAction.Close, [LifecycleStatus.Live], NeedsReason: false, _ => "Only a live rollout can be closed."),
        new(LifecycleAction.Cancel, [LifecycleStatus.Draft, LifecycleStatus.Active, LifecycleStatus.OnHold, LifecycleStatus.Live], NeedsReason: true,
            _ => "Only a rollout that is not closed or cancelled can be cancelled."),
    ];

    /// <summary>In the order the screen shows them.</summary>
    public static IReadOnlyList<LifecycleAction> AvailableFrom(LifecycleStatus status)
        => [.. Table.Where(m => m.From.Contains(status)).Select(m => m.Action)];

    /// <summary>Putting on hold and cancelling record why (<see cref="Rollout.StatusReason"/>); the methods refuse a blank reason.</summary>
    public static bool NeedsReason(LifecycleAction action) => Of(action).NeedsReason;

    public static bool IsAllowed(LifecycleAction action, LifecycleStatus status) => Of(action).From.Contains(status);

    /// <summary>Throws the refusal when <paramref name="action"/> may not be made from <paramref name="status"/>.</summary>
    public static void Ensure(LifecycleAction action, LifecycleStatus status)
    {
        var move = Of(action);
        if (!move.From.Contains(status))
        {
            throw new DomainException(move.Refusal(status));
        }
    }

    private static Move Of(LifecycleAction action)
        => Table.SingleOrDefault(m => m.Action == action) ?? throw new DomainException("That change of status is not known.");

    private sealed record Move(LifecycleAction Action, LifecycleStatus[] From, bool NeedsReason, Func<LifecycleStatus, string> Refusal);
}
